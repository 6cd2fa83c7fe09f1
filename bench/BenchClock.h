#pragma once

#include <QtGlobal>

#include <chrono>

// One monotonic clock for every timestamp of a benchmark run. steady_clock is CLOCK_MONOTONIC
// on Linux, one clock for the whole machine, so a time taken in a floor process compares with
// one taken in the benchmark.
class BenchClock
{
public:
    static qint64 nowNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};
