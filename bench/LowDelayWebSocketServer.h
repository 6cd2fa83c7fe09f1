// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTcpServer>
#include <QWebSocketServer>

class QWebSocket;

// A plain WebSocket server whose accepted sockets have TCP_NODELAY on: its own QTcpServer sets
// LowDelayOption on each socket and hands it to QWebSocketServer::handleConnection, as Qt's
// own server leaves Nagle's algorithm on. The floors' transport.
class LowDelayWebSocketServer : public QObject
{
    Q_OBJECT

public:
    explicit LowDelayWebSocketServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1; returns the port, 0 on failure.
    quint16 listen();
    // Accepted sockets the kernel reports TCP_NODELAY on (getsockopt).
    int lowDelaySockets() const { return m_lowDelaySockets; }

signals:
    void connected(QWebSocket *socket);

private:
    void onTcpConnection();
    void onWebSocketConnection();

    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    int m_lowDelaySockets = 0;
};
