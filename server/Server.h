#pragma once

#include "AdminCommands.h"
#include "AuditLog.h"
#include "ChangeLog.h"
#include "Database.h"
#include "EditHandler.h"
#include "GroupCommit.h"
#include "KeepaliveSweep.h"
#include "LoginThrottle.h"
#include "PreLoginGate.h"
#include "ProfileClock.h"
#include "ServerOptions.h"
#include "SessionHandler.h"
#include "SettingsRepository.h"
#include "SharedLoginFailures.h"
#include "TokenRepository.h"
#include "WatchList.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>

class ConnectionListener;
class ConsoleServer;
class PeerChangeListener;
class QWebSocket;
class QWebSocketServer;
struct ChangeOutcome;

// The reference server: accepts WebSocket connections, authenticates hellos, routes edits and
// admin commands, and fans every committed change out to all sessions of the user concerned,
// including the changes other servers on the same PostgreSQL database commit (ChangeLog).
// Everything runs in one thread, so answers and pushes leave in commit order.
class Server : public QObject, public SessionHandler
{
    Q_OBJECT

public:
    explicit Server(const ServerOptions &options, QObject *parent = nullptr);
    ~Server() override;

    // Refuses unsafe options (--demo on a network address without its explicit flag, a bad TLS
    // certificate or key), opens the database (seeding it with --demo) and starts listening.
    bool start(QString *error);
    QHostAddress address() const;
    quint16 port() const;
    // The admin console's address, http(s)://HOST:PORT/; empty without --admin-listen.
    QString consoleUrl() const;
    int sessionCount() const { return int(m_sessions.size()); }

    // Closes every session with 1001 and stops listening; stopped() follows once the peers
    // have gone (or after a short grace period).
    void shutdown();

signals:
    void stopped();

private:
    void helloReceived(Session *session, const ClientMessage &hello) override;
    void editReceived(Session *session, const ClientMessage &edit) override;
    void adminReceived(Session *session, const QString &requestId, const QString &command,
                       const QJsonObject &args) override;
    void sessionClosed(Session *session) override;

    // An edit's outcome once its group commit is over: the ack or error, then the pushes.
    void editApplied(Session *session, const QString &userId, const ClientMessage &edit,
                     const ChangeOutcome &outcome);
    void onNewConnection();
    // A WebSocket that passed its opening handshake, from either listener, becomes a session.
    void adopt(QWebSocket *socket);
    void authenticate(Session *session, const ClientMessage &hello);
    void refuseLogin(Session *session, const QString &requestId);
    // internal (1011): the database could not be read (at the hello, or for the snapshot of a
    // change); not counted as a failed login.
    void refuseInternal(Session *session, const QString &requestId);
    // The user's snapshot (with the latest changes others made), read in one transaction;
    // nothing if it cannot be read.
    std::optional<ServerMessage> readSnapshot(const QString &userId) const;
    void fanOut(const ChangeOutcome &outcome, Session *sender);
    // A push of revision `push.revision` (encoded as `text`): sent if the session has the one
    // before, left out if it has it already; a snapshot instead if one would be missing between.
    void deliver(Session *session, const ServerMessage &push, const QString &text);
    // A fresh snapshot to each of the sessions of `userId`; closed with 1011 if it can't be read.
    void resync(const QString &userId, const QList<Session *> &sessions);
    // Another server committed change `id` (ChangeLog) concerning `userId` (empty: anyone).
    void peerChangeCommitted(qint64 id, const QString &userId);
    // Changes of other servers may have gone unheard: every session gets a snapshot.
    void peerChangesMissed();
    void peersCaughtUp();
    // user.watch and user.unwatch: the admin session's own state, not a database command.
    void watch(Session *session, const QString &requestId, const QJsonObject &args);
    void unwatch(Session *session, const QString &requestId);
    // A committed change with its audit record, to the admin sessions watching its user.
    void notifyWatchers(const ChangeOutcome &outcome);
    static AuditEntry::Actor actorOf(const Session *session);
    // The user's schedule or override has something to do now: committed like an edit.
    void followSchedule(const QString &userId);
    // After a change of the user's settings: when their profile next switches.
    void refreshProfileClock(const ChangeOutcome &outcome);
    void finishShutdown();
    LoginThrottle::Milliseconds now() const;
    // Wall-clock time, which the servers sharing a database agree on.
    static SharedLoginFailures::Milliseconds wallClock();

    ServerOptions m_options;
    Database m_database;
    SettingsRepository m_settings;
    TokenRepository m_tokens;
    AuditLog m_audit;
    ChangeLog m_changeLog;
    EditHandler m_edits;
    GroupCommit m_commits;
    AdminCommands m_admin;
    ProfileClock m_profileClock;
    LoginThrottle m_throttle;
    SharedLoginFailures m_sharedFailures;
    PreLoginGate m_preLogin;
    KeepaliveSweep m_keepalive;
    QWebSocketServer *m_server = nullptr;
    ConnectionListener *m_listener = nullptr;
    ConsoleServer *m_console = nullptr;
    PeerChangeListener *m_peers = nullptr;
    QSet<Session *> m_sessions;
    QHash<QString, QList<Session *>> m_sessionsByUser;
    WatchList m_watchers;
    bool m_shuttingDown = false;
    bool m_stopped = false;
};
