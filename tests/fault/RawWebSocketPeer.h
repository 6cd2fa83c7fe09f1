// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>
#include <QTcpSocket>

// A hostile WebSocket peer written by hand over QTcpSocket, for what QWebSocket will not do:
// connect from a chosen loopback address (the server counts per address), stay silent without
// answering pings, or send a frame header and only part of its payload. It reads the server's
// text messages and close frame.
class RawWebSocketPeer
{
public:
    RawWebSocketPeer() = default;
    ~RawWebSocketPeer();
    RawWebSocketPeer(const RawWebSocketPeer &) = delete;
    RawWebSocketPeer &operator=(const RawWebSocketPeer &) = delete;

    // Connects from `source` (any 127.x.y.z works on Linux) and completes the opening handshake.
    bool open(const QHostAddress &source, quint16 port);
    // A masked text frame header announcing `announced` payload bytes, then `sent` of them.
    void sendPartialTextFrame(quint64 announced, qint64 sent);
    // One whole masked text frame.
    void sendText(const QByteArray &utf8);

    // The close code the server sent, waiting up to `timeoutMs`: 0 if the connection ended
    // without a close frame, -1 if it is still open.
    int waitForClose(int timeoutMs);
    bool isOpen() const;
    // The text messages received so far.
    QStringList texts() const { return m_texts; }

private:
    void readFrames();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QStringList m_texts;
    int m_closeCode = -1;
};
