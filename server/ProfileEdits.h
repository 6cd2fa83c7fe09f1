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

// Applies a user's profile edits (docs/protocol.md 4.5: setActiveProfile, addProfile,
// renameProfile, removeProfile, setProfileRule, setSchedule) and the server clock's
// followSchedule, with every check the protocol owes, inside the caller's write transaction
// (GroupCommit's). The profiles are read and written whole; a switch also writes the rules
// that changed, since the active profile's rules are the devices' own. Every change is pushed to
// the user's sessions as a snapshot.
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

    // When the clock next has something to do for these settings: the schedule switches, or an
    // override ends. Nothing: not before the settings change.
    static std::optional<QDateTime> nextWake(const FollowMeSettings &settings,
                                             const QDateTime &now);
    // The settings as the schedule and override want them at `now` (a switch made, an ended
    // override dropped); unchanged when they already are.
    static FollowMeSettings followed(const FollowMeSettings &settings, const QDateTime &now);

private:
    // The edit applied to `settings`, or the refusal.
    std::optional<ProtocolError> change(FollowMeSettings &settings, const QString &userId,
                                        const ClientMessage &edit,
                                        const AuditEntry::Actor &actor) const;
    std::optional<ProtocolError> setActive(FollowMeSettings &settings, const ClientMessage &edit,
                                           const AuditEntry::Actor &actor) const;
    std::optional<ProtocolError> setProfileRule(FollowMeSettings &settings,
                                                const QString &userId,
                                                const ClientMessage &edit) const;
    std::optional<ProtocolError> removeProfile(FollowMeSettings &settings,
                                               const ClientMessage &edit) const;
    // Writes what differs between the two, the revision and the audit record.
    ChangeOutcome store(const QString &userId, const ClientMessage &edit,
                        const AuditEntry::Actor &actor, const FollowMeSettings &before,
                        const FollowMeSettings &after) const;
    ChangeOutcome unchanged(const QString &userId, const QString &requestId) const;

    const SettingsRepository &m_repository;
    const ChangeRecorder &m_recorder;
    Clock m_clock;
};
