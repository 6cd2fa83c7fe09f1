// SPDX-License-Identifier: GPL-3.0-or-later
#include "MachineInfo.h"

#include <QFile>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

QString cpuModel()
{
    QFile file(u"/proc/cpuinfo"_s);
    if (!file.open(QIODevice::ReadOnly))
        return QSysInfo::currentCpuArchitecture();
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QSysInfo::currentCpuArchitecture();
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly)
        ? QString::fromUtf8(file.readAll().split(' ').mid(0, 3).join(' '))
        : u"?"_s;
}

} // namespace

QString MachineInfo::describe(const QString &folder)
{
    const QStorageInfo storage(folder);
    return u"%1 cores (%2), %3 %4, Qt %5; databases on %6 (%7 at %8); load average %9"_s
        .arg(QThread::idealThreadCount())
        .arg(cpuModel(), QSysInfo::kernelType(), QSysInfo::kernelVersion(),
             QString::fromUtf8(qVersion()), QString::fromUtf8(storage.fileSystemType()),
             QString::fromUtf8(storage.device()), storage.rootPath(), loadAverage());
}
