#pragma once

#include <chrono>
#include <functional>

// How long to wait before the next connection attempt: exponential backoff with jitter, capped,
// so many clients that lost one server don't come back in lockstep. A link counts as healthy
// again only after it stayed up for stableAfter(); until then failures keep growing the delay,
// and after it the next outage starts again from `initial`.
class ReconnectPolicy
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    ReconnectPolicy();
    ReconnectPolicy(std::chrono::milliseconds initial, std::chrono::milliseconds maximum,
                    std::chrono::milliseconds stableAfter, Random random = {});

    // The wait before attempt number `failures` + 1, after `failures` (>= 1) failed ones.
    std::chrono::milliseconds delayFor(int failures) const;
    std::chrono::milliseconds stableAfter() const { return m_stableAfter; }
    std::chrono::milliseconds maximum() const { return m_maximum; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    std::chrono::milliseconds m_stableAfter;
    Random m_random;
};
