// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChildProcess.h"

#include "BenchClock.h"
#include "BenchWait.h"

#include <QFile>
#include <QRegularExpression>

void ChildProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

bool ChildProcess::start(const QString &program, const QStringList &arguments,
                         const QString &logFile)
{
    m_logFile = logFile;
    m_pending.clear();
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setStandardErrorFile(logFile);
    m_startNs = BenchClock::nowNs();
    m_process.start();
    return m_process.waitForStarted(10000);
}

QRegularExpressionMatch ChildProcess::waitForLine(const QRegularExpression &pattern, int timeoutMs,
                                                  qint64 *arrivalNs)
{
    QRegularExpressionMatch found;
    qint64 arrival = 0;
    auto scan = [&] {
        m_pending += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while (!found.hasMatch() && (end = m_pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_pending.left(end)).trimmed();
            m_pending.remove(0, end + 1);
            const QRegularExpressionMatch match = pattern.match(line);
            if (match.hasMatch()) {
                found = match;
                arrival = BenchClock::nowNs();
            }
        }
    };
    // Timestamped as the output is read, not when the loop gets round to checking.
    const auto connection =
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [&] {
            if (!found.hasMatch())
                scan();
        });
    scan();
    BenchWait::until([&] { return found.hasMatch() || !isRunning(); }, timeoutMs);
    QObject::disconnect(connection);
    if (!found.hasMatch())
        scan(); // what a process that ended left in the pipe
    if (arrivalNs)
        *arrivalNs = arrival;
    return found;
}

QList<QByteArray> ChildProcess::readLines()
{
    m_pending += m_process.readAllStandardOutput();
    const qsizetype end = m_pending.lastIndexOf('\n');
    if (end < 0)
        return {};
    QList<QByteArray> lines = m_pending.left(end).split('\n');
    m_pending.remove(0, end + 1);
    return lines;
}

bool ChildProcess::waitForExit(int timeoutMs)
{
    return BenchWait::until([&] { return !isRunning(); }, timeoutMs);
}

void ChildProcess::stop()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ChildProcess::logTail() const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    const QList<QByteArray> lines = all.trimmed().split('\n');
    return QString::fromUtf8(lines.mid(std::max<qsizetype>(0, lines.size() - 5)).join('\n'));
}
