#pragma once

#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QStringList>

// What the administrator changed about the user's devices between two states from the server,
// as short translated sentences to tell the user: devices locked, unlocked, renamed, given
// another number or workspace, added and removed (and the controlled device with them), and the
// rules of devices the administrator manages. Rule changes of devices the user may edit are left
// out: they can be the user's own edit from another session.
class DeviceChanges
{
    Q_DECLARE_TR_FUNCTIONS(DeviceChanges)

public:
    // Devices match by id. The sentences follow the order of `after`'s devices, then the removed
    // devices in `before`'s order; nothing when no such change happened.
    static QStringList describe(const FollowMeSettings &before, const FollowMeSettings &after);
};
