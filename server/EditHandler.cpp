#include "EditHandler.h"

#include "AuditLog.h"
#include "ServerLog.h"
#include "SettingsCodec.h"
#include "SettingsRepository.h"

using namespace Qt::StringLiterals;

namespace {
using Code = Protocol::ErrorCode;
}

EditHandler::EditHandler(const SettingsRepository &repository, const AuditLog &audit,
                         ProfileEdits::Clock clock)
    : m_repository(repository)
    , m_recorder(repository, audit)
    , m_profiles(repository, m_recorder, std::move(clock))
{ }

ChangeOutcome EditHandler::apply(const QString &userId, const ClientMessage &edit,
                                 const AuditEntry::Actor &actor) const
{
    if (const auto unchanged = m_unchanged.revision(userId, edit.requestId)) {
        ChangeOutcome outcome;
        outcome.revision = *unchanged;
        return outcome;
    }
    const auto applied = m_repository.appliedRevision(userId, edit.requestId);
    // Unknown whether it was applied: applying it again could apply it twice.
    if (applied.failed())
        return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
    if (applied.hasValue()) {
        ChangeOutcome outcome;
        outcome.revision = *applied;
        return outcome;
    }
    if (edit.isProfileEdit())
        return m_profiles.apply(userId, edit, actor);
    switch (edit.type) {
    case ClientMessage::Type::SetRule:
        return setRule(userId, edit, actor);
    case ClientMessage::Type::SetControlledDevice:
        return setControlledDevice(userId, edit, actor);
    default:
        break;
    }
    return ChangeOutcome::failure(Code::Unsupported, tr("hello: the session has already started"),
                                  edit.requestId);
}

ChangeOutcome EditHandler::setRule(const QString &userId, const ClientMessage &edit,
                                   const AuditEntry::Actor &actor) const
{
    const auto owned = m_repository.device(edit.deviceId);
    if (owned.failed())
        return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
    if (!owned.hasValue())
        return ChangeOutcome::failure(
            Code::NotFound, tr("no device has the id \"%1\"").arg(edit.deviceId), edit.requestId);
    if (owned->userId != userId)
        return ChangeOutcome::failure(Code::Forbidden,
                                      tr("the device \"%1\" is not yours").arg(edit.deviceId),
                                      edit.requestId);
    if (owned->device.isLocked())
        return ChangeOutcome::failure(
            Code::Locked, tr("\"%1\" is managed by your administrator").arg(owned->device.name),
            edit.requestId);
    const RingRule before = owned->device.rule(edit.callKind);
    const RingRule after = edit.change.appliedTo(before);
    // Do not disturb rings nothing of the user's own: its rules are no plan to edit.
    const auto doNotDisturb = m_repository.doNotDisturb(userId);
    if (doNotDisturb.failed())
        return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
    if (*doNotDisturb)
        return ChangeOutcome::failure(
            Code::Invalid,
            tr("Do not disturb is on: turn it off, or change the rules of a profile"),
            edit.requestId);
    if (after == before)
        return m_recorder.acknowledgeUnchanged(userId, edit.requestId);

    if (!m_repository.writeRule(edit.deviceId, edit.callKind, after))
        return ChangeOutcome::failure(ChangeRecorder::notStored(edit.requestId));
    AuditEntry entry;
    entry.userId = userId;
    entry.by = actor;
    entry.action = u"setRule"_s;
    entry.deviceId = edit.deviceId;
    entry.callKind = edit.callKind;
    entry.before = SettingsCodec::ruleToJson(before);
    entry.after = SettingsCodec::ruleToJson(after);
    const auto revision = m_recorder.record(userId, edit.requestId, entry);
    if (!revision)
        return ChangeOutcome::failure(ChangeRecorder::notStored(edit.requestId));
    ChangeOutcome outcome;
    outcome.revision = *revision;
    outcome.audit = entry;
    outcome.pushes.append(
        {userId, ServerMessage::ruleChanged(*revision, edit.deviceId, edit.callKind, after)});
    return outcome;
}

ChangeOutcome EditHandler::setControlledDevice(const QString &userId, const ClientMessage &edit,
                                               const AuditEntry::Actor &actor) const
{
    if (!edit.deviceId.isEmpty()) {
        const auto owned = m_repository.device(edit.deviceId);
        if (owned.failed())
            return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
        if (!owned.hasValue())
            return ChangeOutcome::failure(Code::NotFound,
                                          tr("no device has the id \"%1\"").arg(edit.deviceId),
                                          edit.requestId);
        if (owned->userId != userId)
            return ChangeOutcome::failure(Code::Forbidden,
                                          tr("the device \"%1\" is not yours").arg(edit.deviceId),
                                          edit.requestId);
        if (!DeviceKinds::isControllable(owned->device.kind))
            return ChangeOutcome::failure(
                Code::Invalid,
                tr("\"%1\" is an external number, which the client cannot control")
                    .arg(owned->device.name),
                edit.requestId);
    }
    const auto current = m_repository.settings(userId);
    if (!current.hasValue())
        return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
    if (current->controlledDeviceId == edit.deviceId)
        return m_recorder.acknowledgeUnchanged(userId, edit.requestId);

    if (!m_repository.writeControlledDevice(userId, edit.deviceId))
        return ChangeOutcome::failure(ChangeRecorder::notStored(edit.requestId));
    auto deviceOrNull = [](const QString &id) {
        return id.isEmpty() ? QJsonValue() : QJsonValue(id);
    };
    AuditEntry entry;
    entry.userId = userId;
    entry.by = actor;
    entry.action = u"setControlledDevice"_s;
    entry.before = deviceOrNull(current->controlledDeviceId);
    entry.after = deviceOrNull(edit.deviceId);
    const auto revision = m_recorder.record(userId, edit.requestId, entry);
    if (!revision)
        return ChangeOutcome::failure(ChangeRecorder::notStored(edit.requestId));
    ChangeOutcome outcome;
    outcome.revision = *revision;
    outcome.audit = entry;
    outcome.pushes.append(
        {userId, ServerMessage::controlledDeviceChanged(*revision, edit.deviceId)});
    return outcome;
}

void EditHandler::rememberUnchanged(const QString &userId, const QString &requestId,
                                    qint64 revision)
{
    m_unchanged.remember(userId, requestId, revision);
}
