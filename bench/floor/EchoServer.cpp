// SPDX-License-Identifier: GPL-3.0-or-later
#include "EchoServer.h"

#include <QWebSocket>

EchoServer::EchoServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &LowDelayWebSocketServer::connected, this, [](QWebSocket *socket) {
        connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString &text) { socket->sendTextMessage(text); });
    });
}
