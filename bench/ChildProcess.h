// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

// A process the benchmark starts and talks to through lines on its standard output; its
// standard error goes to a log file, shown when something fails. Stopped when destroyed.
class ChildProcess
{
public:
    ChildProcess() = default;
    ~ChildProcess() { stop(); }
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    void setEnvironment(const QProcessEnvironment &environment);
    // Starts the program; the time of the call is startNs().
    bool start(const QString &program, const QStringList &arguments, const QString &logFile);
    // Waits (running the event loop) for a line of standard output that matches; the match has
    // no value when the process ended first or the time ran out. arrivalNs: when it was read.
    QRegularExpressionMatch waitForLine(const QRegularExpression &pattern, int timeoutMs,
                                        qint64 *arrivalNs = nullptr);
    // The complete lines of standard output there are now, without waiting.
    QList<QByteArray> readLines();
    // Waits for the process to end by itself; false when it did not in time.
    bool waitForExit(int timeoutMs);
    void stop();

    qint64 pid() const { return m_process.processId(); }
    qint64 startNs() const { return m_startNs; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // The last lines of the error log, for a message that says why it failed.
    QString logTail() const;

private:
    QProcess m_process;
    QString m_logFile;
    QByteArray m_pending;
    qint64 m_startNs = 0;
};
