// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawWebSocketPeer.h"

#include "WaitUntil.h"

#include <QtEndian>

RawWebSocketPeer::~RawWebSocketPeer()
{
    m_socket.abort();
}

bool RawWebSocketPeer::open(const QHostAddress &source, quint16 port)
{
    if (!m_socket.bind(source, 0))
        return false;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000))
        return false;
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    if (!waitUntil(
            [this] {
                m_buffer += m_socket.readAll();
                return m_buffer.contains("\r\n\r\n")
                    || m_socket.state() != QAbstractSocket::ConnectedState;
            },
            10000))
        return false;
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 || !m_buffer.startsWith("HTTP/1.1 101"))
        return false;
    m_buffer.remove(0, end + 4);
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { readFrames(); });
    readFrames();
    return true;
}

void RawWebSocketPeer::sendPartialTextFrame(quint64 announced, qint64 sent)
{
    QByteArray header;
    header.append(char(0x81)); // FIN, text
    if (announced < 126) {
        header.append(char(0x80 | announced));
    } else if (announced <= 0xffff) {
        header.append(char(0x80 | 126));
        const quint16 length = qToBigEndian(quint16(announced));
        header.append(reinterpret_cast<const char *>(&length), 2);
    } else {
        header.append(char(0x80 | 127));
        const quint64 length = qToBigEndian(announced);
        header.append(reinterpret_cast<const char *>(&length), 8);
    }
    header.append(4, '\0'); // a zero mask leaves the payload as it is
    m_socket.write(header);
    m_socket.write(QByteArray(sent, 'a'));
}

void RawWebSocketPeer::sendText(const QByteArray &utf8)
{
    sendPartialTextFrame(quint64(utf8.size()), 0);
    m_socket.write(utf8);
}

void RawWebSocketPeer::readFrames()
{
    if (m_socket.isOpen())
        m_buffer += m_socket.readAll();
    // Server frames are unmasked; only short ones (text errors, close) are expected.
    while (m_buffer.size() >= 2) {
        const int opcode = m_buffer.at(0) & 0x0f;
        quint64 length = quint8(m_buffer.at(1)) & 0x7f;
        qsizetype offset = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            offset = 10;
        }
        if (quint64(m_buffer.size() - offset) < length)
            return;
        const QByteArray payload = m_buffer.mid(offset, qsizetype(length));
        m_buffer.remove(0, offset + qsizetype(length));
        if (opcode == 0x1)
            m_texts.append(QString::fromUtf8(payload));
        else if (opcode == 0x8)
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
    }
}

int RawWebSocketPeer::waitForClose(int timeoutMs)
{
    waitUntil(
        [this] {
            readFrames();
            return m_closeCode >= 0 || m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    if (m_closeCode >= 0)
        return m_closeCode;
    return m_socket.state() == QAbstractSocket::UnconnectedState ? 0 : -1;
}

bool RawWebSocketPeer::isOpen() const
{
    return m_closeCode < 0 && m_socket.state() == QAbstractSocket::ConnectedState;
}
