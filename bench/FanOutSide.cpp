// SPDX-License-Identifier: GPL-3.0-or-later
#include "FanOutSide.h"

#include "BenchClock.h"
#include "BenchOptions.h"
#include "BenchWait.h"
#include "EditSequence.h"
#include "Summary.h"

#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

bool FanOutSide::addReceivers(const QUrl &url, const QString &token, int count,
                              const QString &logPrefix)
{
    const int processes = std::clamp((count + 249) / 250, 1, 4);
    for (int p = 0; p < processes; ++p) {
        const int share = count / processes + (p < count % processes ? 1 : 0);
        auto receiver = std::make_unique<FloorProcess>();
        if (!receiver->startReceivers(url, share, token, logPrefix + u"-%1.log"_s.arg(p)))
            return false;
        receivers.push_back(std::move(receiver));
        expected += share;
    }
    return true;
}

bool FanOutSide::change(const QString &text, bool waitForAck, LatencyStats *round,
                        LatencyStats *afterAck)
{
    qint64 ackedAt = waitForAck ? 0 : -1;
    sender->setHandler([&](BenchSession *, const QString &answer, qint64 arrival) {
        if (ackedAt == 0 && BenchSession::typeOf(answer) == u"ack"_s)
            ackedAt = arrival;
    });
    QList<qint64> arrivals;
    const qint64 sentAt = BenchClock::nowNs();
    sender->send(text);
    const bool done = BenchWait::until(
        [&] {
            for (const auto &receiver : receivers)
                arrivals += receiver->arrivals();
            return ackedAt != 0 && arrivals.size() >= expected;
        },
        30000);
    sender->setHandler({});
    for (qint64 arrival : std::as_const(arrivals)) {
        round->add(double(arrival - sentAt) / 1000.0);
        if (afterAck && ackedAt > 0)
            afterAck->add(double(std::max<qint64>(0, arrival - ackedAt)) / 1000.0);
    }
    return done;
}

QString FanOutSide::floorPushText()
{
    return u"{\"callKind\":\"external\",\"device\":\"desk\",\"revision\":1,\"rule\":{\"delay\":5,"
           u"\"enabled\":true,\"timeout\":25},\"type\":\"ruleChanged\"}"_s;
}

void FanOutSide::runRounds(const BenchOptions &options, FanOutSide *followMe, FanOutSide *bare,
                           EditSequence *sequence, const QString &label)
{
    QTextStream out(stdout);
    const QString pushText = floorPushText();
    for (int round = 0; round < options.rounds; ++round) {
        auto serverChanges = [&] {
            LatencyStats roundStats;
            LatencyStats afterAck;
            for (int c = 0; c < options.changes && !followMe->failed; ++c)
                followMe->failed =
                    !followMe->change(sequence->next(), true, &roundStats, &afterAck);
            followMe->perSession.addAll(roundStats);
            followMe->roundP99.add(roundStats.percentile(99));
            followMe->afterAckRoundP99.add(afterAck.percentile(99));
        };
        auto floorChanges = [&] {
            LatencyStats roundStats;
            for (int c = 0; c < options.changes && !bare->failed; ++c)
                bare->failed = !bare->change(pushText, false, &roundStats);
            bare->perSession.addAll(roundStats);
            bare->roundP99.add(roundStats.percentile(99));
        };
        // The order turns each round, so a slow phase of the machine hits both sides.
        if (round % 2 == 0) {
            serverChanges();
            floorChanges();
        } else {
            floorChanges();
            serverChanges();
        }
        out << "  " << label << " round " << round + 1 << '/' << options.rounds << ": p99 "
            << Summary::format(followMe->roundP99.samples().constLast(),
                               Summary::Unit::Microseconds)
            << " vs floor "
            << Summary::format(bare->roundP99.samples().constLast(), Summary::Unit::Microseconds)
            << Qt::endl;
        if (followMe->failed || bare->failed)
            break;
    }
}
