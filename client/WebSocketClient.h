// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpSocket;

// The WebSocket under a SyncLink: the client side of RFC 6455, as much of it as the link uses
// (text messages, ping/pong, the closing handshake), over a QTcpSocket for ws:// and a
// QSslSocket for wss://. Not Qt's QWebSocket: constructing one loads the TLS backend and reads
// the system's certificate folders even for ws:// (10–30 ms of a start here); this one touches
// TLS only for wss://. It sends with TCP_NODELAY, so a small edit or ping does not wait for the
// peer's delayed ACK. A server that breaks the protocol (a masked or oversized frame, a reserved
// bit, invalid UTF-8, a bad handshake) ends the connection with the matching close code and an
// error.
class WebSocketClient : public QObject
{
    Q_OBJECT

public:
    // The largest message taken from the server; a larger one ends the link.
    static constexpr qint64 maxIncomingMessage = qint64(8) * 1024 * 1024;

    explicit WebSocketClient(QObject *parent = nullptr);
    ~WebSocketClient() override;

    void open(const QUrl &url);
    void sendTextMessage(const QString &text);
    void ping();
    // The closing handshake, then the connection ends (disconnected()).
    void close(quint16 code = 1000);
    // Ends the connection at once, without a word to the peer.
    void abort();

    QAbstractSocket::SocketState state() const;
    // The peer's close code (1000 when it gave none) and reason, once it closed.
    quint16 closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    QString errorString() const { return m_errorString; }

    // The socket under it while there is one, for tests (TCP_NODELAY).
    const QTcpSocket *tcpSocket() const { return m_tcp.get(); }

signals:
    void connected();
    void textMessageReceived(const QString &text);
    void pong();
    void disconnected();
    void errorOccurred(QAbstractSocket::SocketError error);

private:
    enum class Phase { Idle, Connecting, Handshake, Open, Closing };
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };

    void connectSocket();
    void onTcpConnected();
    void onReadyRead();
    void onTcpDisconnected();
    void onTcpError(QAbstractSocket::SocketError error);
    bool readHandshake();
    // One frame from m_buffer; false when there is not a whole one yet or the link ended.
    bool readFrame();
    void handleFrame(quint8 opcode, bool final, QByteArray payload);
    void sendFrame(quint8 opcode, const QByteArray &payload);
    // The server broke the protocol: close with `code`, report `reason` as the error.
    void fail(quint16 code, const QString &reason);

    std::unique_ptr<QTcpSocket> m_tcp;
    Phase m_phase = Phase::Idle;
    QUrl m_url;
    QByteArray m_key;
    QByteArray m_buffer;
    QByteArray m_message; // a fragmented message so far
    quint8 m_messageOpcode = 0; // its opcode while one is open, else 0
    quint16 m_closeCode = 1000;
    QString m_closeReason;
    QString m_errorString;
};
