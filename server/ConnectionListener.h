// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <chrono>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

// Accepts the server's TCP connections (TLS ones through a QSslServer) instead of leaving that to
// QWebSocketServer, so that every socket gets TCP_NODELAY before its first byte: Qt never sets
// it, and a small push then waits for Nagle's algorithm and the peer's delayed ACK (~40 ms).
// Each socket gets the opening handshake's deadline and goes to QWebSocketServer, which does the
// WebSocket upgrade and announces it with newConnection().
class ConnectionListener : public QObject
{
    Q_OBJECT

public:
    // `tls` null: plain ws://. The WebSocket server must not listen itself.
    ConnectionListener(QWebSocketServer *webSockets, std::chrono::milliseconds handshakeTimeout,
                       const QSslConfiguration *tls, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    void close();
    QString errorString() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

signals:
    void acceptError(QAbstractSocket::SocketError error);

private:
    void onPendingConnections();
    void handOver(QTcpSocket *socket);

    QWebSocketServer *m_webSockets;
    std::chrono::milliseconds m_handshakeTimeout;
    QTcpServer *m_tcp;
};
