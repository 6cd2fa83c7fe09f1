// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "ChangeOutcome.h"
#include "ClientMessage.h"

#include <QList>
#include <QObject>
#include <QPointer>

class ChangeLog;
class Database;
class EditHandler;
class SettingsRepository;
class Session;

// Group commit: the edits that arrive during one event-loop turn, from any number of sessions,
// are applied in one write transaction, so they share one commit and its fsync. A commit costs
// the same for one edit as for a hundred; under load, edits pile up while the previous commit
// is being made durable and the next turn takes them all. Every outcome is handed on only after
// the commit is durable, in the order the edits arrived; if the transaction fails, every edit of
// it is answered internal and nothing of it was stored. A turn whose edits all changed nothing
// (or were refused) writes nothing.
class GroupCommit : public QObject
{
    Q_OBJECT

public:
    // At most this many edits share one transaction, so an ack never waits behind a flood.
    static constexpr int maxEditsPerCommit = 256;

    // Each edit that changed something is told to the other servers through `changes`, in the
    // same transaction; the users of a group are locked first (`settings`), so that servers
    // sharing a PostgreSQL database apply one user's edits one transaction after the other.
    GroupCommit(const Database &database, const SettingsRepository &settings, EditHandler &edits,
                const ChangeLog &changes, QObject *parent = nullptr);

    // Queues the edit of `userId` sent on `session` (which may close meanwhile) for the end of
    // this turn; `actor` is who the audit log names.
    void submit(Session *session, const QString &userId, const ClientMessage &edit,
                const AuditEntry::Actor &actor);
    int pendingCount() const { return int(m_pending.size()); }

signals:
    // Once per submitted edit, in order. `session` is null when it closed before the commit;
    // the change was committed all the same and is to be pushed.
    void applied(Session *session, const QString &userId, const ClientMessage &edit,
                 const ChangeOutcome &outcome);

private:
    struct Pending
    {
        QPointer<Session> session;
        QString userId;
        ClientMessage edit;
        AuditEntry::Actor actor;
    };

    void schedule();
    void commitPending();
    bool lockUsers(const QList<Pending> &batch) const;

    const Database &m_database;
    const SettingsRepository &m_settings;
    EditHandler &m_edits;
    const ChangeLog &m_changes;
    QList<Pending> m_pending;
    bool m_scheduled = false;
};
