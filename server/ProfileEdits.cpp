// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileEdits.h"

#include "ChangeRecorder.h"
#include "ProfileCodec.h"
#include "ProfileEditing.h"
#include "ProfileSwitch.h"
#include "SettingsCodec.h"
#include "SettingsRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

QString actionOf(const ClientMessage &edit)
{
    // The message's type on the wire, which is also what the audit log names.
    return edit.toJson().value(u"type"_s).toString();
}

} // namespace

ProfileEdits::ProfileEdits(const SettingsRepository &repository, const ChangeRecorder &recorder,
                           Clock clock)
    : m_repository(repository)
    , m_recorder(recorder)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

ChangeOutcome ProfileEdits::apply(const QString &userId, const ClientMessage &edit,
                                  const AuditEntry::Actor &actor) const
{
    const auto current = m_repository.settings(userId);
    // Removed meanwhile (the clock's switch of a user an administrator just removed): nothing
    // to store, and no reason to fail the others' edits of this commit.
    if (!current.failed() && !current.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId),
                                      edit.requestId);
    if (!current.hasValue())
        return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
    // Another user's device is told apart from one that doesn't exist, as setRule does.
    if (edit.type == ClientMessage::Type::SetProfileRule && !current->device(edit.deviceId)) {
        const auto owned = m_repository.device(edit.deviceId);
        if (owned.failed())
            return ChangeOutcome::failure(ChangeRecorder::readFailed(edit.requestId));
        if (owned.hasValue())
            return ChangeOutcome::failure(Code::Forbidden,
                                          tr("the device \"%1\" is not yours").arg(edit.deviceId),
                                          edit.requestId);
    }
    const auto by = actor.kind == AuditEntry::ActorKind::User ? ActiveProfile::By::User
                                                              : ActiveProfile::By::Administrator;
    FollowMeSettings after = *current;
    if (auto problem = ProfileEditing::apply(after, edit, by, now())) {
        problem->requestId = edit.requestId;
        return ChangeOutcome::failure(*problem);
    }
    if (after == *current)
        return m_recorder.acknowledgeUnchanged(userId, edit.requestId);
    return store(userId, edit, actor, *current, after);
}

ChangeOutcome ProfileEdits::store(const QString &userId, const ClientMessage &edit,
                                  const AuditEntry::Actor &actor, const FollowMeSettings &before,
                                  const FollowMeSettings &after) const
{
    const ChangeOutcome notStored =
        ChangeOutcome::failure(ChangeRecorder::notStored(edit.requestId));
    if (!m_repository.writeProfileChanges(userId, before, after))
        return notStored;
    AuditEntry entry;
    entry.userId = userId;
    entry.by = actor;
    entry.action = actionOf(edit);
    if (edit.type == ClientMessage::Type::SetProfileRule) {
        entry.deviceId = edit.deviceId;
        entry.callKind = edit.callKind;
        const auto rule = [&](const FollowMeSettings &settings) {
            const auto rules = ProfileSwitch::rulesIn(settings, edit.profileId, edit.deviceId);
            return SettingsCodec::ruleToJson(rules->at(CallKinds::index(edit.callKind)));
        };
        entry.before = rule(before);
        entry.after = rule(after);
    } else {
        entry.before = auditSummary(before);
        entry.after = auditSummary(after);
    }
    const auto revision = m_recorder.record(userId, edit.requestId, entry);
    if (!revision)
        return notStored;
    ChangeOutcome outcome;
    outcome.revision = *revision;
    outcome.audit = entry;
    outcome.snapshotUsers.append(userId);
    return outcome;
}

QJsonObject ProfileEdits::auditSummary(const FollowMeSettings &settings)
{
    QJsonArray profiles;
    for (const RingProfile &profile : settings.profiles)
        profiles.append(QJsonObject {{u"id"_s, profile.id}, {u"name"_s, profile.name}});
    QJsonObject summary {{u"activeProfile"_s, settings.activeProfileId()},
                         {u"profiles"_s, profiles}};
    if (!settings.schedule.isEmpty())
        summary.insert(u"schedule"_s, ProfileCodec::scheduleToJson(settings.schedule));
    if (settings.scheduleLocked)
        summary.insert(u"scheduleLocked"_s, true);
    return summary;
}
