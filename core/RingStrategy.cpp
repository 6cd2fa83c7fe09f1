#include "RingStrategy.h"

#include "RingBounds.h"

#include <algorithm>

QList<std::pair<QString, RingRule>> RingStrategy::plan(const FollowMeSettings &settings,
                                                       CallKind kind, Kind strategy, int seconds)
{
    QList<const Device *> taking;
    for (const Device &device : settings.devices) {
        if (!device.isLocked() && device.rule(kind).enabled)
            taking.append(&device);
    }
    int longest = RingBounds::minTimeout;
    for (const Device *device : std::as_const(taking))
        longest = std::max(longest, device->rule(kind).timeout);
    const int each = std::clamp(seconds, RingBounds::minTimeout, RingBounds::maxTimeout);

    QList<std::pair<QString, RingRule>> changes;
    for (int i = 0; i < taking.size(); ++i) {
        const Device *device = taking.at(i);
        RingRule wanted = device->rule(kind);
        if (strategy == Kind::AllAtOnce) {
            wanted.delay = 0;
            wanted.timeout = longest;
        } else {
            // Devices past the longest delay there can be ring from it, one after another
            // no more.
            wanted.delay = std::min(i * each, RingBounds::maxDelay);
            wanted.timeout = each;
        }
        if (wanted != device->rule(kind))
            changes.append({device->id, wanted});
    }
    return changes;
}
