// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// The CPU time another process has used so far (user and system, all its threads).
class ProcessCpu
{
public:
    // Nanoseconds; -1 when it can't be read. From the scheduler's per-thread run time
    // (/proc/PID/task/*/schedstat, nanoseconds), because utime+stime in /proc/PID/stat count
    // in clock ticks (10 ms), far coarser than the tens of microseconds an echo costs; falls
    // back to /proc/PID/stat where schedstat is missing.
    static qint64 usedNs(qint64 pid);
    // Where the figure came from: "schedstat" or "stat" (for the report).
    static const char *source();
};
