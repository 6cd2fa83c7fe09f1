#pragma once

#include "DemoData.h"
#include "FollowMeSettings.h"

// Plans of any size for the page tests: the demo's devices repeated (kinds, locks, workspaces
// and the external number all come round), each with its own id, and names of any length.
inline FollowMeSettings planWithDevices(int count, int nameLength = 0)
{
    const FollowMeSettings demo = demoSettings();
    FollowMeSettings settings = demo;
    settings.devices.clear();
    for (int i = 0; i < count; ++i) {
        Device device = demo.devices.at(i % demo.devices.size());
        device.id = QStringLiteral("device-%1").arg(i);
        if (i >= demo.devices.size())
            device.name += QStringLiteral(" %1").arg(i / demo.devices.size() + 1);
        if (nameLength > 0) {
            // A long name made of words, so it reads like one (and a "%2" that must stay).
            QString name = device.name + QStringLiteral(" on the third floor, %2 west wing, ");
            while (name.size() < nameLength)
                name += QStringLiteral("next to the big meeting room ");
            device.name = name.left(nameLength).trimmed();
        }
        // Start times spread out, so the bars differ.
        for (RingRule &rule : device.rules)
            rule.delay = (rule.delay + 3 * i) % 60;
        settings.devices.append(device);
    }
    settings.controlledDeviceId = count > 0 ? settings.devices.constFirst().id : QString();
    return settings;
}
