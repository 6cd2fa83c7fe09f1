// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebSocketClient.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QStringDecoder>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

// RFC 6455 section 1.3: the server proves it read the key by hashing it with this.
constexpr auto acceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
// A handshake answer longer than this is no WebSocket server's.
constexpr qsizetype maxHandshake = 16 * 1024;
constexpr qsizetype maxControlPayload = 125;

enum CloseCode : quint16 {
    CloseNormal = 1000,
    CloseProtocolError = 1002,
    CloseInvalidData = 1007,
    CloseTooBig = 1009,
};

QByteArray bigEndian16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

} // namespace

WebSocketClient::WebSocketClient(QObject *parent)
    : QObject(parent)
{ }

WebSocketClient::~WebSocketClient() = default;

void WebSocketClient::open(const QUrl &url)
{
    abort();
    m_url = url;
    m_buffer.clear();
    m_message.clear();
    m_messageOpcode = 0;
    m_closeCode = CloseNormal;
    m_closeReason.clear();
    m_errorString.clear();
    m_phase = Phase::Connecting;
    // A QSslSocket only for wss://: its construction alone loads the TLS backend.
    if (url.scheme() == u"wss") {
        auto *ssl = new QSslSocket;
        m_tcp.reset(ssl);
        connect(ssl, &QSslSocket::encrypted, this, &WebSocketClient::onTcpConnected);
        connectSocket();
        ssl->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    } else {
        m_tcp = std::make_unique<QTcpSocket>();
        connect(m_tcp.get(), &QTcpSocket::connected, this, &WebSocketClient::onTcpConnected);
        connectSocket();
        m_tcp->connectToHost(url.host(), quint16(url.port(80)));
    }
}

void WebSocketClient::connectSocket()
{
    connect(m_tcp.get(), &QTcpSocket::readyRead, this, &WebSocketClient::onReadyRead);
    connect(m_tcp.get(), &QTcpSocket::disconnected, this, &WebSocketClient::onTcpDisconnected);
    connect(m_tcp.get(), &QTcpSocket::errorOccurred, this, &WebSocketClient::onTcpError);
}

QAbstractSocket::SocketState WebSocketClient::state() const
{
    switch (m_phase) {
    case Phase::Idle:
        return QAbstractSocket::UnconnectedState;
    case Phase::Connecting:
    case Phase::Handshake:
        return QAbstractSocket::ConnectingState;
    case Phase::Open:
        return QAbstractSocket::ConnectedState;
    case Phase::Closing:
        return QAbstractSocket::ClosingState;
    }
    return QAbstractSocket::UnconnectedState;
}

void WebSocketClient::onTcpConnected()
{
    // Small messages (an edit, a ping) go out at once instead of waiting for the peer's
    // delayed ACK of the previous one (Nagle's algorithm).
    m_tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray nonce(16, '\0');
    QRandomGenerator::global()->generate(nonce.begin(), nonce.end());
    m_key = nonce.toBase64();
    QString host = m_url.host(QUrl::FullyEncoded);
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (m_url.port() != -1)
        host += u':' + QString::number(m_url.port());
    QByteArray target = m_url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (m_url.hasQuery())
        target += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
    m_phase = Phase::Handshake;
    m_tcp->write("GET " + target + " HTTP/1.1\r\nHost: " + host.toUtf8()
                 + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + m_key
                 + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
}

void WebSocketClient::onReadyRead()
{
    m_buffer += m_tcp->readAll();
    if (m_phase == Phase::Handshake && !readHandshake())
        return;
    while ((m_phase == Phase::Open || m_phase == Phase::Closing) && readFrame()) { }
}

bool WebSocketClient::readHandshake()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > maxHandshake)
            fail(CloseProtocolError,
                 tr("The server's answer to the WebSocket handshake is too long."));
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QByteArray status = lines.constFirst().trimmed();
    const QList<QByteArray> statusParts = status.split(' ');
    if (statusParts.size() < 2 || !statusParts.at(0).startsWith("HTTP/1.")
        || statusParts.at(1) != "101") {
        fail(CloseProtocolError,
             tr("The server refused the WebSocket handshake: %1").arg(QString::fromLatin1(status)));
        return false;
    }
    QByteArray upgrade;
    QByteArray connection;
    QByteArray accept;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "upgrade")
            upgrade = value.toLower();
        else if (name == "connection")
            connection = value.toLower();
        else if (name == "sec-websocket-accept")
            accept = value;
    }
    const QByteArray expected =
        QCryptographicHash::hash(QByteArray(m_key + acceptGuid), QCryptographicHash::Sha1)
            .toBase64();
    if (upgrade != "websocket" || !connection.contains("upgrade") || accept != expected) {
        fail(CloseProtocolError, tr("The server's answer is not a WebSocket handshake."));
        return false;
    }
    m_phase = Phase::Open;
    emit connected();
    return m_phase == Phase::Open;
}

