#include "RingPlan.h"

#include <algorithm>

RingPlan::RingPlan(const FollowMeSettings &settings, CallKind kind)
    : m_kind(kind)
{
    for (int i = 0; i < settings.devices.size(); ++i) {
        const Device &device = settings.devices.at(i);
        const RingRule &rule = device.rule(kind);
        if (rule.enabled)
            m_entries.append({i, device.id, rule.window()});
    }
}

int RingPlan::lastRingEnd() const
{
    int end = 0;
    for (const Entry &entry : m_entries)
        end = std::max(end, entry.window.end);
    return end;
}

QList<int> RingPlan::ringingAt(int second) const
{
    QList<int> ringing;
    for (const Entry &entry : m_entries) {
        if (entry.window.contains(second))
            ringing.append(entry.deviceIndex);
    }
    return ringing;
}
