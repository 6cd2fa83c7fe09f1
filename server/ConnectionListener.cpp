// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionListener.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocketServer>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#endif

using namespace Qt::StringLiterals;

namespace {

void setLowDelay(QAbstractSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

} // namespace

ConnectionListener::ConnectionListener(QWebSocketServer *webSockets,
                                       std::chrono::milliseconds handshakeTimeout,
                                       const QSslConfiguration *tls, QObject *parent)
    : QObject(parent)
    , m_webSockets(webSockets)
    , m_handshakeTimeout(handshakeTimeout)
{
#if QT_CONFIG(ssl)
    if (tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        // The TLS handshake gets the same deadline as the WebSocket one after it, as with
        // QWebSocketServer's own QSslServer.
        server->setHandshakeTimeout(int(handshakeTimeout.count()));
        // Set as the socket is made, so the TLS handshake's own small records go at once too.
        connect(server, &QSslServer::startedEncryptionHandshake, this,
                [](QSslSocket *socket) { setLowDelay(socket); });
        m_tcp = server;
    } else
#endif
    {
        Q_ASSERT(!tls);
        m_tcp = new QTcpServer(this);
    }
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this,
            &ConnectionListener::onPendingConnections);
    connect(m_tcp, &QTcpServer::acceptError, this, &ConnectionListener::acceptError);
}

bool ConnectionListener::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp->listen(address, port);
}

void ConnectionListener::close()
{
    m_tcp->close();
}

QString ConnectionListener::errorString() const
{
    return m_tcp->errorString();
}

QHostAddress ConnectionListener::serverAddress() const
{
    return m_tcp->serverAddress();
}

quint16 ConnectionListener::serverPort() const
{
    return m_tcp->serverPort();
}

void ConnectionListener::onPendingConnections()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection())
        handOver(socket);
}

void ConnectionListener::handOver(QTcpSocket *socket)
{
    setLowDelay(socket);
    // QWebSocketServer::handleConnection() starts no deadline of its own (only sockets it accepted
    // itself get one), so a peer that never finishes its HTTP request would keep the socket. The
    // name is the one QWebSocketServer gives its own handshake timer: a successful upgrade finds
    // the timer by it and deletes it, so an upgraded connection never carries it.
    auto *deadline = new QTimer(socket);
    deadline->setObjectName(u"handshakeTimer"_s);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, &QTcpSocket::close);
    deadline->start(m_handshakeTimeout);
    m_webSockets->handleConnection(socket);
}
