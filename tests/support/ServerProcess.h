#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <csignal>

// The real followme-server binary on 127.0.0.1, on a free port, with a database of the test's
// own. Restartable on the same port and database, and killable with SIGKILL.
class ServerProcess
{
public:
    ServerProcess(const QString &executable, const QString &databasePath)
        : m_executable(executable)
        , m_database(databasePath)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
    }
    // Stopped with SIGTERM, as in production, so that in a sanitizer build LeakSanitizer checks
    // it at exit. A finding aborts it, which fails the running test (a destructor can't QVERIFY).
    ~ServerProcess()
    {
        const bool unclean = m_process.state() != QProcess::NotRunning && !stop();
        if (unclean || (!m_killed && m_process.exitStatus() == QProcess::CrashExit)) {
            const QByteArray message =
                "followme-server did not exit cleanly: " + m_process.readAllStandardError();
            if (QTest::currentTestFunction())
                QTest::qFail(message.constData(), __FILE__, __LINE__);
            else
                qFatal("%s", message.constData());
        }
    }

    // Starts it (with --demo the first time), and waits for the "listening on" line.
    bool start(bool demo = true)
    {
        QStringList arguments {QStringLiteral("--db"), m_database, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:%1").arg(m_port)};
        if (demo)
            arguments.append(QStringLiteral("--demo"));
        m_killed = false;
        m_process.start(m_executable, arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
        QByteArray output;
        for (int i = 0; i < 200; ++i) {
            if (!m_process.waitForReadyRead(100) && m_process.state() != QProcess::Running)
                return false;
            output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_killed = true;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(10000);
    }
    // SIGTERM; true if it then exited with 0.
    [[nodiscard]] bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            ::kill(pid_t(m_process.processId()), SIGKILL);
            m_process.waitForFinished(10000);
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_port)); }
    QString databasePath() const { return m_database; }

private:
    QString m_executable;
    QString m_database;
    quint16 m_port = 0;
    QProcess m_process;
    bool m_killed = false; // by kill(): its end is no crash of its own
};
