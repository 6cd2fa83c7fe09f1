#pragma once

#include "ProtocolError.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <chrono>

class QWebSocket;
class SessionHandler;

// One client connection: the framing rules of docs/protocol.md (text frames only, size limits,
// JSON object with a type, hello first, hello deadline) and keepalive. Decoded messages go to
// the handler; the session never touches the database.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State {
        AwaitingHello,
        Authenticating, // a hello is being answered (a failed one waits: LoginThrottle)
        User,
        Admin,
        Closing,
    };

    // Takes ownership of `socket`. Its deadlines are kept by a KeepaliveSweep, which calls
    // keepaliveDue() and helloDeadlinePassed().
    Session(QWebSocket *socket, SessionHandler *handler, std::chrono::milliseconds idleTimeout,
            std::chrono::milliseconds helloTimeout, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    QString userId() const { return m_userId; }
    qint64 tokenId() const { return m_tokenId; }
    QString peerAddress() const;
    // The revision of the latest state this session was sent (its snapshot, an ack, a push):
    // the server sends it each later revision in order, or a snapshot where one would be
    // missing.
    qint64 revision() const { return m_revision; }
    void setRevision(qint64 revision) { m_revision = revision; }

    void beginAuthentication();
    void acceptUser(const QString &userId, qint64 tokenId);
    void acceptAdmin(qint64 tokenId);

    // Sends one JSON text message (already encoded, so a push is encoded once for all).
    void send(const QString &text);
    void sendError(const ProtocolError &error);
    // Sends the error, then closes with `closeCode` (refused hello, revoked token).
    void refuse(const ProtocolError &error, quint16 closeCode);
    void close(quint16 closeCode, const QString &reason);

    // Every third of the idle timeout: pings, or closes a session silent for all of it. False
    // once the session is closing, so nothing more is due.
    bool keepaliveDue();
    // `helloTimeout` after the connection: closes it (4000) if it has sent no hello.
    void helloDeadlinePassed();

signals:
    // Once: the session has logged in, or it went before it did.
    void preLoginEnded();

private:
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onDisconnected();
    void endPreLogin();
    void handleObject(const QJsonObject &object);
    void handleAdmin(const QJsonObject &object);
    // Before the snapshot, any problem ends the connection (4000); afterwards it is an error.
    void reject(const ProtocolError &error);
    void markActive() { m_lastActivity.start(); }

    QWebSocket *m_socket;
    SessionHandler *m_handler;
    State m_state = State::AwaitingHello;
    QString m_userId;
    qint64 m_tokenId = 0;
    qint64 m_revision = 0;
    std::chrono::milliseconds m_idleTimeout;
    std::chrono::milliseconds m_helloTimeout;
    QElapsedTimer m_lastActivity;
    bool m_preLogin = true;
    bool m_closedReported = false;
};
