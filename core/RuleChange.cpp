#include "RuleChange.h"

RingRule RuleChange::appliedTo(RingRule rule) const
{
    if (enabled)
        rule.enabled = *enabled;
    if (delay)
        rule.delay = *delay;
    if (timeout)
        rule.timeout = *timeout;
    return rule;
}

RuleChange RuleChange::between(const RingRule &from, const RingRule &to)
{
    RuleChange change;
    if (from.enabled != to.enabled)
        change.enabled = to.enabled;
    if (from.delay != to.delay)
        change.delay = to.delay;
    if (from.timeout != to.timeout)
        change.timeout = to.timeout;
    return change;
}

RuleChange RuleChange::mergedWith(const RuleChange &later) const
{
    RuleChange merged = *this;
    if (later.enabled)
        merged.enabled = later.enabled;
    if (later.delay)
        merged.delay = later.delay;
    if (later.timeout)
        merged.timeout = later.timeout;
    return merged;
}
