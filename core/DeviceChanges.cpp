#include "DeviceChanges.h"

namespace {

// "External calls from 0 s to 20 s, Teams calls from 5 s to 25 s": a list, not a sentence, so
// its items and separator are translated on their own.
QString ringingList(const Device &device)
{
    QStringList items;
    for (CallKind kind : CallKinds::all()) {
        const RingRule &rule = device.rule(kind);
        if (!rule.enabled)
            continue;
        items.append(
            DeviceChanges::tr("%1 from %2 s to %3 s", "calls of a kind and when a device rings")
                .arg(CallKinds::callsTitle(kind), QString::number(rule.window().start),
                     QString::number(rule.window().end)));
    }
    return items.join(DeviceChanges::tr(", ", "between the call kinds a new device rings for"));
}

QString added(const Device &device)
{
    QList<RingWindow> windows;
    for (CallKind kind : CallKinds::all()) {
        if (device.rule(kind).enabled)
            windows.append(device.rule(kind).window());
    }
    if (windows.isEmpty())
        return DeviceChanges::tr("New device %1 is off: it rings for no calls.").arg(device.name);
    if (windows.size() == CallKinds::count && windows.count(windows.constFirst()) == windows.size())
        return DeviceChanges::tr("New device %1 rings from %2 s to %3 s.")
            .arg(device.name, QString::number(windows.constFirst().start),
                 QString::number(windows.constFirst().end));
    return DeviceChanges::tr("New device %1 rings for %2.").arg(device.name, ringingList(device));
}

QString removed(const Device &device, const FollowMeSettings &before, const FollowMeSettings &after)
{
    if (before.controlledDeviceId != device.id)
        return DeviceChanges::tr("%1 was removed by your administrator.").arg(device.name);
    if (const Device *controlled = after.device(after.controlledDeviceId))
        return DeviceChanges::tr("%1 was removed by your administrator, so Client controls is "
                                 "now %2.")
            .arg(device.name, controlled->name);
    return DeviceChanges::tr("%1 was removed by your administrator, so Client controls is now "
                             "No device.")
        .arg(device.name);
}

// The device's own fields; `was` and `now` are the same device (by id).
void changed(const Device &was, const Device &now, QStringList *out)
{
    // The new name from here on: it is the one the user sees now.
    if (was.name != now.name)
        out->append(DeviceChanges::tr("%1 is now called %2.").arg(was.name, now.name));
    if (was.number != now.number)
        out->append(DeviceChanges::tr("%1 now has the number %2.").arg(now.name, now.number));
    if (was.workspace != now.workspace) {
        out->append(now.viaWorkspace()
                        ? DeviceChanges::tr("%1 now comes to you through the workspace %2.")
                              .arg(now.name, now.workspace)
                        : DeviceChanges::tr("%1 is now assigned to you directly, not through a "
                                            "workspace.")
                              .arg(now.name));
    }
    if (!was.isLocked() && now.isLocked())
        out->append(DeviceChanges::tr("%1 is now managed by your administrator.").arg(now.name));
    if (was.isLocked() && !now.isLocked())
        out->append(DeviceChanges::tr("You can change %1 again.").arg(now.name));
    // Locked all along: nobody but the administrator could have changed its rules.
    if (!was.isLocked() || !now.isLocked())
        return;
    for (CallKind kind : CallKinds::all()) {
        const RingRule &before = was.rule(kind);
        const RingRule &after = now.rule(kind);
        if (after.enabled && (!before.enabled || before.window() != after.window()))
            out->append(DeviceChanges::tr("%1 now rings for %2 from %3 s to %4 s.")
                            .arg(now.name, CallKinds::callsTitle(kind),
                                 QString::number(after.window().start),
                                 QString::number(after.window().end)));
        else if (before.enabled && !after.enabled)
            out->append(DeviceChanges::tr("%1 no longer rings for %2.")
                            .arg(now.name, CallKinds::callsTitle(kind)));
    }
}

} // namespace

QStringList DeviceChanges::describe(const FollowMeSettings &before, const FollowMeSettings &after)
{
    QStringList sentences;
    for (const Device &now : after.devices) {
        if (const Device *was = before.device(now.id))
            changed(*was, now, &sentences);
        else
            sentences.append(added(now));
    }
    for (const Device &was : before.devices) {
        if (!after.device(was.id))
            sentences.append(removed(was, before, after));
    }
    return sentences;
}
