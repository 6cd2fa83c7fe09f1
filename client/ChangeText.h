// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QString>

// A recorded change (AuditEntry) in the user's words, in the user's language: who made it, from
// where, and what it did ("Desk phone, External calls: delay from 0 s to 5 s."). Devices are
// named as the user knows them now, or as the record knew them when they are gone.
class ChangeText
{
    Q_DECLARE_TR_FUNCTIONS(ChangeText)

public:
    // "Your administrator" (in an admin session or on the server's machine), "You".
    static QString author(const AuditEntry &entry);
    // Where it was made: "From 192.0.2.7", "On the server itself".
    static QString origin(const AuditEntry &entry);
    // One sentence. `current`: the settings shown now, for device names.
    static QString describe(const AuditEntry &entry, const FollowMeSettings &current);
};