bool WebSocketClient::readFrame()
{
    if (m_buffer.size() < 2)
        return false;
    const auto *data = reinterpret_cast<const uchar *>(m_buffer.constData());
    const bool final = data[0] & 0x80;
    const quint8 opcode = data[0] & 0x0F;
    quint64 length = data[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(data + 2);
        header = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = qFromBigEndian<quint64>(data + 2);
        header = 10;
    }
    if (data[0] & 0x70) {
        fail(CloseProtocolError, tr("The server sent a WebSocket frame with reserved bits set."));
        return false;
    }
    // Section 5.1: a server never masks; a client that gets a masked frame must close.
    if (data[1] & 0x80) {
        fail(CloseProtocolError, tr("The server sent a masked WebSocket frame."));
        return false;
    }
    const bool control = opcode & 0x8;
    if (control ? (opcode != Close && opcode != Ping && opcode != Pong) || !final
                || length > quint64(maxControlPayload)
                : opcode != Continuation && opcode != Text && opcode != Binary) {
        fail(CloseProtocolError, tr("The server sent an invalid WebSocket frame."));
        return false;
    }
    if (!control && length > quint64(maxIncomingMessage - m_message.size())) {
        fail(CloseTooBig,
             tr("The server sent a message larger than %1 MiB.")
                 .arg(maxIncomingMessage / (1024 * 1024)));
        return false;
    }
    if (quint64(m_buffer.size() - header) < length)
        return false;
    QByteArray payload = m_buffer.mid(header, qsizetype(length));
    m_buffer.remove(0, header + qsizetype(length));
    handleFrame(opcode, final, std::move(payload));
    return true;
}

void WebSocketClient::handleFrame(quint8 opcode, bool final, QByteArray payload)
{
    switch (opcode) {
    case Ping:
        if (m_phase == Phase::Open)
            sendFrame(Pong, payload);
        return;
    case Pong:
        emit pong();
        return;
    case Close: {
        if (payload.size() == 1) {
            fail(CloseProtocolError, tr("The server sent an invalid WebSocket close frame."));
            return;
        }
        if (payload.size() >= 2) {
            m_closeCode = qFromBigEndian<quint16>(payload.constData());
            m_closeReason = QString::fromUtf8(payload.mid(2));
        }
        const bool answer = m_phase == Phase::Open;
        m_phase = Phase::Closing;
        // Answered, then the connection is ended from here, as Qt's QWebSocket does.
        if (answer)
            sendFrame(Close, bigEndian16(m_closeCode));
        m_tcp->disconnectFromHost();
        return;
    }
    case Continuation:
        if (m_messageOpcode == 0) {
            fail(CloseProtocolError,
                 tr("The server continued a WebSocket message it never began."));
            return;
        }
        m_message += payload;
        break;
    default: // Text, Binary
        if (m_messageOpcode != 0) {
            fail(CloseProtocolError, tr("The server began a WebSocket message inside another."));
            return;
        }
        m_messageOpcode = opcode;
        m_message = std::move(payload);
        break;
    }
    if (!final || m_phase != Phase::Open)
        return;
    const quint8 complete = m_messageOpcode;
    const QByteArray message = std::exchange(m_message, {});
    m_messageOpcode = 0;
    if (complete != Text)
        return; // the protocol has no binary messages
    // Stateless: a sequence cut off at the end is an error too, not kept for later.
    QStringDecoder decoder(QStringConverter::Utf8,
                           QStringConverter::Flag::Stateless
                               | QStringConverter::Flag::ConvertInitialBom);
    const QString text = decoder.decode(message);
    if (decoder.hasError()) {
        fail(CloseInvalidData, tr("The server sent a text message that is not valid UTF-8."));
        return;
    }
    emit textMessageReceived(text);
}

void WebSocketClient::sendFrame(quint8 opcode, const QByteArray &payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(char(0x80 | opcode));
    const qsizetype length = payload.size();
    if (length <= 125) {
        frame.append(char(0x80 | length));
    } else if (length <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        frame.append(bigEndian16(quint16(length)));
    } else {
        frame.append(char(0x80 | 127));
        QByteArray bytes(8, '\0');
        qToBigEndian(quint64(length), bytes.data());
        frame.append(bytes);
    }
    // Section 5.3: every frame from a client is masked, with a fresh key.
    const quint32 key = QRandomGenerator::global()->generate();
    uchar mask[4];
    qToBigEndian(key, mask);
    frame.append(reinterpret_cast<const char *>(mask), 4);
    const qsizetype start = frame.size();
    frame.append(payload);
    char *out = frame.data() + start;
    for (qsizetype i = 0; i < length; ++i)
        out[i] = char(out[i] ^ mask[i % 4]);
    m_tcp->write(frame);
}

void WebSocketClient::sendTextMessage(const QString &text)
{
    if (m_phase == Phase::Open)
        sendFrame(Text, text.toUtf8());
}

void WebSocketClient::ping()
{
    if (m_phase == Phase::Open)
        sendFrame(Ping, {});
}

void WebSocketClient::close(quint16 code)
{
    if (m_phase != Phase::Open) {
        if (m_phase != Phase::Closing)
            abort();
        return;
    }
    m_phase = Phase::Closing;
    sendFrame(Close, bigEndian16(code));
    m_tcp->flush();
    m_tcp->disconnectFromHost();
}

void WebSocketClient::abort()
{
    m_phase = Phase::Idle;
    if (m_tcp)
        m_tcp->abort();
}

void WebSocketClient::fail(quint16 code, const QString &reason)
{
    m_errorString = reason;
    if (m_phase == Phase::Open) {
        m_phase = Phase::Closing;
        sendFrame(Close, bigEndian16(code));
        m_tcp->flush();
        m_tcp->disconnectFromHost();
    } else {
        abort();
    }
    m_buffer.clear();
    emit errorOccurred(QAbstractSocket::UnknownSocketError);
}

void WebSocketClient::onTcpDisconnected()
{
    const Phase was = std::exchange(m_phase, Phase::Idle);
    if (was == Phase::Open || was == Phase::Closing)
        emit disconnected();
}

void WebSocketClient::onTcpError(QAbstractSocket::SocketError error)
{
    // The peer ending the connection after the closing handshake is its normal end
    // (disconnected() says so), not an error.
    if (m_phase == Phase::Closing && error == QAbstractSocket::RemoteHostClosedError)
        return;
    m_errorString = m_tcp->errorString();
    emit errorOccurred(error);
}
