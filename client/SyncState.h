#pragma once

#include "ChangeHistory.h"
#include "FollowMeSettings.h"
#include "Outbox.h"
#include "SaveRetry.h"
#include "ServerMessage.h"
#include "SnapshotCache.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class SettingsDocument;

// What the client knows of the user's settings, apart from any link: the server's last
// confirmed state and the outbox of the user's edits not acknowledged yet. What the document
// shows is always the confirmed state with the outbox applied on top. The user's edits come in
// as the document's intents (SettingsDocument::ruleEdited, controlledDeviceEdited); the server's
// messages through receive(). An ack moves an edit into the confirmed state, a refusal drops it
// (with a notice in the user's language), a snapshot replaces the confirmed state and drops the
// edits that can't apply any more; what the administrator changed is told (DeviceChanges).
// A message that can't be true in the confirmed state (ServerMessageCheck) is not applied: the
// state asks for a resync instead, keeping the outbox.
//
// Writes are batched: the outbox and the snapshot cache are written when the send delay after
// an edit or a message has passed (flush()), and on destruction.
class SyncState : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    SyncState(SettingsDocument *document, const QString &outboxPath, const QString &cachePath,
              QObject *parent = nullptr);
    ~SyncState() override; // flushes, so quitting loses nothing

    // The server the state belongs to. Switching drops the unsent edits meant for the old one,
    // with a notice.
    void setServer(const QUrl &url);
    QUrl server() const { return m_server; }

    // Shows the cached snapshot and the unsent edits from the last run.
    void restore();

    // A message of the server about the settings (not an error about the link itself).
    void receive(const ServerMessage &message);
    // A new link, or none: until a snapshot came on it, only a snapshot is believed.
    void awaitSnapshot() { m_inSync = false; }

    // The next link sends every edit again: the server ignores ids it already committed.
    void markAllUnsent() { m_outbox.markAllUnsent(); }
    // The edits not sent on this link yet, now marked sent.
    QList<ClientMessage> takeUnsent();

    // Writes the outbox and the cache if they changed since they were last written.
    void flush();

    int pendingEditCount() const { return int(m_outbox.entries().size()); }
    const FollowMeSettings &confirmed() const { return m_confirmed; }
    // When the shown settings last came from the server (from the cache when offline).
    QDateTime confirmedAt() const { return m_confirmedAt; }
    QString userName() const { return m_userName; }
    qint64 revision() const { return m_revision; }
    const Outbox &outbox() const { return m_outbox; }
    // The latest changes made by others (an administrator), as the server told them.
    const ChangeHistory &changeHistory() const { return m_history; }
    const SnapshotCache &cache() const { return m_cache; }

    // Seams for tests: time, and how long edits are held to merge before they go out.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setSendDelay(std::chrono::milliseconds delay) { m_flushTimer.setInterval(delay); }
    // When a failed write of the outbox file is tried again (SaveRetry: 1 s doubling to 30 s).
    void setSaveRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
    {
        m_outboxRetry.setDelays(first, longest);
    }
    // When an edit the server could not save just now (`internal`) is sent again (1 s doubling
    // to 30 s).
    void setResendDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
    {
        m_resendRetry.setDelays(first, longest);
    }

signals:
    // An edit was refused or could not be applied any more and was undone, says which and why;
    // or the administrator changed the user's devices (one notice per change, newest last).
    void notice(const QString &message);
    void pendingEditCountChanged(int count);
    // The send delay passed and the state is written: what is unsent may go out now.
    void readyToSend();
    // A message of the server was not applied (`reason`, translated): only a fresh snapshot
    // can put the state right. Nothing more is believed until one came.
    void resyncNeeded(const QString &reason);

private:
    void onRuleEdited(const QString &deviceId, CallKind kind, const RuleChange &change);
    void onControlledDeviceEdited(const QString &deviceId);
    void onProfileEdited(const ClientMessage &edit);

    void handleSnapshot(const ServerMessage &message);
    void handleAck(const ServerMessage &message);
    void handleRefusal(const ServerMessage &message);
    // Returns the notices that say which edits were dropped.
    // `before`: what was shown, for the names of removed devices.
    void keepForResend(const ServerMessage &message);
    // The refusal (or `internal`) of `edit` in the user's words, naming the device.
    QString refusalNotice(const ClientMessage &edit, Protocol::ErrorCode code) const;
    QStringList dropEditsThatCannotApply(const FollowMeSettings &before);
    // Notices for what the administrator changed since `before` (what the document showed).
    void tellDeviceChanges(const FollowMeSettings &before);

    // Puts the confirmed state plus the outbox into the document (after the server's news).
    void showCurrent();
    // Marks the pending rules in the document (what showCurrent() would show but cheaper, for
    // an edit the document already shows).
    void showPending();
    void confirmedChanged(); // the confirmed state or its metadata moved on
    void outboxChanged();
    // Empties the outbox, saying `why`, if there is anything in it.
    void dropAllEdits(const QString &why);
    void scheduleFlush();
    void restartFlushForEdit();
    void writeCache(bool evenIfOnlyTheTimeChanged);
    SnapshotCache::Snapshot currentSnapshot() const;
    QString deviceName(const QString &deviceId) const;
    QString profileName(const QString &profileId) const;

    QPointer<SettingsDocument> m_document;
    Outbox m_outbox;
    SnapshotCache m_cache;
    Clock m_clock;
    QUrl m_server;

    FollowMeSettings m_confirmed;
    QString m_confirmedServer; // where m_confirmed came from; empty: nowhere yet
    QString m_userId;
    QString m_userName;
    qint64 m_revision = 0;
    QDateTime m_confirmedAt;
    ChangeHistory m_history;
    bool m_inSync = false; // a snapshot came on the current link: m_revision is the server's

    bool m_outboxDirty = false;
    bool m_outboxUnsaved = false; // the last write of the outbox file failed
    SaveRetry m_outboxRetry;
    SaveRetry m_resendRetry; // edits the server could not save just now (`internal`)
    bool m_serverFailing = false; // the last answer was `internal`
    std::optional<SnapshotCache::Snapshot> m_written; // what the cache file holds
    QTimer m_flushTimer;
    // Since when edits are waiting to be written: a stream of them may put the write off only
    // for so long (maxWriteDelay).
    QElapsedTimer m_unwrittenSince;
};
