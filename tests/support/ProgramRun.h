// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of a real program to its end, for tests that check what a command line does: its exit,
// its output, how long it took.
struct ProgramRun
{
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    QByteArray describe() const
    {
        return QStringLiteral("finished %1, exit status %2, exit code %3, %4 ms\nstdout: %5\n"
                              "stderr: %6")
            .arg(finished ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(exitStatus == QProcess::NormalExit ? QStringLiteral("normal")
                                                    : QStringLiteral("crash"))
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(out, err)
            .toUtf8();
    }
};

// The system's environment for a program a test runs: in English, with no display, and with HOME
// and the XDG directories inside `home` (a QTemporaryDir, so private: 0700), so that whatever the
// program does, it does not touch the real user's files.
inline QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    return environment;
}

// Runs `program` in `workingDirectory` with exactly `environment`; kills it after `timeoutMs`
// (then `finished` is false).
inline ProgramRun runProgram(const QString &program, const QStringList &arguments,
                             const QProcessEnvironment &environment,
                             const QString &workingDirectory, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);

    ProgramRun result;
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (process.waitForStarted(timeoutMs))
        result.finished = process.waitForFinished(timeoutMs);
    result.elapsedMs = clock.elapsed();
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitStatus = process.exitStatus();
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
