#pragma once

#include "ClientMessage.h"
#include "DemoData.h"
#include "Protocol.h"
#include "ServerMessage.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <utility>

// A stand-in server on 127.0.0.1 that records what reaches it: every TCP connection (so a test
// sees a socket that was opened, even one aborted before its handshake), the token of every
// hello and when it came, and every edit. It accepts `validToken` with a snapshot of `settings`
// at `revision` and refuses any other with 4001, like the real server; or refuses the protocol
// version (4002), or drops every connection before the handshake (a server that can't be
// reached). Edits are committed to `settings` and acknowledged, or held until
// releaseHeldEdits(). It checks nothing it sends: a test makes it hostile by sending what it
// likes (send(), sendText()) or by serving impossible `settings`.
class RecordingServer
{
public:
    RecordingServer()
        : m_webSockets(QStringLiteral("recording"), QWebSocketServer::NonSecureMode)
    {
        m_clock.start();
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
                m_links.append(socket);
                QObject::connect(socket, &QWebSocket::textMessageReceived, &m_context,
                                 [this, socket](const QString &text) { onMessage(socket, text); });
                QObject::connect(socket, &QWebSocket::disconnected, &m_context,
                                 [this] { ++closed; });
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_tcp.serverPort())); }

    // To every open link, as it is.
    void sendText(const QString &text)
    {
        for (QWebSocket *socket : openLinks())
            socket->sendTextMessage(text);
    }
    void send(const ServerMessage &message) { sendText(QString::fromUtf8(message.encode())); }
    // Ends every open link without a close frame, as a lost network does.
    void dropAll()
    {
        for (QWebSocket *socket : openLinks())
            socket->abort();
    }
    // Commits and acknowledges the held edits of the links still open.
    void releaseHeldEdits()
    {
        const auto held = std::exchange(m_held, {});
        for (const auto &[socket, edit] : held) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                commit(socket, edit);
        }
    }

    QString validToken = QStringLiteral("good-token");
    FollowMeSettings settings = demoSettings();
    qint64 revision = 1;
    bool refuseVersion = false;
    bool dropConnections = false;
    bool holdEdits = false;
    int connections = 0; // TCP connections accepted
    int closed = 0; // WebSocket links that ended
    QStringList tokens; // of every hello, in order
    QList<qint64> helloTimes; // when each hello came, in ms on one clock
    QList<ClientMessage> edits; // every edit, resends too, in order

private:
    QList<QWebSocket *> openLinks() const
    {
        QList<QWebSocket *> open;
        for (const QPointer<QWebSocket> &socket : m_links) {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                open.append(socket);
        }
        return open;
    }

    void onMessage(QWebSocket *socket, const QString &text)
    {
        ProtocolError error;
        const auto message = ClientMessage::decode(text.toUtf8(), &error);
        if (!message)
            return;
        if (message->type != ClientMessage::Type::Hello) {
            edits.append(*message);
            if (holdEdits)
                m_held.append({socket, *message});
            else
                commit(socket, *message);
            return;
        }
        tokens.append(message->token);
        helloTimes.append(m_clock.elapsed());
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
            QString::fromUtf8(ServerMessage::snapshot(revision, QStringLiteral("alice"),
                                                      QStringLiteral("Alice"), settings)
                                  .encode()));
    }

    // Like the real server: a resend is acknowledged with its original commit's revision.
    void commit(QWebSocket *socket, const ClientMessage &edit)
    {
        qint64 committed = m_committed.value(edit.requestId);
        if (!committed) {
            committed = ++revision;
            m_committed.insert(edit.requestId, committed);
            if (edit.type == ClientMessage::Type::SetRule) {
                const int index = settings.indexOf(edit.deviceId);
                if (index >= 0) {
                    RingRule &rule = settings.devices[index].rule(edit.callKind);
                    rule = edit.change.appliedTo(rule);
                }
            } else {
                settings.controlledDeviceId = edit.deviceId;
            }
        }
        socket->sendTextMessage(
            QString::fromUtf8(ServerMessage::ack(edit.requestId, committed).encode()));
    }

    struct Held
    {
        QPointer<QWebSocket> socket;
        ClientMessage edit;
    };

    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    QElapsedTimer m_clock;
    QList<QPointer<QWebSocket>> m_links;
    QList<Held> m_held;
    QHash<QString, qint64> m_committed; // request id → revision of its commit
    // Destroyed first: the links and every lambda of ours go before the servers do.
    QObject m_context;
};
