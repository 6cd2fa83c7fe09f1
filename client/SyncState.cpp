#include "SyncState.h"

#include "DeviceChanges.h"
#include "ProfileEditing.h"
#include "ProfileText.h"
#include "Protocol.h"
#include "RefusalText.h"
#include "ServerAccount.h"
#include "ServerMessageCheck.h"
#include "SettingsDocument.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcState, "followme.sync.state")

SyncState::SyncState(SettingsDocument *document, const QString &outboxPath,
                     const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_outbox(outboxPath)
    , m_cache(cachePath)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    Q_ASSERT(document);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(250ms);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flush();
        emit readyToSend();
    });
    connect(&m_outboxRetry, &SaveRetry::due, this, &SyncState::flush);
    connect(&m_resendRetry, &SaveRetry::due, this, &SyncState::readyToSend);
    connect(document, &SettingsDocument::ruleEdited, this, &SyncState::onRuleEdited);
    connect(document, &SettingsDocument::profileEdited, this, &SyncState::onProfileEdited);
    connect(document, &SettingsDocument::controlledDeviceEdited, this,
            &SyncState::onControlledDeviceEdited);
    m_confirmed = document->settings();
}

SyncState::~SyncState()
{
    flush();
    // The time of the last contact too, so the next start says how old its preview is.
    writeCache(true);
}

void SyncState::setServer(const QUrl &url)
{
    if (ServerAccount::of(url) == ServerAccount::of(m_server)) {
        m_server = url; // the same server, spelt differently: nothing of it is dropped
        return;
    }
    flush(); // what belongs to the old server is on disk as its own before anything is dropped
    const bool shownChanges = !m_outbox.isEmpty() || !m_confirmedServer.isEmpty();
    dropAllEdits(tr("%n unsent change(s) for %1 were dropped: they were meant for that server.",
                    nullptr, pendingEditCount())
                     .arg(m_server.host()));
    m_server = url;
    m_inSync = false;
    // Only the owner changes here: the file on disk is not touched before restore() read it.
    m_outbox.setOwner(ServerAccount::of(url));
    if (!m_confirmedServer.isEmpty()) {
        // The old server's settings are not this one's: not shown, not edited, not cached as
        // this server's. The cache file keeps them for the old server.
        m_confirmed = {};
        m_confirmedServer.clear();
        m_userId.clear();
        m_userName.clear();
        m_revision = 0;
        m_confirmedAt = {};
        m_history.clear();
        m_written.reset();
    }
    if (shownChanges)
        showCurrent();
}

void SyncState::dropAllEdits(const QString &why)
{
    if (m_outbox.isEmpty())
        return;
    emit notice(why);
    m_outbox.removeIf([](const ClientMessage &) { return true; });
    outboxChanged();
}

void SyncState::restore()
{
    m_outbox.setOwner(ServerAccount::of(m_server));
    QString problem;
    const auto cached = m_cache.load(&problem);
    // A cache from another server (or another user's token) is not this user's state.
    if (cached && !m_server.isEmpty()
        && !ServerAccount::same(cached->server, m_server.toString())) {
        qCInfo(lcState) << "ignoring the cache of" << cached->server;
    } else if (cached) {
        m_confirmed = cached->settings;
        m_confirmedServer = ServerAccount::of(QUrl(cached->server));
        m_userId = cached->userId;
        m_userName = cached->userName;
        m_revision = cached->revision;
        m_confirmedAt = cached->receivedAt;
        m_history.replace(cached->recentChanges);
        m_written = cached;
    } else if (!problem.isEmpty()) {
        emit notice(problem);
    }
    if (const auto outboxProblem = m_outbox.load())
        emit notice(*outboxProblem);
    m_outboxDirty = false;
    showCurrent();
}

