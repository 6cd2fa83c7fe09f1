#pragma once

#include "RingRule.h"

#include <optional>

// The fields of a ring rule one edit changes; the others keep their value. Two sessions
// changing different fields of one rule therefore don't overwrite each other.
struct RuleChange
{
    std::optional<bool> enabled;
    std::optional<int> delay;
    std::optional<int> timeout;

    bool isEmpty() const { return !enabled && !delay && !timeout; }
    RingRule appliedTo(RingRule rule) const;
    // The change that turns `from` into `to` (only the fields that differ).
    static RuleChange between(const RingRule &from, const RingRule &to);
    // This change followed by `later`: later fields win.
    RuleChange mergedWith(const RuleChange &later) const;

    friend bool operator==(const RuleChange &a, const RuleChange &b)
    {
        return a.enabled == b.enabled && a.delay == b.delay && a.timeout == b.timeout;
    }
    friend bool operator!=(const RuleChange &a, const RuleChange &b) { return !(a == b); }
};
