// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessMemory.h"

#include <QFile>

using namespace Qt::StringLiterals;

ProcessMemory::Usage ProcessMemory::of(qint64 pid)
{
    Usage usage;
    QFile file(u"/proc/%1/smaps_rollup"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return usage;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        if (fields.at(0) == "Rss:")
            usage.rssKiB = fields.at(1).toLongLong();
        else if (fields.at(0) == "Pss:")
            usage.pssKiB = fields.at(1).toLongLong();
    }
    return usage;
}
