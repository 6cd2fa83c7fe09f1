#pragma once

#include "ActiveProfile.h"
#include "FollowMeSettings.h"

#include <QDateTime>
#include <QString>

// Makes another profile the active one in a settings document: the devices' rules go back into
// the profile that was active, and come out of the new one. Locked devices keep the
// administrator's values; Do not disturb turns every other device off. The server and the
// offline client switch through this, so both keep the same rules.
class ProfileSwitch
{
public:
    // False when `profileId` is already active or is no profile of the document.
    static bool activate(FollowMeSettings &settings, const QString &profileId, ActiveProfile::By by,
                         const QDateTime &at);
    // A document without profiles gets its implicit one, so that a profile can be added next to
    // it or Do not disturb can keep its rules.
    static void materialize(FollowMeSettings &settings);
    // A new profile holding the rules that are active now (with Do not disturb on, its rules:
    // the same delays and timeouts, nothing enabled).
    static RingProfile copyOfActive(const FollowMeSettings &settings, const QString &id,
                                    const QString &name);
    // A device added to the document: every profile that is not active starts with its rules.
    static void addDevice(FollowMeSettings &settings, const Device &device);
    // The settings as they would be with `profileId` active, for showing a profile that is not:
    // the devices' rules are the profile's (locked devices keep theirs). The settings themselves
    // for the active profile, Do not disturb or one that doesn't exist.
    static FollowMeSettings viewOf(const FollowMeSettings &settings, const QString &profileId);
    // The rules of `deviceId` that the profile holds: for the active one, the device's own.
    static std::optional<RingProfile::DeviceRules>
    rulesIn(const FollowMeSettings &settings, const QString &profileId, const QString &deviceId);
};
