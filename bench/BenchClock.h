#pragma once

#include <QElapsedTimer>

// One monotonic clock for every timestamp of a benchmark run.
class BenchClock
{
public:
    static qint64 nowNs()
    {
        static const QElapsedTimer clock = [] {
            QElapsedTimer timer;
            timer.start();
            return timer;
        }();
        return clock.nsecsElapsed();
    }
};
