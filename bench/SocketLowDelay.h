// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractSocket;
class QWebSocket;

// TCP_NODELAY on a WebSocket's TCP socket. QWebSocket has no API for it. Qt 6.4's client sets
// it itself, its QWebSocketServer does not (small frames then meet Nagle's algorithm and delayed
// ACKs, about 40 ms); the benchmark sets it on both ends so no version can differ. A client
// QWebSocket's QTcpSocket is a child object once it is connecting; a server's is not (set it on
// the QTcpSocket before QWebSocketServer::handleConnection).
class SocketLowDelay
{
public:
    // Sets it on the socket under a connected QWebSocket; false when that socket can't be reached.
    static bool enable(QWebSocket *socket);
    static bool enable(QAbstractSocket *socket);
    // What the kernel says (getsockopt), not what Qt remembers.
    static bool isEnabled(const QWebSocket *socket);
    static bool isEnabled(const QAbstractSocket *socket);
};
