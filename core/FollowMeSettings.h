#pragma once

#include "Device.h"

#include <QList>
#include <QString>

// Everything the FollowMe page shows for one user: their devices with their ring rules, and the
// device the desktop client controls. A plain value; SettingsDocument makes it observable.
struct FollowMeSettings
{
    QList<Device> devices;
    QString controlledDeviceId; // empty: the client controls no device

    int indexOf(const QString &deviceId) const;
    const Device *device(const QString &deviceId) const;

    friend bool operator==(const FollowMeSettings &a, const FollowMeSettings &b)
    {
        return a.devices == b.devices && a.controlledDeviceId == b.controlledDeviceId;
    }
    friend bool operator!=(const FollowMeSettings &a, const FollowMeSettings &b)
    {
        return !(a == b);
    }
};
