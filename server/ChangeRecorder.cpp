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

ChangeOutcome ChangeRecorder::acknowledgeUnchanged(const QString &userId,
                                                   const QString &requestId) const
{
    const auto user = m_repository.user(userId);
    if (!user.hasValue())
        return ChangeOutcome::failure(readFailed(requestId));
    ChangeOutcome outcome;
    outcome.revision = user->revision;
    outcome.unchanged = true;
    return outcome;
}

ProtocolError ChangeRecorder::readFailed(const QString &requestId)
{
    return {Protocol::ErrorCode::Internal,
            tr("the server could not read your settings; try again later"), requestId};
}

ProtocolError ChangeRecorder::notStored(const QString &requestId)
{
    return {Protocol::ErrorCode::Internal,
            tr("the server could not store the change; try again later"), requestId};
}
