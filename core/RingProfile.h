#pragma once

#include "CallKind.h"
#include "RingRule.h"

#include <QHash>
#include <QString>

#include <array>

// One named ring plan of a user ("Office", "Home office", "Away"): every device's rule for each
// call kind. The active profile's rules are the devices' own (Device::rules), so everything that
// reads or edits the plan keeps working on it; a profile that is not active keeps its rules here.
// Locked devices are not held: they have the administrator's values in every profile.
struct RingProfile
{
    using DeviceRules = std::array<RingRule, CallKinds::count>;

    // The profile a document without profiles has: its one plan. Its name may be empty, which a
    // client shows as "Standard" in its user's language.
    static inline const QString standardId = QStringLiteral("standard");
    // The built-in Do not disturb: not in any list, rings none of the user's own devices.
    static inline const QString doNotDisturbId = QStringLiteral("dnd");

    QString id; // unique among the user's profiles; the characters of a device id
    QString name;
    QHash<QString, DeviceRules> rules; // by device id; empty for the active profile

    friend bool operator==(const RingProfile &a, const RingProfile &b)
    {
        return a.id == b.id && a.name == b.name && a.rules == b.rules;
    }
    friend bool operator!=(const RingProfile &a, const RingProfile &b) { return !(a == b); }
};
