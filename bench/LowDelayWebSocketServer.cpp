// SPDX-License-Identifier: GPL-3.0-or-later
#include "LowDelayWebSocketServer.h"

#include "SocketLowDelay.h"

#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

LowDelayWebSocketServer::LowDelayWebSocketServer(QObject *parent)
    : QObject(parent)
    , m_webSockets(u"followme-bench-floor"_s, QWebSocketServer::NonSecureMode)
{
    // Thousands of clients connect at once in the idle-session floor.
    m_tcp.setMaxPendingConnections(100000);
    connect(&m_tcp, &QTcpServer::newConnection, this, &LowDelayWebSocketServer::onTcpConnection);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this,
            &LowDelayWebSocketServer::onWebSocketConnection);
}

quint16 LowDelayWebSocketServer::listen()
{
    m_tcp.listen(QHostAddress::LocalHost, 0);
    return m_tcp.isListening() ? m_tcp.serverPort() : 0;
}

void LowDelayWebSocketServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        m_lowDelaySockets += SocketLowDelay::enable(socket) ? 1 : 0;
        m_webSockets.handleConnection(socket);
    }
}

void LowDelayWebSocketServer::onWebSocketConnection()
{
    while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        emit connected(socket);
    }
}
