#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// The real followme-server binary, started on a free port of 127.0.0.1. The port comes from
// the "listening on 127.0.0.1:PORT" line the server prints.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    static QString serverExecutable();
    static QString adminExecutable();

    // Starts the server on `databasePath` with --listen 127.0.0.1:0 and `extraArguments`.
    bool start(const QString &databasePath, const QStringList &extraArguments = {});
    // The environment of the servers start() runs from now on (default: the test's own).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // SIGKILL: no chance to clean up.
    void kill();
    // For a server the test made end itself (a fault it set): waits for the end; true if it was
    // killed by a signal.
    bool waitForCrash(int timeoutMs = 15000);
    // SIGTERM, then waits for the exit; returns the exit code (-1 on a crash or timeout).
    // The destructor does this too, and fails the running test unless the server exits with 0.
    int terminate();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    // For reading /proc/PID (memory tests); 0 when not started.
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QUrl url(const QString &scheme = QStringLiteral("ws")) const;
    QString output() const { return m_output; }
    QString errors() const;

    // Runs followme-admin against this server with the demo admin token; returns its exit code.
    int admin(const QStringList &arguments, QString *standardOutput = nullptr,
              QString *standardError = nullptr) const;
    // Runs followme-admin with exactly these arguments.
    static int runAdmin(const QStringList &arguments, QString *standardOutput = nullptr,
                        QString *standardError = nullptr);

private:
    QProcess *m_process = nullptr;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    quint16 m_port = 0;
    QString m_output;
    bool m_exitSeen = false; // the test killed it or got its exit code from terminate()
};
