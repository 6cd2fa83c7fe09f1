// SPDX-License-Identifier: GPL-3.0-or-later
#include "FanOutBench.h"

#include "BenchClock.h"
#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "EditSequence.h"
#include "FanOutSide.h"
#include "FloorProcess.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

void measureSize(const BenchOptions &options, int sessions, ResultTable *table)
{
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
    FanOutSide followMe;
    FanOutSide bare;
    const bool receiversUp = followMe.addReceivers(server.url(), token, sessions,
                                                   QDir(folder).filePath(u"receivers-server"_s))
        && bare.addReceivers(floor.url(), {}, sessions,
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
    FanOutSide::runRounds(options, &followMe, &bare, &sequence, u"fan-out %1"_s.arg(sessions));
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
                       .arg(FanOutSide::floorPushText().toUtf8().size())
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
