// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "ChangeOutcome.h"
#include "ClientMessage.h"
#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>
#include <optional>

class ChangeRecorder;
class SettingsRepository;

// Commits a user's profile edits (docs/protocol.md 4.5: setActiveProfile, addProfile,
// renameProfile, removeProfile, setProfileRule, setSchedule) and the server clock's
// followSchedule inside the caller's write transaction (GroupCommit's): what an edit does is
// ProfileEditing's, shared with the client; this reads, tells another user's device apart, and
// writes. The profiles are read and written whole; a switch also writes the rules that changed,
// since the active profile's rules are the devices' own. Every change is pushed to the user's
// sessions as a snapshot.
class ProfileEdits
{
    Q_DECLARE_TR_FUNCTIONS(ProfileEdits)

public:
    using Clock = std::function<QDateTime()>;

    // `clock` is the time schedules are read at (UTC); by default the system's.
    ProfileEdits(const SettingsRepository &repository, const ChangeRecorder &recorder,
                 Clock clock = {});

    ChangeOutcome apply(const QString &userId, const ClientMessage &edit,
                        const AuditEntry::Actor &actor) const;
    QDateTime now() const { return m_clock(); }
    // What the audit log keeps of a change of profiles other than a rule: the active profile,
    // the profiles' ids and names, a locked schedule.
    static QJsonObject auditSummary(const FollowMeSettings &settings);

private:
    // Writes what differs between the two, the revision and the audit record.
    ChangeOutcome store(const QString &userId, const ClientMessage &edit,
                        const AuditEntry::Actor &actor, const FollowMeSettings &before,
                        const FollowMeSettings &after) const;

    const SettingsRepository &m_repository;
    const ChangeRecorder &m_recorder;
    Clock m_clock;
};
