// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchSession.h"
#include "FloorProcess.h"
#include "LatencyStats.h"

class EditSequence;
struct BenchOptions;

#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

// One side of a fan-out measurement: a sender in the benchmark, its receivers in
// followme-bench-floor receivers processes (a few, so that no one event loop polls all the
// sockets: the receiving end should cost as little as it can, for FollowMe and for the floor
// alike), and what they measured.
struct FanOutSide
{
    std::vector<std::unique_ptr<FloorProcess>> receivers;
    int expected = 0;
    std::unique_ptr<BenchSession> sender;
    LatencyStats perSession; // send → arrival at each receiver, µs
    LatencyStats roundP99; // each round's p99 of perSession
    LatencyStats afterAckRoundP99; // the same counted from the sender's ack (server only)
    bool failed = false;

    // `count` more receivers connected to `url` (logged in with `token`, or bare when it is
    // empty): up to 250 per process, at most 4 processes per call.
    bool addReceivers(const QUrl &url, const QString &token, int count, const QString &logPrefix);
    // Sends one change and waits until every receiver has it (and, from the server, the ack).
    // round: send → arrival per receiver; afterAck: the sender's ack → arrival (0 for a push
    // that came first), the fan-out without the commit before it.
    bool change(const QString &text, bool waitForAck, LatencyStats *round,
                LatencyStats *afterAck = nullptr);

    // The rounds of one measurement: in each, options.changes edits from the server's sender
    // (from `sequence`) and as many floorPushText() broadcasts, the sides in turns; each round's
    // p99 is printed after `label`. Stops at the first change that did not reach everyone.
    static void runRounds(const BenchOptions &options, FanOutSide *followMe, FanOutSide *bare,
                          EditSequence *sequence, const QString &label);
    // What the floor broadcasts: a text of the server's push's shape and size.
    static QString floorPushText();
};
