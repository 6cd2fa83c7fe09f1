// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LowDelayWebSocketServer.h"

#include <QObject>

// The floor of a round trip: a bare WebSocket server that sends every text message straight
// back. It runs in a process of its own, as the real server does.
class EchoServer : public QObject
{
    Q_OBJECT

public:
    explicit EchoServer(QObject *parent = nullptr);

    // Returns the port, 0 on failure.
    quint16 listen() { return m_server.listen(); }

private:
    LowDelayWebSocketServer m_server;
};
