#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// A real reverse proxy in front of several servers for one test: HAProxy from Debian, in
// HTTP mode (WebSocket upgrades pass through as tunnels), on a free port of 127.0.0.1, with
// the configuration docs/deployment.md shows operators. Each server is health-checked every
// few hundred milliseconds, so one that is killed is soon out of the rotation, and a connection
// that finds it gone is sent to another.
class ReverseProxy
{
public:
    // roundRobin: connections take turns over the servers; first: all go to the first server
    // that is up (so a test knows which one a client is on).
    enum class Balance { RoundRobin, First };

    ReverseProxy() = default;
    ~ReverseProxy(); // stops it
    ReverseProxy(const ReverseProxy &) = delete;
    ReverseProxy &operator=(const ReverseProxy &) = delete;

    // The haproxy binary (FOLLOWME_HAPROXY, or haproxy on the PATH or in /usr/sbin); empty
    // when HAProxy is not installed.
    static QString executable();

    // Starts it in front of the servers on these ports of 127.0.0.1, and waits until it
    // accepts connections; false with the reason in errors().
    bool start(const QList<quint16> &serverPorts, Balance balance = Balance::RoundRobin);
    void stop();
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_port)); }
    QString errors() const { return m_errors; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_errors;
};
