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

// One side of the fan-out: a sender in the benchmark, its receivers in followme-bench-floor
// receivers processes (a few, so that no one event loop polls all the sockets: the receiving
// end should cost as little as it can, for FollowMe and for the floor alike), and what they
// measured.
struct Side
{
    std::vector<std::unique_ptr<FloorProcess>> receivers;
    int expected = 0;
    std::unique_ptr<BenchSession> sender;
    LatencyStats perSession; // send → arrival at each receiver, µs
    LatencyStats roundP99; // each round's p99 of perSession
    LatencyStats afterAckRoundP99; // the same counted from the sender's ack (server only)
    bool failed = false;
};

// Up to 250 receivers per process, at most 4 processes.
bool startReceivers(Side *side, const QUrl &url, const QString &token, int count,
                    const QString &logPrefix)
{
    const int processes = std::clamp((count + 249) / 250, 1, 4);
    for (int p = 0; p < processes; ++p) {
        const int share = count / processes + (p < count % processes ? 1 : 0);
        auto receiver = std::make_unique<FloorProcess>();
        if (!receiver->startReceivers(url, share, token, logPrefix + u"-%1.log"_s.arg(p)))
            return false;
        side->receivers.push_back(std::move(receiver));
        side->expected += share;
    }
    return true;
}

// Sends one change and waits until every receiver has it (and, from the server, the ack).
// round: send → arrival per receiver; afterAck: the sender's ack → arrival (0 for a push that
// came first), the fan-out without the commit before it.
bool change(Side *side, const QString &text, bool waitForAck, LatencyStats *round,
            LatencyStats *afterAck = nullptr)
{
    qint64 ackedAt = waitForAck ? 0 : -1;
    side->sender->setHandler([&](BenchSession *, const QString &answer, qint64 arrival) {
        if (ackedAt == 0 && BenchSession::typeOf(answer) == u"ack"_s)
            ackedAt = arrival;
    });
    QList<qint64> arrivals;
    const qint64 sentAt = BenchClock::nowNs();
    side->sender->send(text);
    const bool done = BenchWait::until(
        [&] {
            for (const auto &receiver : side->receivers)
                arrivals += receiver->arrivals();
            return ackedAt != 0 && arrivals.size() >= side->expected;
        },
        30000);
    side->sender->setHandler({});
    for (qint64 arrival : std::as_const(arrivals)) {
        round->add(double(arrival - sentAt) / 1000.0);
        if (afterAck && ackedAt > 0)
            afterAck->add(double(std::max<qint64>(0, arrival - ackedAt)) / 1000.0);
    }
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
    const bool receiversUp = startReceivers(&followMe, server.url(), token, sessions,
                                            QDir(folder).filePath(u"receivers-server"_s))
        && startReceivers(&bare, floor.url(), {}, sessions,
                          QDir(folder).filePath(u"receivers-floor"_s));
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
    if (!receiversUp || !followMe.sender->isReady() || !bare.sender->isReady()) {
        table->addMissing(u"push, "_s + name, u"the sessions did not all connect"_s);
        return;
    }
    const bool lowDelay = followMe.sender->hasLowDelay() && bare.sender->hasLowDelay();

    EditSequence sequence(u"fan-%1"_s.arg(sessions), u"desk"_s);
    // The floor broadcasts a text of the server's push's shape and size.
    const QString pushText =
        u"{\"callKind\":\"external\",\"device\":\"desk\",\"revision\":1,\"rule\":{\"delay\":5,"
        u"\"enabled\":true,\"timeout\":25},\"type\":\"ruleChanged\"}"_s;
    for (int round = 0; round < options.rounds; ++round) {
        auto serverChanges = [&] {
            LatencyStats roundStats;
            LatencyStats afterAck;
            for (int c = 0; c < options.changes && !followMe.failed; ++c)
                followMe.failed = !change(&followMe, sequence.next(), true, &roundStats, &afterAck);
            followMe.perSession.addAll(roundStats);
            followMe.roundP99.add(roundStats.percentile(99));
            followMe.afterAckRoundP99.add(afterAck.percentile(99));
        };
        auto floorChanges = [&] {
            LatencyStats roundStats;
            for (int c = 0; c < options.changes && !bare.failed; ++c)
                bare.failed = !change(&bare, pushText, false, &roundStats);
            bare.perSession.addAll(roundStats);
            bare.roundP99.add(roundStats.percentile(99));
        };
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
    table->add({u"push p99 counted from the sender's ack, "_s + name,
                Summary::ofRounds(followMe.afterAckRoundP99, Unit::Microseconds),
                Summary::ofRounds(bare.roundP99, Unit::Microseconds),
                ResultTable::Goal::valueAtMost(sessions <= 10 ? 1000 : 10000)});
    table->addNote(u"fan-out %1: %2 rounds × %3 changes per side; the receivers in %4 "
                   u"followme-bench-floor receivers processes per side, arrival times on the "
                   u"machine's monotonic clock; TCP_NODELAY on the benchmark's sockets: %5 "
                   u"(getsockopt); p99 is the median of the rounds' p99s, spread over rounds; "
                   u"\"from the sender's ack\" leaves out the commit (an fdatasync) before the "
                   u"pushes, the floor has none; "
                   u"the floor broadcasts a push-shaped text (%6 B)%7."_s.arg(name)
                       .arg(options.rounds)
                       .arg(options.changes)
                       .arg(followMe.receivers.size())
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
