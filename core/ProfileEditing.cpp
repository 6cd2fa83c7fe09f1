#include "ProfileEditing.h"

#include "ProfileCodec.h"
#include "ProfileSwitch.h"
#include "ScheduleEvaluator.h"
#include "SettingsCodec.h"

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

ProtocolError refusal(Code code, const QString &message)
{
    return ProtocolError {code, message, {}};
}

} // namespace

bool ProfileEditing::isKnown(const FollowMeSettings &settings, const QString &profileId)
{
    return profileId == RingProfile::doNotDisturbId || settings.profile(profileId)
        || (settings.profiles.isEmpty() && profileId == RingProfile::standardId);
}

std::optional<ProtocolError> ProfileEditing::apply(FollowMeSettings &settings,
                                                   const ClientMessage &edit, ActiveProfile::By by,
                                                   const QDateTime &now)
{
    const bool overSchedule = edit.type == ClientMessage::Type::SetSchedule
        || edit.type == ClientMessage::Type::SetActiveProfile;
    if (settings.scheduleLocked && by == ActiveProfile::By::User && overSchedule)
        return refusal(Code::Locked, tr("your administrator manages your schedule"));
    FollowMeSettings after = settings;
    if (auto problem = change(after, edit, by, now))
        return problem;
    // Whatever changed, the schedule and the override have their say at once.
    after = followed(after, now);
    if (const auto problem = SettingsCodec::validate(after))
        return refusal(Code::Invalid, problem->message());
    settings = after;
    return std::nullopt;
}

std::optional<QDateTime> ProfileEditing::nextWake(const FollowMeSettings &settings,
                                                  const QDateTime &now)
{
    // Behind already (a switch fell due while nobody kept the clock): due now.
    if (followed(settings, now) != settings)
        return now;
    const ScheduleEvaluator evaluator(settings.schedule, settings.active.override);
    std::optional<QDateTime> wake;
    if (const auto next = evaluator.nextSwitch(now, settings.activeProfileId()))
        wake = next->at;
    // An ending override is written down even when the profile stays the same.
    if (const auto &override = settings.active.override; override && override->until.isValid())
        wake = wake ? std::min(*wake, override->until) : override->until;
    return wake;
}

FollowMeSettings ProfileEditing::followed(const FollowMeSettings &settings, const QDateTime &now)
{
    FollowMeSettings result = settings;
    const ScheduleEvaluator evaluator(settings.schedule, settings.active.override);
    const auto choice = evaluator.choiceAt(now);
    if (result.active.override && !result.active.override->holdsAt(now))
        result.active.override.reset();
    if (choice && choice->profileId != result.activeProfileId()
        && isKnown(result, choice->profileId))
        ProfileSwitch::activate(result, choice->profileId, choice->by, now);
    else if (choice && choice->profileId == result.activeProfileId() && !result.profiles.isEmpty())
        // The same profile, now kept by the schedule (or by hand). A document without profiles
        // has no activeProfile to say so in: changing it there would be lost on the way to the
        // file or the database, and the clock would find the switch due again and again.
        result.active.by = choice->by;
    return result;
}

std::optional<ProtocolError> ProfileEditing::change(FollowMeSettings &settings,
                                                    const ClientMessage &edit, ActiveProfile::By by,
                                                    const QDateTime &now)
{
    switch (edit.type) {
    case ClientMessage::Type::SetActiveProfile:
        return setActive(settings, edit, by, now);
    case ClientMessage::Type::AddProfile:
        if (edit.profileId == RingProfile::doNotDisturbId)
            return refusal(Code::Invalid, tr("\"dnd\" is the built-in Do not disturb"));
        if (isKnown(settings, edit.profileId))
            return refusal(Code::Invalid,
                           tr("a profile with the id \"%1\" exists already").arg(edit.profileId));
        ProfileSwitch::materialize(settings);
        if (settings.profiles.size() >= ProfileCodec::maxProfiles)
            return refusal(Code::Invalid,
                           tr("there are %1 profiles already, the most there can be")
                               .arg(ProfileCodec::maxProfiles));
        settings.profiles.append(ProfileSwitch::copyOfActive(settings, edit.profileId, edit.name));
        return std::nullopt;
    case ClientMessage::Type::RenameProfile:
        if (edit.profileId == RingProfile::doNotDisturbId)
            return refusal(Code::Invalid, tr("Do not disturb can't be renamed"));
        if (!isKnown(settings, edit.profileId))
            return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
        ProfileSwitch::materialize(settings);
        settings.profiles[settings.profileIndex(edit.profileId)].name = edit.name;
        return std::nullopt;
    case ClientMessage::Type::RemoveProfile:
        return removeProfile(settings, edit);
    case ClientMessage::Type::SetProfileRule:
        return setProfileRule(settings, edit);
    case ClientMessage::Type::SetSchedule:
        return setSchedule(settings, edit);
    case ClientMessage::Type::FollowSchedule:
        return std::nullopt; // followed() does it
    case ClientMessage::Type::Hello:
    case ClientMessage::Type::SetRule:
    case ClientMessage::Type::SetControlledDevice:
        break;
    }
    return refusal(Code::Unsupported, tr("not a profile edit"));
}

