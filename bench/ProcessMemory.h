// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Another process's memory as the kernel counts it (/proc/PID/smaps_rollup).
class ProcessMemory
{
public:
    struct Usage
    {
        qint64 rssKiB = -1;
        qint64 pssKiB = -1; // shared pages divided among the processes that share them
    };

    static Usage of(qint64 pid);
};
