#include "FollowMeSettings.h"

int FollowMeSettings::indexOf(const QString &deviceId) const
{
    for (int i = 0; i < devices.size(); ++i) {
        if (devices.at(i).id == deviceId)
            return i;
    }
    return -1;
}

const Device *FollowMeSettings::device(const QString &deviceId) const
{
    const int i = indexOf(deviceId);
    return i < 0 ? nullptr : &devices.at(i);
}

QString FollowMeSettings::activeProfileId() const
{
    return active.profileId.isEmpty() ? RingProfile::standardId : active.profileId;
}

QStringList FollowMeSettings::profileIds() const
{
    if (profiles.isEmpty())
        return {RingProfile::standardId};
    QStringList ids;
    for (const RingProfile &profile : profiles)
        ids.append(profile.id);
    return ids;
}

int FollowMeSettings::profileIndex(const QString &profileId) const
{
    for (int i = 0; i < profiles.size(); ++i) {
        if (profiles.at(i).id == profileId)
            return i;
    }
    return -1;
}

const RingProfile *FollowMeSettings::profile(const QString &profileId) const
{
    const int i = profileIndex(profileId);
    return i < 0 ? nullptr : &profiles.at(i);
}
