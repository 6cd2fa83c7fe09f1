#include "RingWarnings.h"

#include "RingPlan.h"

#include <algorithm>

namespace {

RingWarning warningFor(RingWarning::Kind kind, CallKind callKind, const Device *device = nullptr,
                       int from = 0, int to = 0)
{
    RingWarning warning;
    warning.kind = kind;
    warning.callKind = callKind;
    if (device) {
        warning.deviceId = device->id;
        warning.deviceName = device->name;
    }
    warning.from = from;
    warning.to = to;
    return warning;
}

// Stretches between windows where nothing rings. Walking the windows by start time, a window
// that starts after everything so far has stopped ends a gap; one that starts exactly then
// doesn't (windows are half-open, so ringing goes on without a break).
void addSilentGaps(const FollowMeSettings &settings, const RingPlan &plan,
                   QList<RingWarning> *warnings)
{
    QList<RingPlan::Entry> entries = plan.entries();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const RingPlan::Entry &a, const RingPlan::Entry &b) {
                         return a.window.start < b.window.start;
                     });
    int reach = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const RingPlan::Entry &entry = entries.at(i);
        if (i > 0 && entry.window.start > reach)
            warnings->append(warningFor(RingWarning::Kind::SilentGap, plan.callKind(),
                                        &settings.devices.at(entry.deviceIndex), reach,
                                        entry.window.start));
        reach = i == 0 ? entry.window.end : std::max(reach, entry.window.end);
    }
}

} // namespace

QList<RingWarning> RingWarnings::check(const FollowMeSettings &settings, CallKind kind)
{
    QList<RingWarning> warnings;
    const RingPlan plan(settings, kind);
    if (plan.isEmpty())
        warnings.append(warningFor(RingWarning::Kind::NoDeviceEnabled, kind));

    addSilentGaps(settings, plan, &warnings);

    for (const RingPlan::Entry &entry : plan.entries()) {
        const Device &device = settings.devices.at(entry.deviceIndex);
        if (device.kind == DeviceKind::ExternalNumber
            && entry.window.length() >= voicemailRiskSeconds)
            warnings.append(warningFor(RingWarning::Kind::VoicemailRisk, kind, &device,
                                       entry.window.start, entry.window.end));
    }

    for (const RingPlan::Entry &entry : plan.entries()) {
        bool hasOthers = false;
        int othersEnd = 0;
        for (const RingPlan::Entry &other : plan.entries()) {
            if (other.deviceIndex == entry.deviceIndex)
                continue;
            hasOthers = true;
            othersEnd = std::max(othersEnd, other.window.end);
        }
        if (hasOthers && entry.window.start >= othersEnd)
            warnings.append(warningFor(RingWarning::Kind::StartsAfterAllStopped, kind,
                                       &settings.devices.at(entry.deviceIndex), othersEnd,
                                       entry.window.start));
    }

    // Not about this call kind, but worth seeing wherever the user looks.
    const Device *controlled = settings.controlledDeviceId.isEmpty()
        ? nullptr
        : settings.device(settings.controlledDeviceId);
    if (controlled) {
        const bool ringsForSome = std::any_of(controlled->rules.cbegin(), controlled->rules.cend(),
                                              [](const RingRule &rule) { return rule.enabled; });
        if (!ringsForSome)
            warnings.append(
                warningFor(RingWarning::Kind::ControlledDeviceNeverRings, kind, controlled));
    }
    return warnings;
}