void SyncState::receive(const ServerMessage &message)
{
    const auto check = ServerMessageCheck::check(
        message, m_confirmed, m_inSync ? std::optional(m_revision) : std::nullopt);
    if (check.verdict != ServerMessageCheck::Verdict::Apply) {
        // Neither shown nor cached: the state stays the last one that could be true, the
        // outbox is kept for the next link.
        // The start of the message is enough to tell which one it was; a snapshot is long.
        if (check.verdict == ServerMessageCheck::Verdict::Impossible)
            qCWarning(lcState).noquote()
                << u"not applying an impossible message of the server (%1):"_s.arg(check.reason)
                << QString::fromUtf8(message.encode().left(300));
        else
            qCInfo(lcState).noquote() << "missed changes of the server:" << check.reason;
        m_inSync = false;
        emit resyncNeeded(check.reason);
        return;
    }
    switch (message.type) {
    case ServerMessage::Type::Snapshot:
        handleSnapshot(message);
        break;
    case ServerMessage::Type::Ack:
        handleAck(message);
        break;
    case ServerMessage::Type::Error:
        handleRefusal(message);
        break;
    case ServerMessage::Type::RuleChanged: {
        const FollowMeSettings before = m_document->settings();
        m_confirmed = message.appliedTo(m_confirmed);
        m_revision = message.revision;
        if (message.change)
            m_history.add(*message.change);
        confirmedChanged();
        showCurrent();
        // The administrator may change the rules of a device they manage.
        tellDeviceChanges(before);
        break;
    }
    case ServerMessage::Type::ControlledDeviceChanged:
        m_confirmed = message.appliedTo(m_confirmed);
        m_revision = message.revision;
        if (message.change)
            m_history.add(*message.change);
        confirmedChanged();
        showCurrent();
        break;
    }
}

void SyncState::handleSnapshot(const ServerMessage &message)
{
    // Changes are news only to a user looking at this server's settings for them already (kept
    // from the last link, or from the cache): not on a fresh start, another server or user.
    const QString server = ServerAccount::of(m_server);
    const bool news = m_confirmedServer == server && m_userId == message.userId;
    // Edits made as another user of this server (the token changed) are not this user's.
    if (m_confirmedServer == server && !m_userId.isEmpty() && m_userId != message.userId)
        dropAllEdits(tr("%n unsent change(s) were dropped: they were made as another user.",
                        nullptr, pendingEditCount()));
    const FollowMeSettings before = m_document->settings();
    m_confirmed = message.settings;
    m_confirmedServer = server;
    m_userId = message.userId;
    m_userName = message.userName;
    m_revision = message.revision;
    m_history.replace(message.recentChanges);
    m_inSync = true;
    confirmedChanged();
    const QStringList dropped = dropEditsThatCannotApply(before);
    showCurrent();
    // What the administrator did first, then what that meant for the user's unsent edits.
    if (news)
        tellDeviceChanges(before);
    for (const QString &text : dropped)
        emit notice(text);
}

void SyncState::handleAck(const ServerMessage &message)
{
    m_serverFailing = false;
    m_resendRetry.succeeded();
    const auto edit = m_outbox.take(message.requestId);
    if (!edit) {
        // An edit dropped meanwhile (an administrator's snapshot made it void) that the server
        // committed all the same: the change and its revision are the server's now, and only a
        // snapshot says what they were. Taking the revision without the change would hide it.
        if (message.revision > m_revision) {
            qCInfo(lcState) << "an ack of revision" << message.revision << "for an edit no "
                            << "longer here: resyncing";
            m_inSync = false;
            emit resyncNeeded(
                tr("a change of revision %1 this client no longer had").arg(message.revision));
        }
        return;
    }
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
    } else if (newer && edit->isProfileEdit()) {
        // The server sends the snapshot of a profile edit before its ack: one newer than the
        // state means that snapshot never came, and only a new one says what the edit did.
        m_inSync = false;
        emit resyncNeeded(tr("a change of profiles without its snapshot"));
        return;
    }
    m_revision = std::max(m_revision, message.revision);
    outboxChanged();
    confirmedChanged();
    showCurrent();
}

void SyncState::handleRefusal(const ServerMessage &message)
{
    if (message.error.code == Protocol::ErrorCode::Internal) {
        keepForResend(message);
        return;
    }
    const auto edit = m_outbox.take(message.requestId);
    if (!edit)
        return;
    // The server's text is English prose for the log; the user reads it worded from the code.
    qCInfo(lcState) << "the server refused" << message.requestId << ":"
                    << Protocol::errorKey(message.error.code) << message.error.message;
    outboxChanged();
    showCurrent(); // the refused edit disappears from what is shown
    emit notice(refusalNotice(*edit, message.error.code));
}

