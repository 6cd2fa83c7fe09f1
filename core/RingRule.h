#pragma once

#include "RingWindow.h"

// How one device rings for one call kind. The timeout counts from the moment the device starts
// ringing (as pascom and FreeSWITCH's leg_delay_start/leg_timeout do), so the device rings from
// delay to delay + timeout.
struct RingRule
{
    bool enabled = false;
    int delay = 0; // seconds before the device starts ringing
    int timeout = 20; // seconds the device rings

    // The window this rule describes, whether or not it is enabled.
    RingWindow window() const { return {delay, delay + timeout}; }
    bool isWithinBounds() const;

    friend bool operator==(const RingRule &a, const RingRule &b)
    {
        return a.enabled == b.enabled && a.delay == b.delay && a.timeout == b.timeout;
    }
    friend bool operator!=(const RingRule &a, const RingRule &b) { return !(a == b); }
};
