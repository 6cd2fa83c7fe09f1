// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileEdits.h"

#include "ChangeRecorder.h"
#include "ProfileCodec.h"
#include "ProfileSwitch.h"
#include "ScheduleEvaluator.h"
#include "SettingsCodec.h"
#include "SettingsRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

ProtocolError refusal(Code code, const QString &message)
{
    return ProtocolError {code, message, {}};
}

QString actionOf(const ClientMessage &edit)
{
    // The message's type on the wire, which is also what the audit log names.
    return edit.toJson().value(u"type"_s).toString();
}

// What the audit log keeps of a profile edit: the active profile and the profiles' names.
QJsonObject summaryOf(const FollowMeSettings &settings)
{
    QJsonArray profiles;
    for (const RingProfile &profile : settings.profiles)
        profiles.append(QJsonObject {{u"id"_s, profile.id}, {u"name"_s, profile.name}});
    return QJsonObject {{u"activeProfile"_s, settings.activeProfileId()},
                        {u"profiles"_s, profiles}};
}

bool isKnown(const FollowMeSettings &settings, const QString &profileId)
{
    return profileId == RingProfile::doNotDisturbId || settings.profile(profileId)
        || (settings.profiles.isEmpty() && profileId == RingProfile::standardId);
}

} // namespace

ProfileEdits::ProfileEdits(const SettingsRepository &repository, const ChangeRecorder &recorder,
                           Clock clock)
    : m_repository(repository)
    , m_recorder(recorder)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

std::optional<QDateTime> ProfileEdits::nextWake(const FollowMeSettings &settings,
                                                const QDateTime &now)
{
    const ScheduleEvaluator evaluator(settings.schedule, settings.active.override);
    std::optional<QDateTime> wake;
    if (const auto next = evaluator.nextSwitch(now, settings.activeProfileId()))
        wake = next->at;
    // An ending override is written down even when the profile stays the same.
    if (const auto &override = settings.active.override; override && override->until.isValid())
        wake = wake ? std::min(*wake, override->until) : override->until;
    return wake;
}

FollowMeSettings ProfileEdits::followed(const FollowMeSettings &settings, const QDateTime &now)
{
    FollowMeSettings result = settings;
    const ScheduleEvaluator evaluator(settings.schedule, settings.active.override);
    const auto choice = evaluator.choiceAt(now);
    if (result.active.override && !result.active.override->holdsAt(now))
        result.active.override.reset();
    if (choice && choice->profileId != result.activeProfileId() && isKnown(result, choice->profileId))
        ProfileSwitch::activate(result, choice->profileId, choice->by, now);
    return result;
}

ChangeOutcome ProfileEdits::apply(const QString &userId, const ClientMessage &edit,
                                  const AuditEntry::Actor &actor) const
{
    const auto current = m_repository.settings(userId);
    if (!current.hasValue())
        return ChangeOutcome::failure(
            Code::Internal, tr("the server could not read your settings; try again later"),
            edit.requestId);
    FollowMeSettings after = *current;
    if (auto problem = change(after, userId, edit, actor)) {
        problem->requestId = edit.requestId;
        return ChangeOutcome::failure(*problem);
    }
    // Whatever changed, the schedule and the override have their say at once.
    after = followed(after, now());
    if (const auto problem = SettingsCodec::validate(after))
        return ChangeOutcome::failure(Code::Invalid, problem->message(), edit.requestId);
    if (after == *current)
        return unchanged(userId, edit.requestId);
    return store(userId, edit, actor, *current, after);
}

std::optional<ProtocolError> ProfileEdits::change(FollowMeSettings &settings,
                                                  const QString &userId,
                                                  const ClientMessage &edit,
                                                  const AuditEntry::Actor &actor) const
{
    switch (edit.type) {
    case ClientMessage::Type::SetActiveProfile:
        return setActive(settings, edit, actor);
    case ClientMessage::Type::AddProfile:
        if (edit.profileId == RingProfile::doNotDisturbId)
            return refusal(Code::Invalid, tr("\"dnd\" is the built-in Do not disturb"));
        if (isKnown(settings, edit.profileId))
            return refusal(Code::Invalid,
                           tr("a profile with the id \"%1\" exists already").arg(edit.profileId));
        ProfileSwitch::materialize(settings);
        if (settings.profiles.size() >= ProfileCodec::maxProfiles)
            return refusal(Code::Invalid,
                           tr("you have %1 profiles, the most there can be")
                               .arg(ProfileCodec::maxProfiles));
        settings.profiles.append(ProfileSwitch::copyOfActive(settings, edit.profileId, edit.name));
        return std::nullopt;
    case ClientMessage::Type::RenameProfile: {
        if (edit.profileId == RingProfile::doNotDisturbId)
            return refusal(Code::Invalid, tr("Do not disturb can't be renamed"));
        if (!isKnown(settings, edit.profileId))
            return refusal(Code::NotFound,
                           tr("no profile has the id \"%1\"").arg(edit.profileId));
        ProfileSwitch::materialize(settings);
        settings.profiles[settings.profileIndex(edit.profileId)].name = edit.name;
        return std::nullopt;
    }
    case ClientMessage::Type::RemoveProfile:
        return removeProfile(settings, edit);
    case ClientMessage::Type::SetProfileRule:
        return setProfileRule(settings, userId, edit);
    case ClientMessage::Type::SetSchedule:
        settings.schedule = edit.schedule;
        for (const QString &id : [&] {
                 QStringList ids {edit.schedule.otherwise};
                 for (const auto &range : edit.schedule.ranges)
                     ids.append(range.profileId);
                 for (const auto &exception : edit.schedule.exceptions)
                     ids.append(exception.profileId);
                 return ids;
             }()) {
            if (!id.isEmpty() && !isKnown(settings, id))
                return refusal(Code::Invalid,
                               tr("schedule: no profile has the id \"%1\"").arg(id));
        }
        return std::nullopt;
    case ClientMessage::Type::FollowSchedule:
        return std::nullopt; // followed() does it
    case ClientMessage::Type::Hello:
    case ClientMessage::Type::SetRule:
    case ClientMessage::Type::SetControlledDevice:
        break;
    }
    return refusal(Code::Unsupported, tr("not a profile edit"));
}

