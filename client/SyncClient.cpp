#include "SyncClient.h"

#include "ClientMessage.h"
#include "DeviceChanges.h"
#include "Protocol.h"
#include "QtCompat.h"
#include "SettingsDocument.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcSync, "followme.sync")

SyncClient::SyncClient(SettingsDocument *document, const QString &outboxPath,
                       const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_outbox(outboxPath)
    , m_cache(cachePath)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    Q_ASSERT(document);
    m_sendTimer.setSingleShot(true);
    m_sendTimer.setInterval(250ms);
    m_keepaliveTimer.setInterval(10s);
    m_pongDeadline.setSingleShot(true);
    m_pongDeadline.setInterval(10s);
    m_reconnectTimer.setSingleShot(true);
    m_stableTimer.setSingleShot(true);

    connect(&m_sendTimer, &QTimer::timeout, this, &SyncClient::sendUnsent);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SyncClient::sendKeepalive);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcSync) << "no pong in time: the link is dead";
        m_lastError = tr("The server stopped answering.");
        linkLost();
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncClient::openSocket);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_failures = 0; });

    connect(document, &SettingsDocument::ruleChanged, this, &SyncClient::onLocalRuleChanged);
    connect(document, &SettingsDocument::controlledDeviceChanged, this,
            &SyncClient::onLocalControlledDeviceChanged);
    m_confirmed = document->settings();
    m_shown = m_confirmed;
}

SyncClient::~SyncClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SyncClient::setKeepalive(std::chrono::milliseconds interval, std::chrono::milliseconds timeout)
{
    m_keepaliveTimer.setInterval(interval);
    m_pongDeadline.setInterval(timeout);
}

void SyncClient::setServer(const QUrl &url)
{
    if (url == m_url)
        return;
    if (!m_outbox.isEmpty()) {
        emit notice(tr("%n unsent change(s) for %1 were dropped: they were meant for that server.",
                       nullptr, pendingEditCount())
                        .arg(m_url.host()));
        m_outbox.removeIf([](const ClientMessage &) { return true; });
        m_outbox.setOwner(url.toString());
        persistOutbox();
        showCurrent();
    }
    m_url = url;
    // Only the owner changes here: the file on disk is not touched before restore() read it.
    m_outbox.setOwner(url.toString());
}

void SyncClient::restore()
{
    m_outbox.setOwner(m_url.toString());
    QString problem;
    const auto cached = m_cache.load(&problem);
    // A cache from another server (or another user's token) is not this user's state.
    if (cached && !m_url.isEmpty() && cached->server != m_url.toString()) {
        qCInfo(lcSync) << "ignoring the cache of" << cached->server;
    } else if (cached) {
        m_confirmed = cached->settings;
        m_confirmedServer = cached->server;
        m_userId = cached->userId;
        m_userName = cached->userName;
        m_revision = cached->revision;
        m_confirmedAt = cached->receivedAt;
    } else if (!problem.isEmpty()) {
        emit notice(problem);
    }
    if (const auto outboxProblem = m_outbox.load())
        emit notice(*outboxProblem);
    showCurrent();
}

std::chrono::milliseconds SyncClient::timeUntilReconnect() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTimeAsDuration() : 0ms;
}

void SyncClient::connectToServer()
{
    m_wanted = true;
    m_failures = 0;
    m_reconnectTimer.stop();
    if (!m_url.isValid() || m_url.isEmpty() || m_token.isEmpty()) {
        m_lastError = tr("Enter the server address and your token to connect.");
        m_problem = Problem::MissingServerOrToken;
        setState(State::Offline);
        return;
    }
    openSocket();
}

void SyncClient::retryNow()
{
    if (m_state != State::WaitingToReconnect)
        return;
    m_reconnectTimer.stop();
    openSocket();
}

void SyncClient::disconnectFromServer()
{
    m_wanted = false;
    m_problem = Problem::None;
    m_reconnectTimer.stop();
    endLink(LinkEnd::Close);
    setState(State::Offline);
}

