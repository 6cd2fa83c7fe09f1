// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractSocket;
class QWebSocket;

// TCP_NODELAY on a WebSocket's TCP socket. QWebSocket has no API for it (and Qt leaves it
// off, so small frames meet Nagle's algorithm and delayed ACKs, about 40 ms), but its
// QTcpSocket is a child object once it is connecting.
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
