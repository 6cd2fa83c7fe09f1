// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"

#include <QDateTime>
#include <QString>

// An administrator's recorded change of alice's settings, as the server would send it.
inline AuditEntry adminChange(qint64 id, const QString &action, const QString &deviceId)
{
    AuditEntry entry;
    entry.id = id;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.userId = QStringLiteral("alice");
    entry.revision = id;
    entry.by = {AuditEntry::ActorKind::Admin, 3, QStringLiteral("192.0.2.7")};
    entry.action = action;
    entry.deviceId = deviceId;
    return entry;
}
