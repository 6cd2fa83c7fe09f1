// SPDX-License-Identifier: GPL-3.0-or-later
#include "FanOutBench.h"

#include "BenchClock.h"
#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "EditSequence.h"
#include "FloorProcess.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Sessions = std::vector<std::unique_ptr<BenchSession>>;

// Opens count sessions in batches (a burst of 1000 handshakes overflows the listen backlog);
// token empty: raw connections to a floor. Returns how many are up.
int openSessions(Sessions *sessions, const QUrl &url, const QString &token, int count)
{
    for (int opened = 0; opened < count;) {
        const int batch = std::min(100, count - opened);
        for (int i = 0; i < batch; ++i) {
            sessions->push_back(std::make_unique<BenchSession>());
            if (token.isEmpty())
                sessions->back()->openRaw(url);
            else
                sessions->back()->open(url, token);
        }
        opened += batch;
        if (!BenchWait::until(
                [&] {
                    return std::all_of(sessions->begin(), sessions->end(), [](const auto &s) {
                        return s->isReady() || s->hasFailed();
                    });
                },
                30000))
            break;
    }
    return int(std::count_if(sessions->begin(), sessions->end(),
                             [](const auto &s) { return s->isReady() && !s->hasFailed(); }));
}

// One side of the fan-out: a sender, its receivers, and what they measured.
struct Side
{
    Sessions receivers;
    std::unique_ptr<BenchSession> sender;
    LatencyStats perSession; // send → arrival at each receiver, µs
    LatencyStats roundP99; // each round's p99 of perSession
    bool failed = false;
};

// Sends one change and waits until every receiver has it (and, from the server, the ack).
bool change(Side *side, const QString &text, bool waitForAck, LatencyStats *round,
            QString *arrived = nullptr)
{
    qint64 sentAt = 0;
    int received = 0;
    bool acked = !waitForAck;
    for (const auto &receiver : side->receivers) {
        receiver->setHandler([&](BenchSession *, const QString &pushed, qint64 arrival) {
            round->add(double(arrival - sentAt) / 1000.0);
            if (arrived)
                *arrived = pushed;
            ++received;
        });
    }
    side->sender->setHandler([&](BenchSession *, const QString &answer, qint64) {
        acked = acked || BenchSession::typeOf(answer) == u"ack"_s;
    });
    const int expected = int(side->receivers.size());
    sentAt = BenchClock::nowNs();
    side->sender->send(text);
    const bool done = BenchWait::until([&] { return acked && received >= expected; }, 30000);
    for (const auto &receiver : side->receivers)
        receiver->setHandler({});
    side->sender->setHandler({});
    return done;
}

