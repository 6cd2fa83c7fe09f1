#pragma once

#include "AuditEntry.h"
#include "ChangeOutcome.h"
#include "ChangeRecorder.h"
#include "ClientMessage.h"
#include "ProfileEdits.h"
#include "UnchangedRequests.h"

#include <QCoreApplication>

class AuditLog;
class SettingsRepository;

// Applies a user's edit (setRule, setControlledDevice; profile edits go to ProfileEdits) with
// every check the server owes the
// protocol, whatever the client sent: unknown device, another user's device, a locked device,
// an external number as controlled device. Decoding (ClientMessage) has already checked types
// and bounds. A request id seen before is answered with its original revision (4.4).
// It writes inside the caller's write transaction (GroupCommit's), which commits or drops the
// edits of one event-loop turn together.
class EditHandler
{
    Q_DECLARE_TR_FUNCTIONS(EditHandler)

public:
    // `clock`: the time schedules are read at (ProfileEdits).
    EditHandler(const SettingsRepository &repository, const AuditLog &audit,
                ProfileEdits::Clock clock = {});

    const ProfileEdits &profiles() const { return m_profiles; }

    // An error of code internal means a read or write failed: the transaction must not commit.
    // An edit that changes nothing writes nothing (outcome.unchanged); once the transaction is
    // over, rememberUnchanged() keeps its id.
    // A change is recorded in the audit log as made by `actor`.
    ChangeOutcome apply(const QString &userId, const ClientMessage &edit,
                        const AuditEntry::Actor &actor) const;
    void rememberUnchanged(const QString &userId, const QString &requestId, qint64 revision);

private:
    ChangeOutcome setRule(const QString &userId, const ClientMessage &edit,
                          const AuditEntry::Actor &actor) const;
    ChangeOutcome setControlledDevice(const QString &userId, const ClientMessage &edit,
                                      const AuditEntry::Actor &actor) const;

    const SettingsRepository &m_repository;
    ChangeRecorder m_recorder;
    ProfileEdits m_profiles;
    UnchangedRequests m_unchanged;
};