void SyncClient::endLink(LinkEnd how)
{
    // Nothing of the old link carries over: no ping outstanding, no stability earned, and every
    // edit in the outbox goes out again on the next one.
    m_keepaliveTimer.stop();
    m_pongDeadline.stop();
    m_stableTimer.stop();
    m_sendTimer.stop();
    m_outbox.markAllUnsent();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    if (how == LinkEnd::Close)
        m_socket->close();
    else
        m_socket->abort();
    m_socket.release()->deleteLater();
}

void SyncClient::openSocket()
{
    endLink(LinkEnd::Abort);
    m_socket = std::make_unique<QWebSocket>(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(8) * 1024 * 1024);
    connect(m_socket.get(), &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &SyncClient::onTextMessage);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(m_socket.get(), QtCompat::webSocketError(), this, &SyncClient::onSocketError);
    connect(m_socket.get(), &QWebSocket::pong, &m_pongDeadline, &QTimer::stop);

    setState(State::Connecting);
    m_socket->open(QNetworkRequest(QtCompat::withRequestPath(m_url)));
}

void SyncClient::onConnected()
{
    m_socket->sendTextMessage(QString::fromUtf8(
        ClientMessage::hello(m_token, u"FollowMe/"_s + QStringLiteral(FOLLOWME_VERSION)).encode()));
    m_keepaliveTimer.start();
}

void SyncClient::onTextMessage(const QString &text)
{
    ProtocolError error;
    const auto message = ServerMessage::decode(text.toUtf8(), &error);
    if (!message) {
        qCWarning(lcSync) << "ignoring a message from the server:" << error.message;
        return;
    }
    switch (message->type) {
    case ServerMessage::Type::Snapshot:
        handleSnapshot(*message);
        break;
    case ServerMessage::Type::Ack:
        handleAck(*message);
        break;
    case ServerMessage::Type::Error:
        handleError(*message);
        break;
    case ServerMessage::Type::RuleChanged: {
        const FollowMeSettings before = m_shown;
        const int index = m_confirmed.indexOf(message->deviceId);
        if (index >= 0)
            m_confirmed.devices[index].rule(message->callKind) = message->rule;
        m_revision = message->revision;
        cacheConfirmed();
        showCurrent();
        // The administrator may change the rules of a device they manage.
        tellDeviceChanges(before);
        break;
    }
    case ServerMessage::Type::ControlledDeviceChanged:
        m_confirmed.controlledDeviceId = message->deviceId;
        m_revision = message->revision;
        cacheConfirmed();
        showCurrent();
        break;
    }
}

void SyncClient::handleSnapshot(const ServerMessage &message)
{
    const bool firstOnThisLink = m_state != State::Connected;
    // Changes are news only to a user looking at this server's settings for them already (kept
    // from the last link, or from the cache): not on a fresh start, another server or user.
    const bool news = m_confirmedServer == m_url.toString() && m_userId == message.userId;
    const FollowMeSettings before = m_shown;
    m_confirmed = message.settings;
    m_confirmedServer = m_url.toString();
    m_userId = message.userId;
    m_userName = message.userName;
    m_revision = message.revision;
    cacheConfirmed();
    const QStringList dropped = dropEditsThatCannotApply();
    showCurrent();
    // What the administrator did first, then what that meant for the user's unsent edits.
    if (news)
        tellDeviceChanges(before);
    for (const QString &text : dropped)
        emit notice(text);
    if (firstOnThisLink) {
        m_lastError.clear();
        m_problem = Problem::None;
        m_stableTimer.start(m_policy.stableAfter());
        // Everything in the outbox goes (again): the server ignores ids it already committed.
        m_outbox.markAllUnsent();
        setState(State::Connected);
        sendUnsent();
    }
}

