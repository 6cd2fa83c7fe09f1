#include "Server.h"

#include "ChangeOutcome.h"
#include "ClientMessage.h"
#include "ConnectionListener.h"
#include "ConsoleServer.h"
#include "DemoSeeder.h"
#include "PeerChangeListener.h"
#include "ServerLog.h"
#include "ServerMessage.h"
#include "Session.h"
#include "SqlTransaction.h"
#include "TlsCredentials.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QSqlDatabase>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include <chrono>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

// How many of the latest changes made by others (an administrator) a snapshot carries.
constexpr int recentChangesInSnapshot = 10;
// A switch of the server's clock that could not be committed is tried again after this.
constexpr std::chrono::minutes retryScheduleAfter(1);

// How often the connection that hears other servers' changes is checked (PeerChangeListener).
constexpr std::chrono::seconds peerCheckInterval(2);

QString encode(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

Server::Server(const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(m_database)
    , m_tokens(m_database)
    , m_audit(m_database)
    , m_changeLog(m_database, QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_edits(m_settings, m_audit)
    , m_commits(m_database, m_settings, m_edits, m_changeLog)
    , m_admin(m_database, m_settings, m_tokens, m_audit, m_changeLog)
    , m_profileClock(m_settings, [this] { return m_edits.profiles().now(); })
    , m_throttle(options.throttle)
    , m_sharedFailures(m_database, options.throttle.failureLimit, options.throttle.window)
    , m_preLogin(options.preLoginLimit)
    , m_keepalive(options.idleTimeout, options.helloTimeout)
{
    connect(&m_commits, &GroupCommit::applied, this, &Server::editApplied);
    connect(&m_profileClock, &ProfileClock::due, this, &Server::followSchedule);
}

Server::~Server()
{
    // Sessions do not call back while they are deleted (see ~Session).
    qDeleteAll(m_sessions);
    // Before the database it has a connection beside.
    delete m_peers;
}

bool Server::start(QString *error)
{
    if (m_options.demoReachableFromNetwork() && !m_options.demoOnNetwork) {
        *error = tr("--demo on %1, an address other machines can reach, would let anyone log in "
                    "as admin with the public demo token; listen on 127.0.0.1 or add "
                    "--demo-on-network-anyone-is-admin")
                     .arg(m_options.host.toString());
        return false;
    }
    const bool secure = !m_options.tlsCertificate.isEmpty();
#if QT_CONFIG(ssl)
    // Checked before the database is touched: a refused start changes nothing.
    std::optional<QSslConfiguration> tls;
    if (secure) {
        tls = TlsCredentials::load(m_options.tlsCertificate, m_options.tlsKey, error);
        if (!tls)
            return false;
    }
#else
    if (secure) {
        *error = tr("this Qt has no TLS support");
        return false;
    }
#endif
    if (!m_database.open(m_options.databasePath, error, Database::Sharing::OneServer))
        return false;
    if (m_options.demo) {
        DemoSeeder seeder(m_database, m_settings, m_tokens);
        if (!seeder.seed(error))
            return false;
    }
    // Schedules are kept from the start, whether or not anyone connects.
    m_profileClock.start();
    if (m_changeLog.isEnabled()) {
        // Counted among the servers from now on, so what it will be told is kept for it.
        m_changeLog.heartbeat();
        m_peers = new PeerChangeListener(m_database, m_changeLog, peerCheckInterval, this);
        connect(m_peers, &PeerChangeListener::changeCommitted, this, &Server::peerChangeCommitted);
        connect(m_peers, &PeerChangeListener::changesMissed, this, &Server::peerChangesMissed);
        connect(m_peers, &PeerChangeListener::caughtUp, this, &Server::peersCaughtUp);
        QString listenError;
        if (!m_peers->start(&listenError)) {
            *error = tr("cannot listen for the changes of other servers: %1").arg(listenError);
            return false;
        }
    }
    m_server = new QWebSocketServer(
        u"followme-server/" FOLLOWME_VERSION ""_s,
        secure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    connect(m_server, &QWebSocketServer::newConnection, this, &Server::onNewConnection);
    // The listener accepts the connections (TCP_NODELAY) and hands them to m_server, which does
    // not listen itself. The opening handshake gets the hello's deadline (Qt's default is 10 s
    // as well).
#if QT_CONFIG(ssl)
    const QSslConfiguration *tlsConfiguration = tls ? &*tls : nullptr;
#else
    const QSslConfiguration *tlsConfiguration = nullptr;
#endif
    m_listener = new ConnectionListener(m_server, m_options.helloTimeout, tlsConfiguration, this);
    connect(
        m_listener, &ConnectionListener::acceptError, this,
        [](QAbstractSocket::SocketError code) { qCWarning(lcServer) << "accept failed:" << code; });
    if (!m_listener->listen(m_options.host, m_options.port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(m_options.host.toString(), QString::number(m_options.port),
                          m_listener->errorString());
        return false;
    }
    if (m_options.console) {
        m_console = new ConsoleServer(tlsConfiguration, this);
        connect(m_console, &ConsoleServer::newWebSocket, this, &Server::adopt);
        if (!m_console->listen(m_options.consoleHost, m_options.consolePort, error))
            return false;
    }
    qCInfo(lcServer) << "database" << m_database.path();
    return true;
}

QHostAddress Server::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

SharedLoginFailures::Milliseconds Server::wallClock()
{
    return SharedLoginFailures::Milliseconds(QDateTime::currentMSecsSinceEpoch());
}

LoginThrottle::Milliseconds Server::now() const
{
    return std::chrono::duration_cast<LoginThrottle::Milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

QString Server::consoleUrl() const
{
    return m_console ? m_console->url() : QString();
}

void Server::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection())
        adopt(socket);
}

void Server::adopt(QWebSocket *socket)
{
    if (m_shuttingDown) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway);
        socket->deleteLater();
        return;
    }
    auto *session = new Session(socket, this, m_options.idleTimeout, m_options.helloTimeout, this);
    m_sessions.insert(session);
    m_keepalive.add(session);
    qCDebug(lcServer) << "connection from" << session->peerAddress();
    if (!m_preLogin.admit(session)) {
        qCWarning(lcServer).nospace()
            << "refusing a connection from " << session->peerAddress() << ": " << m_preLogin.limit()
            << " from there have not logged in yet";
        session->refuse({Code::RateLimited,
                         tr("too many connections from your address have not logged in yet"),
                         {}},
                        Protocol::CloseRateLimited);
    }
}

void Server::helloReceived(Session *session, const ClientMessage &hello)
{
    const QString address = session->peerAddress();
    // A lost database connection is opened again here and before edits and admin commands.
    // The request that finds it lost is answered internal (clients try again); the next one
    // reconnects.
    m_database.reconnectIfLost();
    if (m_throttle.isBlocked(address, now()) || m_sharedFailures.isBlocked(address, wallClock())) {
        qCWarning(lcServer) << "refusing a hello from" << address << "(too many failed logins)";
        session->refuse({Code::RateLimited,
                         tr("too many failed logins from your address; try again later"),
                         hello.requestId},
                        Protocol::CloseRateLimited);
        return;
    }
    if (hello.protocol != Protocol::version) {
        session->refuse({Code::Unsupported,
                         tr("protocol %1 is not supported; this server speaks protocol %2")
                             .arg(hello.protocol)
                             .arg(Protocol::version),
                         hello.requestId},
                        Protocol::CloseUnsupportedVersion);
        return;
    }
    authenticate(session, hello);
}

void Server::authenticate(Session *session, const ClientMessage &hello)
{
    const auto identity = m_tokens.identify(hello.token);
    // A failed read is the server's fault: not a failed login, so not throttled.
    if (identity.failed()) {
        refuseInternal(session, hello.requestId);
        return;
    }
    if (!identity.hasValue()) {
        refuseLogin(session, hello.requestId);
        return;
    }
    m_throttle.recordSuccess(session->peerAddress());
    if (identity->admin) {
        session->acceptAdmin(identity->tokenId);
        session->send(encode({{u"type"_s, u"adminReady"_s},
                              {u"protocol"_s, Protocol::version},
                              {u"server"_s, u"followme-server/" FOLLOWME_VERSION ""_s}}));
        qCInfo(lcServer) << "admin session from" << session->peerAddress();
        return;
    }
    const auto snapshot = readSnapshot(identity->userId);
    if (!snapshot) {
        refuseInternal(session, hello.requestId);
        return;
    }
    session->acceptUser(identity->userId, identity->tokenId);
    m_sessionsByUser[identity->userId].append(session);
    session->setRevision(snapshot->revision);
    session->send(QString::fromUtf8(snapshot->encode()));
    qCInfo(lcServer) << "session for" << identity->userId << "from" << session->peerAddress()
                     << hello.client;
}

void Server::refuseLogin(Session *session, const QString &requestId)
{
    const QString address = session->peerAddress();
    const auto delay = m_throttle.recordFailure(address, now());
    m_sharedFailures.recordFailure(address, wallClock());
    qCWarning(lcServer) << "failed login from" << address << "answered in" << delay.count() << "ms";
    QPointer<Session> guard(session);
    QTimer::singleShot(delay, this, [guard, requestId] {
        if (guard)
            guard->refuse({Code::Unauthorized, tr("the token is unknown or revoked"), requestId},
                          Protocol::CloseUnauthorized);
    });
}

void Server::refuseInternal(Session *session, const QString &requestId)
{
    m_database.noteFailure();
    qCWarning(lcServer) << "closing the connection of" << session->peerAddress()
                        << "with internal: the database could not be read";
    session->refuse(
        {Code::Internal, tr("the server cannot read its database; try again later"), requestId},
        QWebSocketProtocol::CloseCodeBadOperation);
}

std::optional<ServerMessage> Server::readSnapshot(const QString &userId) const
{
    // Not found here (a user removed meanwhile) is as unreadable as a failed read: a snapshot
    // without the user's devices would tell the client they are gone.
    // One read transaction: followme-admin --db may commit between two reads, and the
    // revision must be the one of these settings.
    std::optional<SettingsRepository::User> user;
    std::optional<FollowMeSettings> settings;
    std::optional<QList<AuditEntry>> recent;
    {
        SqlTransaction reading(m_database.connection(), SqlTransaction::Kind::Read);
        if (const auto read = m_settings.user(userId); read.hasValue())
            user = *read;
        if (const auto read = m_settings.settings(userId); read.hasValue())
            settings = *read;
        recent = m_audit.list({userId, recentChangesInSnapshot, 0, true});
        reading.commit(); // read only: ending it is all the commit does
    }
    if (!user || !settings || !recent) {
        qCWarning(lcServer) << "cannot read the snapshot of" << userId;
        return std::nullopt;
    }
    return ServerMessage::snapshot(user->revision, user->id, user->name, *settings, *recent);
}

void Server::editReceived(Session *session, const ClientMessage &edit)
{
    // Before the group of edits is committed (queued, so nothing is under way now).
    m_database.reconnectIfLost();
    m_commits.submit(session, session->userId(), edit, actorOf(session));
}

void Server::editApplied(Session *session, const QString &userId, const ClientMessage &edit,
                         const ChangeOutcome &outcome)
{
    if (outcome.error) {
        if (outcome.error->code == Code::Internal)
            m_database.noteFailure();
        if (session)
            session->sendError(*outcome.error);
        // The clock's own switch failed to commit: tried again in a minute (a removed user is
        // not).
        if (edit.type == ClientMessage::Type::FollowSchedule
            && outcome.error->code == Code::Internal)
            QTimer::singleShot(retryScheduleAfter, this,
                               [this, userId] { followSchedule(userId); });
        else if (edit.type == ClientMessage::Type::FollowSchedule)
            m_profileClock.forget(userId);
        return;
    }
    if (edit.isProfileEdit() && !outcome.unchanged)
        refreshProfileClock(outcome);
    else if (edit.type == ClientMessage::Type::FollowSchedule)
        m_profileClock.refresh(userId);
    if (session) {
        // The client takes an ack's revision as its own: if a change of another server (or of
        // followme-admin --db) lies between, or a no-op edit's current revision is one it has
        // not been sent yet, only a snapshot tells it what it missed. It goes first: a client
        // refuses a snapshot that is not newer than what it has, which the ack would be.
        const qint64 known = session->revision();
        const bool missed =
            outcome.revision > known + 1 || (outcome.unchanged && outcome.revision > known);
        // A profile edit is told as a snapshot, which its sender gets before the ack as well.
        if (missed || outcome.snapshotUsers.contains(session->userId()))
            resync(session->userId(), {session});
        else
            session->setRevision(std::max(known, outcome.revision));
        session->send(
            QString::fromUtf8(ServerMessage::ack(edit.requestId, outcome.revision).encode()));
    }
    fanOut(outcome, session);
    notifyWatchers(outcome);
}

AuditEntry::Actor Server::actorOf(const Session *session)
{
    const auto kind = session->state() == Session::State::Admin ? AuditEntry::ActorKind::Admin
                                                                : AuditEntry::ActorKind::User;
    return {kind, session->tokenId(), session->peerAddress()};
}

void Server::adminReceived(Session *session, const QString &requestId, const QString &command,
                           const QJsonObject &args)
{
    if (command == u"user.watch") {
        watch(session, requestId, args);
        return;
    }
    if (command == u"user.unwatch") {
        unwatch(session, requestId);
        return;
    }
    m_database.reconnectIfLost();
    const ChangeOutcome outcome = m_admin.execute(command, args, actorOf(session));
    if (outcome.error) {
        if (outcome.error->code == Code::Internal)
            m_database.noteFailure();
        ProtocolError error = *outcome.error;
        error.requestId = requestId;
        session->sendError(error);
        return;
    }
    qCInfo(lcServer) << "admin command" << command << "from" << session->peerAddress();
    session->send(
        encode({{u"type"_s, u"ack"_s}, {u"id"_s, requestId}, {u"result"_s, outcome.result}}));
    fanOut(outcome, nullptr);
    notifyWatchers(outcome);
    refreshProfileClock(outcome);
}

void Server::followSchedule(const QString &userId)
{
    if (m_shuttingDown)
        return;
    // A request id of its own, so the commit is remembered like any other (4.4).
    static QAtomicInteger<quint64> counter;
    const QString requestId = u"schedule-%1-%2"_s.arg(QDateTime::currentMSecsSinceEpoch())
                                  .arg(counter.fetchAndAddRelaxed(1));
    m_database.reconnectIfLost();
    m_commits.submit(nullptr, userId, ClientMessage::followSchedule(requestId),
                     {AuditEntry::ActorKind::Schedule, 0, u"schedule"_s});
}

void Server::refreshProfileClock(const ChangeOutcome &outcome)
{
    QStringList users = outcome.snapshotUsers;
    if (outcome.audit && !outcome.audit->userId.isEmpty())
        users.append(outcome.audit->userId);
    users.removeDuplicates();
    for (const QString &userId : std::as_const(users))
        m_profileClock.refresh(userId);
}

void Server::watch(Session *session, const QString &requestId, const QJsonObject &args)
{
    const QJsonValue user = args.value(u"user"_s);
    if (!user.isString() || user.toString().isEmpty()) {
        session->sendError({Code::Invalid, tr("user: must be a non-empty string"), requestId});
        return;
    }
    const auto current = m_settings.user(user.toString());
    if (current.failed()) {
        session->sendError(
            {Code::Internal, tr("the server could not read its database"), requestId});
        return;
    }
    if (!current.hasValue()) {
        session->sendError(
            {Code::NotFound, tr("no user has the id \"%1\"").arg(user.toString()), requestId});
        return;
    }
    const auto snapshot = readSnapshot(user.toString());
    if (!snapshot) {
        session->sendError(
            {Code::Internal, tr("the server could not read its database"), requestId});
        return;
    }
    // Registered before the answer leaves, and in the same turn as the read: no change can
    // fall between what the answer shows and the first push.
    m_watchers.watch(session, user.toString());
    const QJsonObject state = snapshot->toJson();
    session->send(encode({{u"type"_s, u"ack"_s},
                          {u"id"_s, requestId},
                          {u"result"_s,
                           QJsonObject {{u"user"_s, state.value(u"user"_s)},
                                        {u"revision"_s, state.value(u"revision"_s)},
                                        {u"settings"_s, state.value(u"settings"_s)}}}}));
}

void Server::unwatch(Session *session, const QString &requestId)
{
    m_watchers.unwatch(session);
    session->send(
        encode({{u"type"_s, u"ack"_s}, {u"id"_s, requestId}, {u"result"_s, QJsonObject {}}}));
}

void Server::notifyWatchers(const ChangeOutcome &outcome)
{
    if (!outcome.audit || m_watchers.isEmpty())
        return;
    const QString userId = outcome.audit->userId;
    const QList<Session *> watchers = m_watchers.watchers(userId);
    if (watchers.isEmpty())
        return;
    QJsonObject push {{u"type"_s, u"userChanged"_s},
                      {u"user"_s, userId},
                      {u"revision"_s, outcome.audit->revision},
                      {u"change"_s, outcome.audit->toJson()}};
    // A removed user has no settings any more: null says so.
    if (const auto snapshot = readSnapshot(userId)) {
        const QJsonObject state = snapshot->toJson();
        push.insert(u"revision"_s, state.value(u"revision"_s));
        push.insert(u"settings"_s, state.value(u"settings"_s));
    } else {
        push.insert(u"settings"_s, QJsonValue());
    }
    const QString text = encode(push);
    for (Session *watcher : watchers)
        watcher->send(text);
}

void Server::fanOut(const ChangeOutcome &outcome, Session *sender)
{
    for (const auto &[userId, message] : outcome.pushes) {
        const QString text = QString::fromUtf8(message.encode());
        const QList<Session *> sessions = m_sessionsByUser.value(userId);
        for (Session *session : sessions) {
            if (session != sender)
                deliver(session, message, text);
        }
    }
    for (const QString &userId : outcome.snapshotUsers) {
        QList<Session *> sessions = m_sessionsByUser.value(userId);
        sessions.removeAll(sender); // has it already, before its ack
        resync(userId, sessions);
    }
    const ProtocolError revoked {Code::Unauthorized, tr("your access has been revoked"), {}};
    for (const QString &userId : outcome.removedUsers) {
        for (Session *session : m_sessionsByUser.value(userId))
            session->refuse(revoked, Protocol::CloseUnauthorized);
    }
    if (!outcome.revokedTokens.isEmpty()) {
        const QList<Session *> sessions = m_sessions.values();
        for (Session *session : sessions) {
            const bool authenticated = session->state() == Session::State::User
                || session->state() == Session::State::Admin;
            if (authenticated && outcome.revokedTokens.contains(session->tokenId()))
                session->refuse(revoked, Protocol::CloseUnauthorized);
        }
    }
}

void Server::deliver(Session *session, const ServerMessage &push, const QString &text)
{
    if (push.revision <= session->revision())
        return; // in its snapshot already, or sent when this server committed it
    if (push.revision > session->revision() + 1) {
        // Another server's change not heard of yet: the snapshot holds it, and this one.
        resync(session->userId(), {session});
        return;
    }
    session->setRevision(push.revision);
    session->send(text);
}

void Server::resync(const QString &userId, const QList<Session *> &sessions)
{
    if (sessions.isEmpty())
        return;
    const auto snapshot = readSnapshot(userId);
    const QString text = snapshot ? QString::fromUtf8(snapshot->encode()) : QString();
    for (Session *session : sessions) {
        // A change they can't be told of: closed with 1011, they come back later for a
        // snapshot rather than go on showing settings that are no longer true.
        if (!snapshot) {
            refuseInternal(session, {});
            continue;
        }
        session->setRevision(snapshot->revision);
        session->send(text);
    }
}

void Server::peerChangeCommitted(qint64 id, const QString &userId)
{
    // Another server's change may move this server's clock as well (every server keeps the
    // schedules; the second to follow one finds nothing left to change).
    if (!userId.isEmpty())
        m_profileClock.refresh(userId);
    // Nobody here to tell: not even read.
    if (!userId.isEmpty() && !m_sessionsByUser.contains(userId)
        && m_watchers.watchers(userId).isEmpty())
        return;
    m_database.reconnectIfLost();
    const auto change = m_changeLog.read(id);
    if (!change.hasValue()) {
        // Unreadable, or removed already (this server was not heard from for long): what it
        // changed is in a snapshot.
        qCWarning(lcServer) << "change" << id << "of another server cannot be read; resyncing"
                            << (userId.isEmpty() ? u"every session"_s : userId);
        if (change.failed())
            m_database.noteFailure();
        if (userId.isEmpty())
            peerChangesMissed();
        else
            resync(userId, m_sessionsByUser.value(userId));
        return;
    }
    fanOut(*change, nullptr);
    notifyWatchers(*change);
}

void Server::peerChangesMissed()
{
    // The connection that heard nothing was probably not the only one lost.
    m_database.noteFailure();
    m_database.reconnectIfLost();
    const auto users = m_sessionsByUser;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        resync(it.key(), it.value());
}

void Server::peersCaughtUp()
{
    m_database.reconnectIfLost();
    m_changeLog.heartbeat();
}

void Server::sessionClosed(Session *session)
{
    m_sessions.remove(session);
    m_watchers.unwatch(session);
    m_keepalive.remove(session);
    if (!session->userId().isEmpty()) {
        auto it = m_sessionsByUser.find(session->userId());
        if (it != m_sessionsByUser.end()) {
            it->removeOne(session);
            if (it->isEmpty())
                m_sessionsByUser.erase(it);
        }
    }
    session->deleteLater();
    if (m_shuttingDown && m_sessions.isEmpty())
        finishShutdown();
}

void Server::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer) << "shutting down," << m_sessions.size() << "sessions";
    if (m_peers) {
        m_changeLog.leave();
        delete m_peers;
        m_peers = nullptr;
    }
    if (m_listener)
        m_listener->close();
    if (m_console)
        m_console->close();
    if (m_sessions.isEmpty()) {
        QTimer::singleShot(0, this, &Server::finishShutdown);
        return;
    }
    const QList<Session *> sessions(m_sessions.cbegin(), m_sessions.cend());
    for (Session *session : sessions)
        session->close(QWebSocketProtocol::CloseCodeGoingAway, tr("the server is shutting down"));
    // Peers that do not answer the close handshake do not hold the shutdown up.
    QTimer::singleShot(std::chrono::seconds(2), this, &Server::finishShutdown);
}

void Server::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    emit stopped();
}
