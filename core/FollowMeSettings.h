#pragma once

#include "ActiveProfile.h"
#include "CallKind.h"
#include "Device.h"
#include "RingProfile.h"
#include "UnansweredCall.h"
#include "WeekSchedule.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

// Everything the FollowMe page shows for one user: their devices with their ring rules, the
// device the desktop client controls, and (where the phone system says) what happens to an
// unanswered call. A plain value; SettingsDocument makes it observable.
struct FollowMeSettings
{
    QList<Device> devices;
    QString controlledDeviceId; // empty: the client controls no device
    // Per call kind (CallKinds::index); empty: not known, the document doesn't say.
    std::array<std::optional<UnansweredCall>, CallKinds::count> unanswered {};
    // The user's named ring plans (RingProfile); empty: the document has just its one plan, the
    // implicit RingProfile::standardId. The devices' rules are always the active profile's.
    QList<RingProfile> profiles;
    ActiveProfile active;
    WeekSchedule schedule;
    // Set by the administrator: the user may neither change the schedule nor choose a profile
    // over it (they still name profiles and shape their rules).
    bool scheduleLocked = false;

    // The active profile's id: RingProfile::standardId when the document has no profiles.
    QString activeProfileId() const;
    bool doNotDisturb() const { return active.profileId == RingProfile::doNotDisturbId; }
    // The ids of the profiles, in order: the implicit standard one when the document has none.
    // Do not disturb is none of them.
    QStringList profileIds() const;
    // -1: no such profile (Do not disturb is none).
    int profileIndex(const QString &profileId) const;
    const RingProfile *profile(const QString &profileId) const;

    int indexOf(const QString &deviceId) const;
    const Device *device(const QString &deviceId) const;

    const std::optional<UnansweredCall> &unansweredCall(CallKind kind) const
    {
        return unanswered.at(CallKinds::index(kind));
    }
    std::optional<UnansweredCall> &unansweredCall(CallKind kind)
    {
        return unanswered.at(CallKinds::index(kind));
    }

    friend bool operator==(const FollowMeSettings &a, const FollowMeSettings &b)
    {
        return a.devices == b.devices && a.controlledDeviceId == b.controlledDeviceId
            && a.unanswered == b.unanswered && a.profiles == b.profiles && a.active == b.active
            && a.schedule == b.schedule && a.scheduleLocked == b.scheduleLocked;
    }
    friend bool operator!=(const FollowMeSettings &a, const FollowMeSettings &b)
    {
        return !(a == b);
    }
};
