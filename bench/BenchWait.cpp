// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchWait.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

bool BenchWait::until(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QTimer tick; // wakes the loop up so the deadline is noticed
    tick.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}
