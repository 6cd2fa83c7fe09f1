#pragma once

#include "ClientMessage.h"
#include "DemoData.h"
#include "Protocol.h"
#include "ServerMessage.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

// A stand-in server on 127.0.0.1 that records what reaches it: every TCP connection (so a test
// sees a socket that was opened, even one aborted before its handshake) and the token of every
// hello. It accepts `validToken` with the demo snapshot and refuses any other with 4001, like
// the real server; or refuses the protocol version (4002), or drops every connection before the
// handshake (a server that can't be reached).
class RecordingServer
{
public:
    RecordingServer()
        : m_webSockets(QStringLiteral("recording"), QWebSocketServer::NonSecureMode)
    {
        QVERIFY(m_tcp.listen(QHostAddress::LocalHost));
        QObject::connect(&m_tcp, &QTcpServer::newConnection, &m_context, [this] {
            while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
                ++connections;
                if (dropConnections) {
                    socket->abort();
                    socket->deleteLater();
                } else {
                    m_webSockets.handleConnection(socket);
                }
            }
        });
        QObject::connect(&m_webSockets, &QWebSocketServer::newConnection, &m_context, [this] {
            while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
                socket->setParent(&m_context);
                QObject::connect(socket, &QWebSocket::textMessageReceived, &m_context,
                                 [this, socket](const QString &text) { onMessage(socket, text); });
                QObject::connect(socket, &QWebSocket::disconnected, &m_context,
                                 [this] { ++closed; });
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_tcp.serverPort())); }

    QString validToken = QStringLiteral("good-token");
    bool refuseVersion = false;
    bool dropConnections = false;
    int connections = 0; // TCP connections accepted
    int closed = 0; // WebSocket links that ended
    QStringList tokens; // of every hello, in order

private:
    void onMessage(QWebSocket *socket, const QString &text)
    {
        ProtocolError error;
        const auto message = ClientMessage::decode(text.toUtf8(), &error);
        if (!message || message->type != ClientMessage::Type::Hello)
            return;
        tokens.append(message->token);
        if (refuseVersion) {
            socket->close(QWebSocketProtocol::CloseCode(Protocol::CloseUnsupportedVersion),
                          QStringLiteral("this server speaks another version"));
            return;
        }
        if (message->token != validToken) {
            socket->sendTextMessage(QString::fromUtf8(
                ServerMessage::failure(
                    {Protocol::ErrorCode::Unauthorized, QStringLiteral("unknown token"), {}})
                    .encode()));
            socket->close(QWebSocketProtocol::CloseCode(Protocol::CloseUnauthorized));
            return;
        }
        socket->sendTextMessage(
            QString::fromUtf8(ServerMessage::snapshot(1, QStringLiteral("alice"),
                                                      QStringLiteral("Alice"), demoSettings())
                                  .encode()));
    }

    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    // Destroyed first: the links and every lambda of ours go before the servers do.
    QObject m_context;
};