QString SyncState::refusalNotice(const ClientMessage &edit, Protocol::ErrorCode code) const
{
    const QString name =
        edit.type == ClientMessage::Type::SetControlledDevice && edit.deviceId.isEmpty()
        ? tr("No device")
        : deviceName(edit.deviceId);
    // A profile's rule refused for its device (gone, locked) is said of the device.
    if (edit.type == ClientMessage::Type::SetProfileRule && m_confirmed.profile(edit.profileId))
        return RefusalText::ruleEdit(code, name, edit.callKind);
    if (edit.isProfileEdit())
        return RefusalText::profileEdit(code, profileName(edit.profileId));
    return edit.type == ClientMessage::Type::SetRule
        ? RefusalText::ruleEdit(code, name, edit.callKind)
        : RefusalText::controlledDevice(code, name);
}

void SyncState::keepForResend(const ServerMessage &message)
{
    // `internal` is the server's passing trouble (its database), not a judgement of the edit:
    // the edit stays pending and goes out again after SaveRetry's delay, with its request id,
    // so a commit the server did make after all is answered once (§4.4).
    const ClientMessage *edit = m_outbox.markUnsent(message.requestId);
    if (!edit)
        return;
    qCInfo(lcState) << "the server could not save" << message.requestId
                    << "just now:" << message.error.message;
    // Said once while the server keeps failing, not for every try.
    if (!m_serverFailing)
        emit notice(refusalNotice(*edit, message.error.code));
    m_serverFailing = true;
    m_resendRetry.failed();
}

QStringList SyncState::dropEditsThatCannotApply(const FollowMeSettings &before)
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
        // A removed device is named as the user knew it.
        const Device *known = device ? device : before.device(edit.deviceId);
        const QString name = known ? known->name : edit.deviceId;
        if (!device)
            notices.append(
                tr("Your change to %1 was dropped: the device is no longer yours.").arg(name));
        else
            notices.append(tr("Your change to %1 was dropped: your administrator now manages "
                              "this device.")
                               .arg(name));
    }
    if (!dropped.isEmpty())
        outboxChanged();
    return notices;
}

void SyncState::tellDeviceChanges(const FollowMeSettings &before)
{
    for (const QString &sentence : DeviceChanges::describe(before, m_document->settings()))
        emit notice(sentence);
}

void SyncState::onRuleEdited(const QString &deviceId, CallKind kind, const RuleChange &change)
{
    // The document only takes edits of devices it shows, and it shows the confirmed ones.
    if (!m_confirmed.device(deviceId)) {
        qCWarning(lcState) << "an edit of a device the server never confirmed:" << deviceId;
        return;
    }
    // The change goes into the outbox as it came: the document already shows it.
    m_outbox.addRuleChange(deviceId, kind, change);
    m_outboxDirty = true;
    showPending();
    restartFlushForEdit();
}

void SyncState::restartFlushForEdit()
{
    // Each edit restarts the wait, so a spinner held down is one write and one message; but
    // never for longer than maxWriteDelay, so a long drag can't keep its edits off the disk.
    constexpr qint64 maxWriteDelayMs = 2000;
    if (!m_unwrittenSince.isValid())
        m_unwrittenSince.start();
    if (m_unwrittenSince.elapsed() < maxWriteDelayMs || !m_flushTimer.isActive())
        m_flushTimer.start();
}

void SyncState::onProfileEdited(const ClientMessage &edit)
{
    m_outbox.addProfileEdit(edit);
    m_outboxDirty = true;
    showPending();
    restartFlushForEdit();
}

void SyncState::onControlledDeviceEdited(const QString &deviceId)
{
    m_outbox.setControlledDevice(deviceId);
    m_outboxDirty = true;
    showPending();
    restartFlushForEdit();
}

QList<ClientMessage> SyncState::takeUnsent()
{
    QList<ClientMessage> unsent;
    for (const Outbox::Entry &entry : m_outbox.entries()) {
        if (!entry.sent)
            unsent.append(entry.message);
    }
    for (const ClientMessage &message : std::as_const(unsent))
        m_outbox.markSent(message.requestId);
    return unsent;
}

