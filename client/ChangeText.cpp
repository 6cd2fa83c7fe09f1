// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeText.h"

#include "ProfileText.h"
#include "SettingsCodec.h"

#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString deviceName(const AuditEntry &entry, const FollowMeSettings &current)
{
    if (const Device *device = current.device(entry.deviceId))
        return device->name;
    // A removed device, or one renamed since: the record's own name for it.
    for (const QJsonValue &side : {entry.before, entry.after}) {
        const QString name = side.toObject().value(u"name"_s).toString();
        if (!name.isEmpty())
            return name;
    }
    if (entry.action == u"device.rename" && entry.after.isString())
        return entry.after.toString();
    return entry.deviceId;
}

// "5 s", kept on one line when the sentence wraps.
QString seconds(int value)
{
    return ChangeText::tr("%1 s", "seconds").arg(value).replace(u' ', QChar::Nbsp);
}

QString ruleChange(const AuditEntry &entry, const QString &device)
{
    const auto before = SettingsCodec::ruleFromJson(entry.before, u"before"_s, nullptr);
    const auto after = SettingsCodec::ruleFromJson(entry.after, u"after"_s, nullptr);
    const QString calls = entry.callKind ? CallKinds::callsTitle(*entry.callKind)
                                         : ChangeText::tr("calls", "a rule of no known call kind");
    if (!before || !after)
        return ChangeText::tr("%1, %2: changed.").arg(device, calls);
    QStringList parts;
    if (before->enabled != after->enabled)
        parts.append(after->enabled ? ChangeText::tr("turned on") : ChangeText::tr("turned off"));
    if (before->delay != after->delay)
        parts.append(ChangeText::tr("delay from %1 to %2")
                         .arg(seconds(before->delay), seconds(after->delay)));
    if (before->timeout != after->timeout)
        parts.append(ChangeText::tr("timeout from %1 to %2")
                         .arg(seconds(before->timeout), seconds(after->timeout)));
    if (parts.isEmpty())
        return ChangeText::tr("%1, %2: changed.").arg(device, calls);
    return ChangeText::tr("%1, %2: %3.", "device, calls of a kind, what changed")
        .arg(device, calls, parts.join(ChangeText::tr(", ", "between the parts of a rule change")));
}

} // namespace

QString ChangeText::author(const AuditEntry &entry)
{
    switch (entry.by.kind) {
    case AuditEntry::ActorKind::User:
        return tr("You");
    case AuditEntry::ActorKind::Admin:
        return tr("Your administrator");
    case AuditEntry::ActorKind::Local:
        return tr("Your administrator");
    case AuditEntry::ActorKind::Schedule:
        return tr("Your schedule");
    }
    Q_UNREACHABLE();
}

QString ChangeText::origin(const AuditEntry &entry)
{
    if (entry.by.kind == AuditEntry::ActorKind::Local
        || entry.by.kind == AuditEntry::ActorKind::Schedule || entry.by.from.isEmpty())
        return tr("On the server itself");
    return tr("From %1", "the address a change came from").arg(entry.by.from);
}

QString ChangeText::describe(const AuditEntry &entry, const FollowMeSettings &current)
{
    const QString &action = entry.action;
    const QString device = deviceName(entry, current);
    if (action == u"setRule" || action == u"device.setRule")
        return ruleChange(entry, device);
    if (action == u"device.add")
        return tr("Added %1.").arg(device);
    if (action == u"device.remove")
        return tr("Removed %1.").arg(device);
    if (action == u"device.rename")
        return tr("Renamed %1 to %2.").arg(entry.before.toString(), entry.after.toString());
    if (action == u"device.lock")
        return tr("Locked %1: only your administrator can change it now.").arg(device);
    if (action == u"device.unlock")
        return tr("Unlocked %1: you can change it again.").arg(device);
    if (action == u"device.setNumber")
        return entry.after.isString()
            ? tr("Set the number of %1 to %2.").arg(device, entry.after.toString())
            : tr("Removed the number of %1.").arg(device);
    if (action == u"device.setWorkspace")
        return entry.after.isString()
            ? tr("Put %1 in the workspace %2.").arg(device, entry.after.toString())
            : tr("Assigned %1 to you directly, not through a workspace.").arg(device);
    if (action == u"setControlledDevice") {
        if (!entry.after.isString())
            return tr("Set Client controls to no device.");
        AuditEntry chosen = entry;
        chosen.deviceId = entry.after.toString();
        return tr("Set Client controls to %1.").arg(deviceName(chosen, current));
    }
    if (action == u"user.setUnanswered")
        return tr("Changed what happens to unanswered calls.");
    if (action == u"user.add")
        return tr("Created your account.");
    if (action == u"token.issue")
        return tr("Issued a new token for you.");
    if (action == u"token.revoke")
        return tr("Revoked one of your tokens.");
    // Profiles: the audit record keeps the active profile before and after.
    const QString activeAfter = entry.after[u"activeProfile"_s].toString();
    const QString activeBefore = entry.before[u"activeProfile"_s].toString();
    if (action == u"followSchedule")
        return activeAfter == activeBefore
            ? tr("Your schedule took over %1.").arg(ProfileText::name(current, activeAfter))
            : tr("Switched to %1.").arg(ProfileText::name(current, activeAfter));
    if (action == u"profile.activate")
        return tr("Chose the profile %1.").arg(ProfileText::name(current, activeAfter));
    if (action == u"schedule.set")
        return tr("Changed your schedule.");
    if (action == u"schedule.lock")
        return tr("Locked your schedule: you can't change it or choose a profile over it.");
    if (action == u"schedule.unlock")
        return tr("Unlocked your schedule.");
    // A newer server's command: said as what it is.
    return tr("Changed your settings (%1).").arg(action);
}
