#include "ProfileSwitch.h"

void ProfileSwitch::materialize(FollowMeSettings &settings)
{
    if (!settings.profiles.isEmpty())
        return;
    settings.profiles.append(RingProfile {RingProfile::standardId, {}, {}});
    settings.active.profileId = RingProfile::standardId;
}

bool ProfileSwitch::activate(FollowMeSettings &settings, const QString &profileId,
                             ActiveProfile::By by, const QDateTime &at)
{
    const QString current = settings.activeProfileId();
    if (profileId == current)
        return false;
    const bool toDoNotDisturb = profileId == RingProfile::doNotDisturbId;
    if (!toDoNotDisturb && !settings.profile(profileId))
        return false;
    materialize(settings);

    // The rules in force go back to the profile they belong to (Do not disturb keeps none).
    const int previousIndex = settings.profileIndex(current);
    if (current != RingProfile::doNotDisturbId && previousIndex >= 0) {
        RingProfile &previous = settings.profiles[previousIndex];
        previous.rules.clear();
        for (const Device &device : std::as_const(settings.devices)) {
            if (!device.isLocked())
                previous.rules.insert(device.id, device.rules);
        }
    }
    if (toDoNotDisturb) {
        for (Device &device : settings.devices) {
            if (device.isLocked())
                continue;
            for (RingRule &rule : device.rules)
                rule.enabled = false;
        }
    } else {
        RingProfile &next = settings.profiles[settings.profileIndex(profileId)];
        for (Device &device : settings.devices) {
            if (!device.isLocked())
                device.rules = next.rules.value(device.id, device.rules);
        }
        next.rules.clear();
    }
    settings.active.profileId = profileId;
    settings.active.by = by;
    settings.active.since = at.toUTC();
    return true;
}

RingProfile ProfileSwitch::copyOfActive(const FollowMeSettings &settings, const QString &id,
                                        const QString &name)
{
    RingProfile profile {id, name, {}};
    for (const Device &device : settings.devices) {
        if (!device.isLocked())
            profile.rules.insert(device.id, device.rules);
    }
    return profile;
}

void ProfileSwitch::addDevice(FollowMeSettings &settings, const Device &device)
{
    if (device.isLocked())
        return;
    const QString active = settings.activeProfileId();
    for (RingProfile &profile : settings.profiles) {
        if (profile.id != active)
            profile.rules.insert(device.id, device.rules);
    }
}

std::optional<RingProfile::DeviceRules> ProfileSwitch::rulesIn(const FollowMeSettings &settings,
                                                               const QString &profileId,
                                                               const QString &deviceId)
{
    const Device *device = settings.device(deviceId);
    if (!device)
        return std::nullopt;
    if (profileId == settings.activeProfileId() || device->isLocked())
        return device->rules;
    const RingProfile *profile = settings.profile(profileId);
    if (!profile)
        return std::nullopt;
    return profile->rules.value(deviceId, device->rules);
}

FollowMeSettings ProfileSwitch::viewOf(const FollowMeSettings &settings, const QString &profileId)
{
    FollowMeSettings view = settings;
    if (profileId.isEmpty() || profileId == settings.activeProfileId()
        || !settings.profile(profileId))
        return view;
    for (Device &device : view.devices) {
        if (const auto rules = rulesIn(settings, profileId, device.id))
            device.rules = *rules;
    }
    return view;
}
