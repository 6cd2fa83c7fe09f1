#pragma once

#include "ActiveProfile.h"
#include "ClientMessage.h"
#include "FollowMeSettings.h"
#include "ProtocolError.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

// What a profile edit (docs/protocol.md 4.5) does to a settings document, the same for the
// server that commits it, the client that shows it before the server confirms it and an
// --offline file: create, rename, remove a profile, change a profile's rule, set the schedule,
// choose the active profile, and let the schedule and the override have their say at `now`.
class ProfileEditing
{
    Q_DECLARE_TR_FUNCTIONS(ProfileEditing)

public:
    // Applies `edit` to `settings` (left as it was when refused), then follows the schedule.
    // `by` is who chose a profile by hand. A refusal carries no request id; a device the
    // settings don't have is not_found (the server tells another user's apart first).
    static std::optional<ProtocolError> apply(FollowMeSettings &settings, const ClientMessage &edit,
                                              ActiveProfile::By by, const QDateTime &now);
    // The settings as the schedule and override want them at `now` (a switch made, an ended
    // override dropped); unchanged when they already are.
    static FollowMeSettings followed(const FollowMeSettings &settings, const QDateTime &now);
    // When the schedule or override next has something to do: the profile switches, or an
    // override ends. Nothing: not before the settings change.
    static std::optional<QDateTime> nextWake(const FollowMeSettings &settings,
                                             const QDateTime &now);
    // A profile of the settings, Do not disturb, or the implicit one of a document without.
    static bool isKnown(const FollowMeSettings &settings, const QString &profileId);

private:
    static std::optional<ProtocolError> change(FollowMeSettings &settings,
                                               const ClientMessage &edit, ActiveProfile::By by,
                                               const QDateTime &now);
    static std::optional<ProtocolError> setActive(FollowMeSettings &settings,
                                                  const ClientMessage &edit, ActiveProfile::By by,
                                                  const QDateTime &now);
    static std::optional<ProtocolError> setProfileRule(FollowMeSettings &settings,
                                                       const ClientMessage &edit);
    static std::optional<ProtocolError> removeProfile(FollowMeSettings &settings,
                                                      const ClientMessage &edit);
    static std::optional<ProtocolError> setSchedule(FollowMeSettings &settings,
                                                    const ClientMessage &edit);
};
