// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "ChangeOutcome.h"
#include "ProtocolError.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class AuditLog;
class SettingsRepository;

// What every user edit ends with, rule or profile: once its rows are written, in the same
// transaction, the user's revision raised by one, the request id remembered (docs/protocol.md
// 4.4) and the audit record; for an edit that changed nothing, the current revision; and the two
// refusals of a storage that failed.
class ChangeRecorder
{
    Q_DECLARE_TR_FUNCTIONS(ChangeRecorder)

public:
    ChangeRecorder(const SettingsRepository &repository, const AuditLog &audit);

    // The new revision (also set on `entry`); nothing when a write failed, and then the
    // transaction must not commit.
    std::optional<qint64> record(const QString &userId, const QString &requestId,
                                 AuditEntry &entry) const;
    // The ack of an edit that changed nothing: the user's current revision, nothing written.
    ChangeOutcome acknowledgeUnchanged(const QString &userId, const QString &requestId) const;

    // internal: a read failed, so the edit was neither checked nor applied.
    static ProtocolError readFailed(const QString &requestId);
    // internal: the change could not be written or committed.
    static ProtocolError notStored(const QString &requestId);

private:
    const SettingsRepository &m_repository;
    const AuditLog &m_audit;
};
