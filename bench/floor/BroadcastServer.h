// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LowDelayWebSocketServer.h"

#include <QList>
#include <QObject>

class QWebSocket;

// The floor of a fan-out: a bare WebSocket server that sends a text frame arriving on one
// connection to every other connection, and nothing else.
class BroadcastServer : public QObject
{
    Q_OBJECT

public:
    explicit BroadcastServer(QObject *parent = nullptr);

    // Returns the port, 0 on failure.
    quint16 listen() { return m_server.listen(); }

private:
    void onConnected(QWebSocket *socket);

    LowDelayWebSocketServer m_server;
    QList<QWebSocket *> m_sockets;
};
