// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupCommit.h"

#include "ChangeLog.h"
#include "ChangeRecorder.h"
#include "Database.h"
#include "EditHandler.h"
#include "ServerLog.h"
#include "Session.h"
#include "SettingsRepository.h"
#include "SqlTransaction.h"

#include <algorithm>
#include <csignal>

namespace {

// A fault for the tests (tst_serverpostgres): the server dies the moment a group of edits is
// committed, before anything is acknowledged or pushed, as in a crash at the worst time.
bool killedAfterCommit()
{
    static const bool fault = qEnvironmentVariableIsSet("FOLLOWME_FAULT_KILL_AFTER_COMMIT");
    return fault;
}

} // namespace

GroupCommit::GroupCommit(const Database &database, const SettingsRepository &settings,
                         EditHandler &edits, const ChangeLog &changes, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_settings(settings)
    , m_edits(edits)
    , m_changes(changes)
{ }

void GroupCommit::submit(Session *session, const QString &userId, const ClientMessage &edit,
                         const AuditEntry::Actor &actor)
{
    m_pending.append({session, userId, edit, actor});
    schedule();
}

void GroupCommit::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Queued: it runs once the messages already read in this turn have all been submitted.
    QMetaObject::invokeMethod(this, &GroupCommit::commitPending, Qt::QueuedConnection);
}

bool GroupCommit::lockUsers(const QList<Pending> &batch) const
{
    QStringList users;
    for (const Pending &pending : batch)
        users.append(pending.userId);
    // In one order on every server, so two servers' groups never wait for each other.
    users.sort();
    users.removeDuplicates();
    return std::all_of(users.cbegin(), users.cend(),
                       [this](const QString &userId) { return m_settings.lockUser(userId); });
}

void GroupCommit::commitPending()
{
    m_scheduled = false;
    const qsizetype count = std::min<qsizetype>(m_pending.size(), maxEditsPerCommit);
    const QList<Pending> batch = m_pending.first(count);
    m_pending.remove(0, count);
    if (!m_pending.isEmpty())
        schedule();

    QList<ChangeOutcome> outcomes;
    outcomes.reserve(count);
    bool stored = true;
    {
        SqlTransaction transaction(m_database.connection());
        stored = transaction.isActive() && lockUsers(batch);
        bool written = false;
        for (const Pending &pending : batch) {
            if (!stored)
                break;
            ChangeOutcome outcome = m_edits.apply(pending.userId, pending.edit, pending.actor);
            if (outcome.error && outcome.error->code == Protocol::ErrorCode::Internal)
                stored = false;
            // A profile edit is told as a snapshot of the user, a rule as a push.
            const bool changed = !outcome.error && !outcome.unchanged
                && (!outcome.pushes.isEmpty() || !outcome.snapshotUsers.isEmpty());
            if (changed && !m_changes.record(outcome))
                stored = false;
            written = written || changed;
            outcomes.append(std::move(outcome));
        }
        // Nothing written: the transaction is rolled back, which writes nothing either.
        if (stored && written && !transaction.commit())
            stored = false;
        if (stored && written && killedAfterCommit())
            std::raise(SIGKILL);
        if (!stored)
            qCWarning(lcServer) << batch.size()
                                << "edits not committed:" << transaction.errorText();
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Pending &pending = batch.at(i);
        ChangeOutcome outcome = stored
            ? outcomes.at(i)
            : ChangeOutcome::failure(ChangeRecorder::notStored(pending.edit.requestId));
        if (stored && outcome.unchanged)
            m_edits.rememberUnchanged(pending.userId, pending.edit.requestId, outcome.revision);
        emit applied(pending.session.data(), pending.userId, pending.edit, outcome);
    }
}
