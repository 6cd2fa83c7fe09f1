// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"

#include <QString>

#include <optional>

class AuditLog;
class SettingsRepository;

// What every user edit writes once its rows are written, in the same transaction: the user's
// revision raised by one, the request id remembered (docs/protocol.md 4.4) and the audit record.
class ChangeRecorder
{
public:
    ChangeRecorder(const SettingsRepository &repository, const AuditLog &audit);

    // The new revision (also set on `entry`); nothing when a write failed, and then the
    // transaction must not commit.
    std::optional<qint64> record(const QString &userId, const QString &requestId,
                                 AuditEntry &entry) const;

private:
    const SettingsRepository &m_repository;
    const AuditLog &m_audit;
};
