#pragma once

#include "ClientMessage.h"
#include "ReconnectPolicy.h"
#include "ServerMessage.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class WebSocketClient;

// The link to the server, and nothing of the settings: the WebSocket, the hello, the keepalive
// that notices a dead peer, reconnecting with backoff (ReconnectPolicy), the close codes after
// which only the user can help, and why there is no link (Problem). It hands every message of
// the server on (received) except those about the link itself, and counts as Connected once the
// server answered the hello with its snapshot.
class SyncLink : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Offline, // not connecting (never told to, or told to stop)
        Connecting,
        Connected,
        WaitingToReconnect,
        Refused, // the server refused the token or the protocol version: no automatic retry
    };
    Q_ENUM(State)

    // Why there is no link, for the status bar; None while connected or connecting normally.
    enum class Problem {
        None,
        MissingServerOrToken, // connectToServer() without both
        Unreachable, // the last attempt or link failed (until a link is up again)
        TokenRefused, // close code 4001: only a new token helps
        VersionRefused, // close code 4002: only another client or server helps
        // The server sent what can't be read or can't be true (lastError() says what): the link
        // is rebuilt with the backoff, for a fresh snapshot.
        MessageRefused,
    };
    Q_ENUM(Problem)

    using Clock = std::function<QDateTime()>;

    explicit SyncLink(QObject *parent = nullptr);
    ~SyncLink() override;

    void setServer(const QUrl &url) { m_url = url; }
    QUrl server() const { return m_url; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    void connectToServer();
    void disconnectFromServer();
    // While WaitingToReconnect: tries at once instead of waiting out the backoff. Counts as an
    // attempt like any other: a failure still grows the backoff.
    void retryNow();

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    QString lastError() const { return m_lastError; }
    // While WaitingToReconnect: how long until the next attempt.
    std::chrono::milliseconds timeUntilReconnect() const;

    // Sends a message while Connected; false (and nothing sent) otherwise.
    bool send(const ClientMessage &message);
    // What the server said could not be taken (`reason`, translated): ends the link and
    // reconnects with the backoff, so the next hello brings a whole snapshot (the protocol's
    // only way to one). Problem MessageRefused until a link is up again.
    void resync(const QString &reason);

    // Seams for tests: time (how long a link stayed up), backoff and keepalive.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    void setKeepalive(std::chrono::milliseconds interval, std::chrono::milliseconds timeout);

signals:
    void stateChanged(SyncLink::State state);
    // A message from the server for the settings: snapshots, acks, refusals of edits, pushes.
    void received(const ServerMessage &message);

private:
    void openSocket();
    void onConnected();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void linkLost();
    enum class LinkEnd { Close, Abort };
    // Drops the current socket and everything that belonged to its link.
    void endLink(LinkEnd how);
    void scheduleReconnect(Problem problem = Problem::Unreachable);
    void setState(State state);
    void sendKeepalive();

    std::unique_ptr<WebSocketClient> m_socket;
    ReconnectPolicy m_policy;
    Clock m_clock;

    QUrl m_url;
    QString m_token;
    State m_state = State::Offline;
    Problem m_problem = Problem::None;
    QString m_lastError;
    bool m_wanted = false; // the user wants a connection
    int m_failures = 0; // attempts and links that failed since the last stable link
    QDateTime m_upSince; // when the current link came up; invalid while there is none

    QTimer m_keepaliveTimer;
    QTimer m_pongDeadline;
    // From the hello to the snapshot: a server that accepts the socket but never answers the
    // hello with something readable would keep the link "connecting" for ever (pongs come from
    // the WebSocket layer by themselves).
    QTimer m_helloDeadline;
    QTimer m_reconnectTimer;
};
