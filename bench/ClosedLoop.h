// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LatencyStats.h"

#include <QString>

class BenchSession;
class EditSequence;

// Closed-loop round trips on one connection: the next request leaves when the answer to the
// previous one is in. Each sample is one round trip in microseconds.
class ClosedLoop
{
public:
    // setRule edits, each timed until its ack; stops early at an error or a timeout.
    static LatencyStats edits(BenchSession *session, EditSequence *sequence, int count);
    // The same text sent to an echo, timed until it is back.
    static LatencyStats echoes(BenchSession *session, const QString &text, int count);
    // Edits until durationMs have passed; the acks per second over that time.
    static double editRate(BenchSession *session, EditSequence *sequence, int durationMs);
};