std::optional<ProtocolError> ProfileEditing::setSchedule(FollowMeSettings &settings,
                                                         const ClientMessage &edit)
{
    for (const QString &id : edit.schedule.profileIds()) {
        if (!id.isEmpty() && !isKnown(settings, id))
            return refusal(Code::Invalid, tr("schedule: no profile has the id \"%1\"").arg(id));
    }
    settings.schedule = edit.schedule;
    return std::nullopt;
}

std::optional<ProtocolError> ProfileEditing::setActive(FollowMeSettings &settings,
                                                       const ClientMessage &edit,
                                                       ActiveProfile::By by, const QDateTime &now)
{
    if (edit.profileId.isEmpty()) {
        if (settings.schedule.isEmpty())
            return refusal(Code::Invalid, tr("profile: there is no schedule to follow"));
        settings.active.override.reset();
        return std::nullopt;
    }
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    if (edit.until.isValid() && edit.until <= now)
        return refusal(Code::Invalid,
                       tr("until: %1 has passed already").arg(edit.until.toString(Qt::ISODate)));
    if (!edit.until.isValid() && settings.schedule.isEmpty()) {
        // Nothing to win over: the profile is simply the one chosen.
        settings.active.override.reset();
        ProfileSwitch::activate(settings, edit.profileId, by, now);
        return std::nullopt;
    }
    // followed() makes the switch.
    // A timed choice goes back to what was chosen before it; one made over another timed choice
    // still goes back to what was there before both.
    QString resume;
    if (edit.until.isValid()) {
        const auto &held = settings.active.override;
        const bool heldTimed = held && held->holdsAt(now) && held->until.isValid();
        resume = heldTimed ? held->resumeProfileId : settings.activeProfileId();
    }
    settings.active.override = ActiveProfile::Override {edit.profileId, edit.until, by, resume};
    return std::nullopt;
}

std::optional<ProtocolError> ProfileEditing::setProfileRule(FollowMeSettings &settings,
                                                            const ClientMessage &edit)
{
    if (edit.profileId == RingProfile::doNotDisturbId)
        return refusal(Code::Invalid, tr("Do not disturb has no rules of its own"));
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    const Device *device = settings.device(edit.deviceId);
    if (!device)
        return refusal(Code::NotFound, tr("no device has the id \"%1\"").arg(edit.deviceId));
    if (device->isLocked())
        return refusal(Code::Locked,
                       tr("\"%1\" is managed by your administrator").arg(device->name));
    if (edit.profileId == settings.activeProfileId()) {
        Device &active = settings.devices[settings.indexOf(edit.deviceId)];
        active.rule(edit.callKind) = edit.change.appliedTo(active.rule(edit.callKind));
        return std::nullopt;
    }
    RingProfile::DeviceRules rules =
        *ProfileSwitch::rulesIn(settings, edit.profileId, edit.deviceId);
    RingRule &rule = rules.at(CallKinds::index(edit.callKind));
    rule = edit.change.appliedTo(rule);
    settings.profiles[settings.profileIndex(edit.profileId)].rules.insert(edit.deviceId, rules);
    return std::nullopt;
}

std::optional<ProtocolError> ProfileEditing::removeProfile(FollowMeSettings &settings,
                                                           const ClientMessage &edit)
{
    if (edit.profileId == RingProfile::doNotDisturbId)
        return refusal(Code::Invalid, tr("Do not disturb is built in and can't be removed"));
    if (!isKnown(settings, edit.profileId))
        return refusal(Code::NotFound, tr("no profile has the id \"%1\"").arg(edit.profileId));
    if (edit.profileId == settings.activeProfileId())
        return refusal(Code::Invalid,
                       tr("the profile is active: switch to another one before removing it"));
    const auto &override = settings.active.override;
    if (settings.schedule.profileIds().contains(edit.profileId)
        || (override && override->resumeProfileId == edit.profileId))
        return refusal(Code::Invalid,
                       tr("the schedule uses the profile: take it out of the schedule first"));
    settings.profiles.removeAt(settings.profileIndex(edit.profileId));
    return std::nullopt;
}
