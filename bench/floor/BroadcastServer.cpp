// SPDX-License-Identifier: GPL-3.0-or-later
#include "BroadcastServer.h"

#include <QWebSocket>

BroadcastServer::BroadcastServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &LowDelayWebSocketServer::connected, this, &BroadcastServer::onConnected);
}

void BroadcastServer::onConnected(QWebSocket *socket)
{
    m_sockets.append(socket);
    connect(socket, &QWebSocket::disconnected, this,
            [this, socket] { m_sockets.removeOne(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        for (QWebSocket *other : std::as_const(m_sockets)) {
            if (other != socket)
                other->sendTextMessage(text);
        }
    });
}
