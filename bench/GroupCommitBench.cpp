// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupCommitBench.h"

#include "BenchClock.h"
#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchUsers.h"
#include "BenchWait.h"
#include "ClosedLoop.h"
#include "EditSequence.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Editor
{
    BenchSession session;
    std::unique_ptr<EditSequence> sequence;
    bool inFlight = false;
    qint64 sentAt = 0;
};

// All editors in a closed loop for durationMs; acks per second within that time, and each ack's
// latency into latencies.
double concurrentRate(std::vector<std::unique_ptr<Editor>> &editors, int durationMs,
                      LatencyStats *latencies)
{
    const qint64 start = BenchClock::nowNs();
    const qint64 end = start + qint64(durationMs) * 1000000;
    qint64 acks = 0;
    qint64 lastAck = start;
    bool failed = false;
    for (auto &editor : editors) {
        Editor *e = editor.get();
        e->session.setHandler(
            [=, &acks, &lastAck, &failed](BenchSession *, const QString &text, qint64 arrival) {
                const QString type = BenchSession::typeOf(text);
                if (type == u"error"_s) {
                    failed = true;
                    return;
                }
                if (type != u"ack"_s)
                    return;
                e->inFlight = false;
                if (arrival <= end) {
                    ++acks;
                    lastAck = std::max(lastAck, arrival);
                    latencies->add(double(arrival - e->sentAt) / 1000.0);
                }
                if (BenchClock::nowNs() < end) {
                    e->sentAt = BenchClock::nowNs();
                    e->inFlight = true;
                    e->session.send(e->sequence->next());
                }
            });
    }
    for (auto &editor : editors) {
        editor->inFlight = true;
        editor->sentAt = BenchClock::nowNs();
        editor->session.send(editor->sequence->next());
    }
    // Until every edit sent has its ack, so the next phase starts on a quiet server.
    BenchWait::until(
        [&] {
            return failed || std::none_of(editors.begin(), editors.end(), [](const auto &e) {
                       return e->inFlight;
                   });
        },
        durationMs + 60000);
    for (auto &editor : editors)
        editor->session.setHandler({});
    // Up to the last ack inside the time, not to its end: acks may come in waves (one per
    // commit of a group), and a window that ends between two waves would count the gap.
    return failed || lastAck <= start ? 0 : double(acks) * 1e9 / double(lastAck - start);
}

} // namespace

void GroupCommitBench::run(const BenchOptions &options, ResultTable *table)
{
    QTextStream out(stdout);
    const QString figure =
        u"edits/s, %1 sessions editing at once vs one alone"_s.arg(options.groupSessions);
    ServerProcess server;
    if (!server.start(QDir(options.workFolder).filePath(u"group"_s))) {
        table->addMissing(figure, u"the server did not start"_s);
        return;
    }
    const QList<BenchUsers::User> users = BenchUsers::create(server.url(), options.groupSessions);
    if (users.size() < options.groupSessions) {
        table->addMissing(figure, u"could not create the users"_s);
        return;
    }
    std::vector<std::unique_ptr<Editor>> editors;
    for (const BenchUsers::User &user : users) {
        auto editor = std::make_unique<Editor>();
        editor->sequence = std::make_unique<EditSequence>(u"group"_s, user.device);
        editor->session.open(server.url(), user.token);
        editors.push_back(std::move(editor));
    }
    BenchWait::until(
        [&] {
            return std::all_of(editors.begin(), editors.end(), [](const auto &e) {
                return e->session.isReady() || e->session.hasFailed();
            });
        },
        30000);
    if (!std::all_of(editors.begin(), editors.end(),
                     [](const auto &e) { return e->session.isReady(); })) {
        table->addMissing(figure, u"not all sessions logged in"_s);
        return;
    }

    LatencyStats concurrent;
    LatencyStats alone;
    LatencyStats concurrentLatency;
    Editor &single = *editors.front();
    for (int round = 0; round < options.rounds; ++round) {
        auto together = [&] {
            concurrent.add(concurrentRate(editors, options.groupMs, &concurrentLatency));
        };
        auto one = [&] {
            alone.add(
                ClosedLoop::editRate(&single.session, single.sequence.get(), options.groupMs));
        };
        if (round % 2 == 0) {
            together();
            one();
        } else {
            one();
            together();
        }
        out << "  group round " << round + 1 << '/' << options.rounds << ": "
            << Summary::format(concurrent.samples().constLast(), Summary::Unit::PerSecond)
            << " together, "
            << Summary::format(alone.samples().constLast(), Summary::Unit::PerSecond) << " alone"
            << Qt::endl;
    }
    table->add({figure, Summary::ofRounds(concurrent, Summary::Unit::PerSecond),
                Summary::ofRounds(alone, Summary::Unit::PerSecond),
                ResultTable::Goal::ratioAtLeast(10)});
    table->addNote(
        u"group commit: %1 users made through the admin protocol, one session and "
        u"device each (so no edit is pushed to another session), %2 rounds of %3 ms "
        u"per phase; ack latency while %1 edit at once: %4."_s.arg(options.groupSessions)
            .arg(options.rounds)
            .arg(options.groupMs)
            .arg(Summary::ofSamples(concurrentLatency, Summary::Unit::Microseconds).text()));
}
