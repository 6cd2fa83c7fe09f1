#pragma once

#include "FollowMeSettings.h"
#include "Outbox.h"
#include "ReconnectPolicy.h"
#include "ServerMessage.h"
#include "SnapshotCache.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QWebSocket;
class SettingsDocument;

// Keeps a SettingsDocument in step with the server (docs/protocol.md). The user's edits show at
// once, wait in a persistent outbox (marked pending) until the server acknowledges them, and are
// rolled back with a notice when it refuses them. The link is watched by a keepalive and
// re-established with backoff; after a reconnect the client resyncs and resends what is left.
//
// What the document shows is always: the server's last confirmed state, with the outbox's edits
// applied on top.
class SyncClient : public QObject
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

    using Clock = std::function<QDateTime()>;

    SyncClient(SettingsDocument *document, const QString &outboxPath, const QString &cachePath,
               QObject *parent = nullptr);
    ~SyncClient() override;

    // Shows the cached snapshot and the unsent edits from the last run, before any connection.
    void restore();

    // A different server drops the unsent edits meant for the old one, with a notice.
    void setServer(const QUrl &url);
    QUrl server() const { return m_url; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    void connectToServer();
    void disconnectFromServer();

    // Why there is no link, for the status bar; None while connected or connecting normally.
    enum class Problem {
        None,
        MissingServerOrToken, // connectToServer() without both
        Unreachable, // the last attempt or link failed (until a link is up again)
        TokenRefused, // close code 4001: only a new token helps
        VersionRefused, // close code 4002: only another client or server helps
    };
    Q_ENUM(Problem)

    // While WaitingToReconnect: tries at once instead of waiting out the backoff.
    void retryNow();

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    QString lastError() const { return m_lastError; }
    // While WaitingToReconnect: how long until the next attempt.
    std::chrono::milliseconds timeUntilReconnect() const;
    // When the shown settings last came from the server (from the cache when offline).
    QDateTime confirmedAt() const { return m_confirmedAt; }
    QString userName() const { return m_userName; }
    qint64 revision() const { return m_revision; }
    int pendingEditCount() const { return int(m_outbox.entries().size()); }

    // Seams for tests: time, backoff, keepalive and how long edits are held to merge.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    void setKeepalive(std::chrono::milliseconds interval, std::chrono::milliseconds timeout);
    void setSendDelay(std::chrono::milliseconds delay) { m_sendTimer.setInterval(delay); }

signals:
    void stateChanged(SyncClient::State state);
    // An edit was refused or could not be applied any more and was undone, says which and why;
    // or the administrator changed the user's devices (one notice per change, newest last).
    void notice(const QString &message);
    void pendingEditCountChanged(int count);

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
    void scheduleReconnect();
    void setState(State state);

    void handleSnapshot(const ServerMessage &message);
    void handleAck(const ServerMessage &message);
    void handleError(const ServerMessage &message);
    // Returns the notices that say which edits were dropped.
    QStringList dropEditsThatCannotApply();
    // Notices for what the administrator changed since `before` (what the document showed).
    void tellDeviceChanges(const FollowMeSettings &before);

    void onLocalRuleChanged(int deviceIndex, CallKind kind);
    void onLocalControlledDeviceChanged(const QString &deviceId);
    void sendUnsent();
    void sendKeepalive();

    // Puts the confirmed state plus the outbox into the document.
    void showCurrent();
    void persistOutbox();
    void cacheConfirmed();
    QString deviceName(const QString &deviceId) const;

    QPointer<SettingsDocument> m_document;
    std::unique_ptr<QWebSocket> m_socket;
    Outbox m_outbox;
    SnapshotCache m_cache;
    ReconnectPolicy m_policy;
    Clock m_clock;

    QUrl m_url;
    QString m_token;
    State m_state = State::Offline;
    Problem m_problem = Problem::None;
    QString m_lastError;
    bool m_wanted = false; // the user wants a connection
    bool m_showing = false; // the document is being updated from here, not by the user
    int m_failures = 0;

    FollowMeSettings m_confirmed;
    QString m_confirmedServer; // where m_confirmed came from; empty: nowhere yet
    FollowMeSettings m_shown; // what the document showed after the last update from here
    QString m_userId;
    QString m_userName;
    qint64 m_revision = 0;
    QDateTime m_confirmedAt;

    QTimer m_sendTimer;
    QTimer m_keepaliveTimer;
    QTimer m_pongDeadline;
    QTimer m_reconnectTimer;
    QTimer m_stableTimer;
};
