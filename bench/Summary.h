// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LatencyStats.h"

#include <QString>

// One figure of the table: its median (or other centre) and its spread, p10–p90.
struct Summary
{
    enum class Unit { Microseconds, PerSecond, KiB };

    double center = 0;
    double low = 0;
    double high = 0;
    qsizetype n = 0;
    Unit unit = Unit::Microseconds;

    bool isValid() const { return n > 0; }
    // The p-th percentile of all samples (50: the median), spread p10–p90 of the samples.
    static Summary ofSamples(const LatencyStats &samples, Unit unit, double p = 50);
    // One value per round (a rate, a CPU time per edit, a round's p99): their median, spread
    // p10–p90 over the rounds.
    static Summary ofRounds(const LatencyStats &perRound, Unit unit);
    static Summary ofValue(double value, Unit unit);

    // "610 µs (540–700)", "1.2 ms (1.1–1.4)", "850 /s (800–900)", "36.0 KiB"
    QString text() const;
    static QString format(double value, Unit unit);
};