void measureSize(const BenchOptions &options, int sessions, ResultTable *table)
{
    QTextStream out(stdout);
    const QString folder = QDir(options.workFolder).filePath(u"fanout-%1"_s.arg(sessions));
    const QString name = u"%1 sessions"_s.arg(sessions);
    ServerProcess server;
    FloorProcess floor;
    if (!server.start(folder)
        || !floor.startServer(u"broadcast"_s, QDir(folder).filePath(u"broadcast.log"_s))) {
        table->addMissing(u"push, "_s + name, u"the server or the broadcast floor did not start"_s);
        return;
    }
    const QString token = u"alice-demo-token"_s;
    Side followMe;
    Side bare;
    const int upFollowMe = openSessions(&followMe.receivers, server.url(), token, sessions);
    const int upBare = openSessions(&bare.receivers, floor.url(), {}, sessions);
    followMe.sender = std::make_unique<BenchSession>();
    followMe.sender->open(server.url(), token);
    bare.sender = std::make_unique<BenchSession>();
    bare.sender->openRaw(floor.url());
    BenchWait::until(
        [&] {
            return (followMe.sender->isReady() || followMe.sender->hasFailed())
                && (bare.sender->isReady() || bare.sender->hasFailed());
        },
        10000);
    if (upFollowMe < sessions || upBare < sessions || !followMe.sender->isReady()
        || !bare.sender->isReady()) {
        table->addMissing(
            u"push, "_s + name,
            u"only %1 (server) and %2 (floor) of %3 sessions connected"_s.arg(upFollowMe)
                .arg(upBare)
                .arg(sessions));
        return;
    }
    const bool lowDelay = std::all_of(followMe.receivers.begin(), followMe.receivers.end(),
                                      [](const auto &s) { return s->hasLowDelay(); });

    EditSequence sequence(u"fan-%1"_s.arg(sessions), u"desk"_s);
    // The floor broadcasts a text of a push's size: the server's own push, once one was seen.
    QString pushText = u"{\"type\":\"ruleChanged\",\"device\":\"desk\",\"callKind\":\"external\","
                       u"\"rule\":{\"enabled\":true,\"delay\":5,\"timeout\":25},\"revision\":1}"_s;
    for (int round = 0; round < options.rounds; ++round) {
        auto serverChanges = [&] {
            LatencyStats roundStats;
            for (int c = 0; c < options.changes && !followMe.failed; ++c) {
                followMe.failed = !change(&followMe, sequence.next(), true, &roundStats);
            }
            followMe.perSession.addAll(roundStats);
            followMe.roundP99.add(roundStats.percentile(99));
        };
        auto floorChanges = [&] {
            LatencyStats roundStats;
            for (int c = 0; c < options.changes && !bare.failed; ++c)
                bare.failed = !change(&bare, pushText, false, &roundStats);
            bare.perSession.addAll(roundStats);
            bare.roundP99.add(roundStats.percentile(99));
        };
        if (round == 0) {
            // Capture the server's push text before the floor sends its first one.
            QString seen;
            LatencyStats ignored;
            followMe.failed = !change(&followMe, sequence.next(), true, &ignored, &seen);
            if (!seen.isEmpty())
                pushText = seen;
        }
        if (round % 2 == 0) {
            serverChanges();
            floorChanges();
        } else {
            floorChanges();
            serverChanges();
        }
        out << "  fan-out " << sessions << " round " << round + 1 << '/' << options.rounds
            << ": p99 "
            << Summary::format(followMe.roundP99.samples().constLast(), Summary::Unit::Microseconds)
            << " vs floor "
            << Summary::format(bare.roundP99.samples().constLast(), Summary::Unit::Microseconds)
            << Qt::endl;
        if (followMe.failed || bare.failed)
            break;
    }
    using Unit = Summary::Unit;
    table->add({u"push p50, one change → "_s + name,
                Summary::ofSamples(followMe.perSession, Unit::Microseconds),
                Summary::ofSamples(bare.perSession, Unit::Microseconds),
                {}});
    table->add({u"push p99, one change → "_s + name,
                Summary::ofRounds(followMe.roundP99, Unit::Microseconds),
                Summary::ofRounds(bare.roundP99, Unit::Microseconds),
                ResultTable::Goal::valueAtMost(sessions <= 10 ? 1000 : 10000)});
    table->addNote(u"fan-out %1: %2 rounds × %3 changes per side, receivers in the benchmark's "
                   u"own thread (TCP_NODELAY on their sockets: %4, checked with getsockopt); "
                   u"p99 is the median of the rounds' p99s, spread over rounds; the floor "
                   u"broadcasts the server's own push text (%5 B)%6."_s.arg(name)
                       .arg(options.rounds)
                       .arg(options.changes)
                       .arg(lowDelay ? u"yes"_s : u"NO"_s)
                       .arg(pushText.toUtf8().size())
                       .arg(followMe.failed || bare.failed ? u"; STOPPED EARLY: a change did not "
                                                             u"reach every session in 30 s"_s
                                                           : QString()));
}

} // namespace

void FanOutBench::run(const BenchOptions &options, ResultTable *table)
{
    for (int sessions : options.fanOutSizes) {
        if (sessions > 0)
            measureSize(options, sessions, table);
    }
}