void SyncClient::handleAck(const ServerMessage &message)
{
    const auto edit = m_outbox.take(message.requestId);
    if (!edit)
        return; // an ack for an edit dropped meanwhile; the next push or snapshot tells the rest
    // The ack of a resend names the revision of the original commit, and a no-op edit the
    // current one: then the confirmed state (a snapshot at least that new) already holds it,
    // maybe with later changes on top that must not be overwritten.
    const bool newer = message.revision > m_revision;
    if (newer && edit->type == ClientMessage::Type::SetRule) {
        const int index = m_confirmed.indexOf(edit->deviceId);
        if (index >= 0) {
            RingRule &rule = m_confirmed.devices[index].rule(edit->callKind);
            rule = edit->change.appliedTo(rule);
        }
    } else if (newer && edit->type == ClientMessage::Type::SetControlledDevice) {
        m_confirmed.controlledDeviceId = edit->deviceId;
    }
    m_revision = std::max(m_revision, message.revision);
    persistOutbox();
    cacheConfirmed();
    showCurrent();
}

void SyncClient::handleError(const ServerMessage &message)
{
    if (message.requestId.isEmpty()) {
        qCWarning(lcSync) << "the server reports:" << Protocol::errorKey(message.error.code)
                          << message.error.message;
        if (m_state != State::Connected) {
            m_lastError = message.error.message;
            if (message.error.code == Protocol::ErrorCode::Unauthorized)
                m_lastError = tr("The server refused your token.");
        }
        return;
    }
    const auto edit = m_outbox.take(message.requestId);
    if (!edit)
        return;
    persistOutbox();
    showCurrent(); // the refused edit disappears from what is shown
    const QString what = edit->type == ClientMessage::Type::SetRule
        ? tr("Your change to %1 (%2) was undone: %3")
              .arg(deviceName(edit->deviceId), CallKinds::displayName(edit->callKind),
                   message.error.message)
        : tr("Your choice of the controlled device was undone: %1").arg(message.error.message);
    emit notice(what);
}

QStringList SyncClient::dropEditsThatCannotApply()
{
    // A device removed or locked meanwhile: the edit can't apply any more. Say so; never drop
    // an edit silently.
    const QList<ClientMessage> dropped = m_outbox.removeIf([this](const ClientMessage &edit) {
        if (edit.type == ClientMessage::Type::SetRule) {
            const Device *device = m_confirmed.device(edit.deviceId);
            return !device || device->isLocked();
        }
        return !edit.deviceId.isEmpty() && !m_confirmed.device(edit.deviceId);
    });
    QStringList notices;
    for (const ClientMessage &edit : dropped) {
        const Device *device = m_confirmed.device(edit.deviceId);
        const QString name = device ? device->name : edit.deviceId;
        if (!device)
            notices.append(
                tr("Your change to %1 was dropped: the device is no longer yours.").arg(name));
        else
            notices.append(tr("Your change to %1 was dropped: your administrator now manages "
                              "this device.")
                               .arg(name));
    }
    if (!dropped.isEmpty())
        persistOutbox();
    return notices;
}

void SyncClient::tellDeviceChanges(const FollowMeSettings &before)
{
    for (const QString &sentence : DeviceChanges::describe(before, m_shown))
        emit notice(sentence);
}

void SyncClient::onDisconnected()
{
    if (!m_socket)
        return;
    const quint16 code = quint16(m_socket->closeCode());
    qCInfo(lcSync) << "disconnected, close code" << code << m_socket->closeReason();
    if (!Protocol::mayReconnectAfter(code)) {
        // No loop after a refused token: only the user can change something.
        m_wanted = false;
        endLink(LinkEnd::Abort);
        if (m_lastError.isEmpty() || code == Protocol::CloseUnauthorized)
            m_lastError = code == Protocol::CloseUnauthorized
                ? tr("The server refused your token.")
                : tr("The server does not speak this client's protocol version.");
        m_problem = code == Protocol::CloseUnauthorized ? Problem::TokenRefused
                                                         : Problem::VersionRefused;
        setState(State::Refused);
        return;
    }
    linkLost();
}

void SyncClient::onSocketError(QAbstractSocket::SocketError error)
{
    qCInfo(lcSync) << "socket error" << error << (m_socket ? m_socket->errorString() : QString());
    if (m_socket && m_state != State::Connected)
        m_lastError = m_socket->errorString();
    // Up to Qt 6.4.2 a failed handshake leaves the socket "connecting" and never says
    // disconnected() (fixed in 6.4.3). Ending the link here is right on every version: the
    // socket is dropped, so a later disconnected() finds nothing to do.
    if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
        linkLost();
}

