#include "ReverseProxy.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

// A port nothing listens on now (the proxy takes it a moment later).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// The configuration of docs/deployment.md, "A proxy in front", with the test's ports and
// quicker health checks.
QString configuration(quint16 port, const QList<quint16> &servers, ReverseProxy::Balance balance)
{
    QString text = uR"(global
    maxconn 4000

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # An upgraded WebSocket is a tunnel: it may stay quiet between the keepalive pings.
    timeout tunnel 1h
    # A connection that finds its server gone is tried on another one.
    option redispatch
    retries 3

frontend followme
    bind 127.0.0.1:%1
    default_backend followme_servers

backend followme_servers
    balance %2
)"_s.arg(port)
                       .arg(balance == ReverseProxy::Balance::First ? u"first"_s : u"roundrobin"_s);
    for (qsizetype i = 0; i < servers.size(); ++i)
        text += u"    server s%1 127.0.0.1:%2 check inter 300ms fall 1 rise 1\n"_s.arg(i + 1).arg(
            servers.at(i));
    return text;
}

} // namespace

ReverseProxy::~ReverseProxy()
{
    stop();
}

QString ReverseProxy::executable()
{
    const QString fromEnvironment = qEnvironmentVariable("FOLLOWME_HAPROXY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
}

bool ReverseProxy::start(const QList<quint16> &serverPorts, Balance balance)
{
    const QString program = executable();
    if (program.isEmpty()) {
        m_errors = u"HAProxy is not installed (Debian: haproxy)"_s;
        return false;
    }
    m_port = freePort();
    const QString path = m_dir.filePath(u"haproxy.cfg"_s);
    QFile file(path);
    if (m_port == 0 || !file.open(QIODevice::WriteOnly)
        || file.write(configuration(m_port, serverPorts, balance).toUtf8()) < 0) {
        m_errors = u"cannot write %1"_s.arg(path);
        return false;
    }
    file.close();
    // -db: in the foreground, logging to stderr; -W would fork a master.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, {u"-db"_s, u"-f"_s, path});
    if (!m_process.waitForStarted(10000)) {
        m_errors = m_process.errorString();
        return false;
    }
    // Ready when it accepts a connection.
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(1000))
            return true;
        m_process.waitForFinished(50); // gives it a moment unless it ended
    }
    m_errors = u"haproxy did not start: "_s + QString::fromUtf8(m_process.readAll());
    return false;
}

void ReverseProxy::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}
