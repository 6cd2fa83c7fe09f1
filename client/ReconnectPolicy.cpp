#include "ReconnectPolicy.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace std::chrono_literals;

// Stable after 10 s: long enough to tell a server that accepts and drops at once from a healthy
// one, short enough that a link the user saw working resets the backoff (with 30 s, the links
// between short outages rarely got there and each outage started where the last one stopped).
ReconnectPolicy::ReconnectPolicy()
    : ReconnectPolicy(1s, 60s, 10s)
{ }

ReconnectPolicy::ReconnectPolicy(std::chrono::milliseconds initial,
                                 std::chrono::milliseconds maximum,
                                 std::chrono::milliseconds stableAfter, Random random)
    : m_initial(initial)
    , m_maximum(maximum)
    , m_stableAfter(stableAfter)
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{ }

std::chrono::milliseconds ReconnectPolicy::delayFor(int failures) const
{
    // Doubling from `initial`, capped; the shift is bounded so it can't overflow.
    const int doublings = std::clamp(failures - 1, 0, 30);
    const auto uncapped = m_initial.count() * (qint64(1) << doublings);
    const auto ceiling = std::min<qint64>(uncapped, m_maximum.count());
    // "Equal jitter": at least half the ceiling, so the backoff still grows.
    const double jitter = std::clamp(m_random(), 0.0, 1.0);
    return std::chrono::milliseconds(ceiling / 2 + qint64(jitter * double(ceiling / 2)));
}
