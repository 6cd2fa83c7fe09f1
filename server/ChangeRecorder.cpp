// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeRecorder.h"

#include "AuditLog.h"
#include "SettingsRepository.h"

ChangeRecorder::ChangeRecorder(const SettingsRepository &repository, const AuditLog &audit)
    : m_repository(repository)
    , m_audit(audit)
{ }

std::optional<qint64> ChangeRecorder::record(const QString &userId, const QString &requestId,
                                             AuditEntry &entry) const
{
    const auto revision = m_repository.bumpRevision(userId);
    if (!revision || !m_repository.recordRequest(userId, requestId, *revision))
        return std::nullopt;
    entry.revision = *revision;
    if (!m_audit.record(entry))
        return std::nullopt;
    return revision;
}
