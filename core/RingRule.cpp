#include "RingRule.h"

#include "RingBounds.h"

bool RingRule::isWithinBounds() const
{
    return RingBounds::isValidDelay(delay) && RingBounds::isValidTimeout(timeout);
}
