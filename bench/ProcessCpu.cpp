// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessCpu.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

bool schedstatWorks = true;

qint64 fromSchedstat(qint64 pid)
{
    const QString taskDir = u"/proc/%1/task"_s.arg(pid);
    const QStringList tasks = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (tasks.isEmpty())
        return -1;
    qint64 total = 0;
    for (const QString &task : tasks) {
        QFile file(taskDir + u'/' + task + u"/schedstat"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue; // a thread that just ended
        bool ok = false;
        const qint64 ns = file.readAll().split(' ').value(0).toLongLong(&ok);
        if (ok)
            total += ns;
    }
    return total;
}

qint64 fromStat(qint64 pid)
{
#ifdef Q_OS_UNIX
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = file.readAll();
    // The command name in parentheses may hold spaces: fields are counted after its ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * (1000000000LL / sysconf(_SC_CLK_TCK));
#else
    Q_UNUSED(pid);
    return -1;
#endif
}

} // namespace

qint64 ProcessCpu::usedNs(qint64 pid)
{
    if (schedstatWorks) {
        const qint64 ns = fromSchedstat(pid);
        if (ns > 0)
            return ns;
        schedstatWorks = false;
    }
    return fromStat(pid);
}

const char *ProcessCpu::source()
{
    return schedstatWorks ? "/proc/PID/task/*/schedstat" : "/proc/PID/stat utime+stime";
}
