#pragma once

#include "CallKind.h"
#include "DeviceKind.h"
#include "RingRule.h"

#include <QString>

#include <array>

// One of the user's endpoints and its ring rule for each call kind.
struct Device
{
    QString id; // stable, unique among the user's devices
    QString name;
    DeviceKind kind = DeviceKind::DeskPhone;
    QString number; // extension or external number as the phone system dials it
    bool userConfigurable = true; // set by the administrator; false locks the rules
    QString workspace; // empty: assigned to the user directly; else the workspace (location)
    std::array<RingRule, CallKinds::count> rules {};

    const RingRule &rule(CallKind callKind) const { return rules.at(CallKinds::index(callKind)); }
    RingRule &rule(CallKind callKind) { return rules.at(CallKinds::index(callKind)); }
    bool isLocked() const { return !userConfigurable; }
    bool viaWorkspace() const { return !workspace.isEmpty(); }

    friend bool operator==(const Device &a, const Device &b);
    friend bool operator!=(const Device &a, const Device &b) { return !(a == b); }
};