std::optional<ProtocolError> ProfileEdits::setActive(FollowMeSettings &settings,
                                                     const ClientMessage &edit,
                                                     const AuditEntry::Actor &actor) const
{
    const auto by = actor.kind == AuditEntry::ActorKind::User ? ActiveProfile::By::User
                                                              : ActiveProfile::By::Administrator;
    if (edit.profileId.isEmpty()) {
        if (settings.schedule.isEmpty())
            return refusal(Code::Invalid, tr("profile: there is no schedule to follow"));
        settings.active.override.reset();
        return std::nullopt;
    }
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    if (edit.until.isValid() && edit.until <= now())
        return refusal(Code::Invalid, tr("until: %1 has passed already")
                                          .arg(edit.until.toString(Qt::ISODate)));
    if (!edit.until.isValid() && settings.schedule.isEmpty()) {
        // Nothing to win over: the profile is simply the one chosen.
        settings.active.override.reset();
        ProfileSwitch::activate(settings, edit.profileId, by, now());
        return std::nullopt;
    }
    // followed() makes the switch.
    settings.active.override = ActiveProfile::Override {
        edit.profileId, edit.until, by,
        edit.until.isValid() ? settings.activeProfileId() : QString()};
    return std::nullopt;
}

std::optional<ProtocolError> ProfileEdits::setProfileRule(FollowMeSettings &settings,
                                                          const QString &userId,
                                                          const ClientMessage &edit) const
{
    if (edit.profileId == RingProfile::doNotDisturbId)
        return refusal(Code::Invalid, tr("Do not disturb has no rules of its own"));
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    const Device *device = settings.device(edit.deviceId);
    if (!device) {
        const auto owned = m_repository.device(edit.deviceId);
        if (owned.failed())
            return refusal(Code::Internal,
                           tr("the server could not read your settings; try again later"));
        if (owned.hasValue() && owned->userId != userId)
            return refusal(Code::Forbidden,
                           tr("the device \"%1\" is not yours").arg(edit.deviceId));
        return refusal(Code::NotFound, tr("no device has the id \"%1\"").arg(edit.deviceId));
    }
    if (device->isLocked())
        return refusal(Code::Locked,
                       tr("\"%1\" is managed by your administrator").arg(device->name));
    if (edit.profileId == settings.activeProfileId()) {
        Device &active = settings.devices[settings.indexOf(edit.deviceId)];
        active.rule(edit.callKind) = edit.change.appliedTo(active.rule(edit.callKind));
        return std::nullopt;
    }
    RingProfile::DeviceRules rules
        = *ProfileSwitch::rulesIn(settings, edit.profileId, edit.deviceId);
    RingRule &rule = rules.at(CallKinds::index(edit.callKind));
    rule = edit.change.appliedTo(rule);
    settings.profiles[settings.profileIndex(edit.profileId)].rules.insert(edit.deviceId, rules);
    return std::nullopt;
}

std::optional<ProtocolError> ProfileEdits::removeProfile(FollowMeSettings &settings,
                                                         const ClientMessage &edit) const
{
    if (edit.profileId == RingProfile::doNotDisturbId)
        return refusal(Code::Invalid, tr("Do not disturb is built in and can't be removed"));
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    if (edit.profileId == settings.activeProfileId())
        return refusal(Code::Invalid,
                       tr("the profile is active: switch to another one before removing it"));
    const WeekSchedule &schedule = settings.schedule;
    bool used = schedule.otherwise == edit.profileId;
    for (const auto &range : schedule.ranges)
        used = used || range.profileId == edit.profileId;
    for (const auto &exception : schedule.exceptions)
        used = used || exception.profileId == edit.profileId;
    if (const auto &override = settings.active.override)
        used = used || override->resumeProfileId == edit.profileId;
    if (used)
        return refusal(Code::Invalid,
                       tr("the schedule uses the profile: take it out of the schedule first"));
    settings.profiles.removeAt(settings.profileIndex(edit.profileId));
    return std::nullopt;
}

ChangeOutcome ProfileEdits::store(const QString &userId, const ClientMessage &edit,
                                  const AuditEntry::Actor &actor, const FollowMeSettings &before,
                                  const FollowMeSettings &after) const
{
    const ChangeOutcome notStored = ChangeOutcome::failure(
        Code::Internal, tr("the server could not store the change; try again later"),
        edit.requestId);
    for (const Device &device : after.devices) {
        const Device *previous = before.device(device.id);
        for (CallKind kind : CallKinds::all()) {
            if (previous && previous->rule(kind) != device.rule(kind)
                && !m_repository.writeRule(device.id, kind, device.rule(kind)))
                return notStored;
        }
    }
    if (!m_repository.writeProfiles(userId, after))
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
        entry.before = summaryOf(before);
        entry.after = summaryOf(after);
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

ChangeOutcome ProfileEdits::unchanged(const QString &userId, const QString &requestId) const
{
    const auto user = m_repository.user(userId);
    if (!user.hasValue())
        return ChangeOutcome::failure(
            Code::Internal, tr("the server could not read your settings; try again later"),
            requestId);
    ChangeOutcome outcome;
    outcome.revision = user->revision;
    outcome.unchanged = true;
    return outcome;
}