void SyncClient::linkLost()
{
    endLink(LinkEnd::Abort);
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Offline);
}

void SyncClient::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    ++m_failures;
    m_problem = Problem::Unreachable;
    m_reconnectTimer.start(m_policy.delayFor(m_failures));
    setState(State::WaitingToReconnect);
}

void SyncClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncClient::onLocalRuleChanged(int deviceIndex, CallKind kind)
{
    if (m_showing)
        return;
    const Device &device = m_document->settings().devices.at(deviceIndex);
    const int shownIndex = m_shown.indexOf(device.id);
    if (shownIndex < 0)
        return;
    RingRule &shown = m_shown.devices[shownIndex].rule(kind);
    const RuleChange change = RuleChange::between(shown, device.rule(kind));
    shown = device.rule(kind);
    m_outbox.addRuleChange(device.id, kind, change);
    persistOutbox();
    showCurrent(); // marks it pending
    if (m_state == State::Connected)
        m_sendTimer.start();
}

void SyncClient::onLocalControlledDeviceChanged(const QString &deviceId)
{
    if (m_showing)
        return;
    m_shown.controlledDeviceId = deviceId;
    m_outbox.setControlledDevice(deviceId);
    persistOutbox();
    showCurrent();
    if (m_state == State::Connected)
        m_sendTimer.start();
}

void SyncClient::sendUnsent()
{
    if (m_state != State::Connected || !m_socket)
        return;
    for (const Outbox::Entry &entry : m_outbox.entries()) {
        if (entry.sent)
            continue;
        m_socket->sendTextMessage(QString::fromUtf8(entry.message.encode()));
        m_outbox.markSent(entry.message.requestId);
    }
}

void SyncClient::sendKeepalive()
{
    if (!m_socket || m_pongDeadline.isActive())
        return;
    m_socket->ping();
    m_pongDeadline.start();
}

void SyncClient::showCurrent()
{
    FollowMeSettings shown = m_confirmed;
    QSet<QString> pendingRules;
    bool controlledPending = false;
    for (const Outbox::Entry &entry : m_outbox.entries()) {
        const ClientMessage &edit = entry.message;
        if (edit.type == ClientMessage::Type::SetRule) {
            const int index = shown.indexOf(edit.deviceId);
            if (index < 0 || shown.devices.at(index).isLocked())
                continue;
            RingRule &rule = shown.devices[index].rule(edit.callKind);
            rule = edit.change.appliedTo(rule);
            pendingRules.insert(SettingsDocument::ruleKey(edit.deviceId, edit.callKind));
        } else if (edit.type == ClientMessage::Type::SetControlledDevice) {
            if (edit.deviceId.isEmpty() || shown.device(edit.deviceId)) {
                shown.controlledDeviceId = edit.deviceId;
                controlledPending = true;
            }
        }
    }
    m_showing = true;
    if (const auto problem = m_document->update(shown))
        qCWarning(lcSync) << "the combined settings are invalid:" << problem->message();
    m_document->setPending(pendingRules, controlledPending);
    m_showing = false;
    m_shown = m_document->settings();
    emit pendingEditCountChanged(pendingEditCount());
}

void SyncClient::persistOutbox()
{
    if (const auto problem = m_outbox.save())
        emit notice(tr("Your unsent changes could not be saved: %1").arg(*problem));
}

void SyncClient::cacheConfirmed()
{
    m_confirmedAt = m_clock();
    SnapshotCache::Snapshot snapshot;
    snapshot.server = m_url.toString();
    snapshot.userId = m_userId;
    snapshot.userName = m_userName;
    snapshot.revision = m_revision;
    snapshot.receivedAt = m_confirmedAt;
    snapshot.settings = m_confirmed;
    if (const auto problem = m_cache.save(snapshot))
        qCWarning(lcSync) << problem->toUtf8().constData();
}

QString SyncClient::deviceName(const QString &deviceId) const
{
    const Device *device = m_confirmed.device(deviceId);
    return device ? device->name : deviceId;
}