void SyncState::showCurrent()
{
    FollowMeSettings shown = m_confirmed;
    for (const Outbox::Entry &entry : m_outbox.entries()) {
        const ClientMessage &edit = entry.message;
        if (edit.type == ClientMessage::Type::SetRule) {
            const int index = shown.indexOf(edit.deviceId);
            if (index < 0 || shown.devices.at(index).isLocked())
                continue;
            RingRule &rule = shown.devices[index].rule(edit.callKind);
            rule = edit.change.appliedTo(rule);
        } else if (edit.type == ClientMessage::Type::SetControlledDevice) {
            if (edit.deviceId.isEmpty() || shown.device(edit.deviceId))
                shown.controlledDeviceId = edit.deviceId;
        } else if (edit.isProfileEdit()) {
            // As the server will make it; one it will refuse shows nothing until it does.
            ProfileEditing::apply(shown, edit, ActiveProfile::By::User, m_clock());
        }
    }
    // update() is the document's entry point for settings from elsewhere: it announces what
    // changed to the views, and no intent, so nothing of this comes back here as an edit.
    if (const auto problem = m_document->update(shown))
        qCWarning(lcState) << "the combined settings are invalid:" << problem->message();
    showPending();
}

void SyncState::showPending()
{
    QSet<QString> pendingRules;
    bool controlledPending = false;
    for (const Outbox::Entry &entry : m_outbox.entries()) {
        const ClientMessage &edit = entry.message;
        if (edit.type == ClientMessage::Type::SetRule) {
            const Device *device = m_confirmed.device(edit.deviceId);
            if (device && !device->isLocked())
                pendingRules.insert(SettingsDocument::ruleKey(edit.deviceId, edit.callKind));
        } else if (edit.type == ClientMessage::Type::SetControlledDevice) {
            controlledPending |= edit.deviceId.isEmpty() || m_confirmed.device(edit.deviceId);
        }
    }
    m_document->setPending(pendingRules, controlledPending);
    emit pendingEditCountChanged(pendingEditCount());
}

void SyncState::confirmedChanged()
{
    m_confirmedAt = m_clock();
    scheduleFlush();
}

void SyncState::outboxChanged()
{
    m_outboxDirty = true;
    scheduleFlush();
}

void SyncState::scheduleFlush()
{
    // Not restarted: a stream of messages must not put the write off for ever.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SyncState::flush()
{
    // The batching point: the end of the send delay (an edit's steps have merged by then, and
    // a burst of acks and pushes is one write), and destruction, so quitting loses nothing. A
    // crash loses at most the edits of the last send delay (2 s while edits keep coming).
    m_unwrittenSince.invalidate();
    if (m_outboxDirty) {
        m_outboxRetry.stop();
        if (const auto problem = m_outbox.save()) {
            // Still in memory and still sent; the file is tried again (SaveRetry), so nothing is
            // lost once space returns. Said once per spell, not once per try.
            if (!m_outboxUnsaved) {
                qCWarning(lcState) << "the unsent edits" << m_outbox.path()
                                   << "were not written:" << problem->toUtf8().constData();
                emit notice(tr("Your unsent changes could not be saved on this computer: %1. "
                               "They are kept and saved as soon as that works.")
                                .arg(*problem));
            }
            m_outboxUnsaved = true;
            m_outboxRetry.failed();
        } else {
            m_outboxDirty = false;
            m_outboxUnsaved = false;
            m_outboxRetry.succeeded();
        }
    }
    writeCache(false);
}

SnapshotCache::Snapshot SyncState::currentSnapshot() const
{
    SnapshotCache::Snapshot snapshot;
    snapshot.server = m_confirmedServer; // where the settings came from, not where we go now
    snapshot.userId = m_userId;
    snapshot.userName = m_userName;
    snapshot.revision = m_revision;
    snapshot.receivedAt = m_confirmedAt;
    snapshot.settings = m_confirmed;
    snapshot.recentChanges = m_history.entries();
    return snapshot;
}

void SyncState::writeCache(bool evenIfOnlyTheTimeChanged)
{
    if (m_confirmedServer.isEmpty())
        return; // nothing came from a server yet: nothing to cache
    const SnapshotCache::Snapshot snapshot = currentSnapshot();
    // The same settings again (a resync, a no-op ack) are no reason to write the file.
    if (m_written && m_written->sameContentAs(snapshot)
        && (!evenIfOnlyTheTimeChanged || m_written->receivedAt == snapshot.receivedAt))
        return;
    if (const auto problem = m_cache.save(snapshot))
        qCWarning(lcState) << "the offline cache" << m_cache.path()
                           << "was not written:" << problem->toUtf8().constData();
    else
        m_written = snapshot;
}

QString SyncState::profileName(const QString &profileId) const
{
    return ProfileText::name(m_confirmed, profileId);
}

QString SyncState::deviceName(const QString &deviceId) const
{
    const Device *device = m_confirmed.device(deviceId);
    return device ? device->name : deviceId;
}
