#pragma once

#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

// Profiles in the user's words and language: a profile's name as shown, and what is active,
// why and until when ("Office — until 17:00, then Home office").
class ProfileText
{
    Q_DECLARE_TR_FUNCTIONS(ProfileText)

public:
    // The name shown for a profile: its own, "Standard" for the implicit one without a name,
    // "Do not disturb" for the built-in one; the id of one that doesn't exist.
    static QString name(const FollowMeSettings &settings, const QString &profileId);
    // The active profile and the next switch, as of `now`, with times in shownZone().
    static QString current(const FollowMeSettings &settings, const QDateTime &now);
    // The zone times are shown in: the schedule's; without one (or one unknown here), the
    // machine's.
    static QTimeZone shownZone(const FollowMeSettings &settings);
    // Who chose the active profile, e.g. "Chosen by your schedule".
    static QString chosenBy(const FollowMeSettings &settings);
    // What a caller meets under Do not disturb: which devices still ring (the administrator's).
    static QString doNotDisturbEffect(const FollowMeSettings &settings);
};
