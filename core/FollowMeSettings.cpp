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
