#include "LoginThrottle.h"

#include <algorithm>

LoginThrottle::LoginThrottle()
    : LoginThrottle(Policy())
{ }

LoginThrottle::LoginThrottle(const Policy &policy)
    : m_policy(policy)
{ }

bool LoginThrottle::isBlocked(const QString &address, Milliseconds now)
{
    const auto it = m_entries.find(address);
    if (it == m_entries.end())
        return false;
    forgetExpired(*it, now);
    return it->failures.size() >= m_policy.failureLimit;
}

LoginThrottle::Milliseconds LoginThrottle::recordFailure(const QString &address, Milliseconds now)
{
    // Keep the table small when many addresses fail: drop entries that have expired.
    if (m_entries.size() > 10000)
        prune(now);
    Entry &entry = m_entries[address];
    forgetExpired(entry, now);
    entry.failures.append(now);
    ++entry.failuresInARow;
    // Doubling, without overflowing the shift for long runs.
    const int doublings = std::min(entry.failuresInARow - 1, 30);
    const Milliseconds delay =
        std::min(m_policy.firstDelay * (Milliseconds::rep(1) << doublings), m_policy.maxDelay);
    entry.answerAt = std::max(now, entry.answerAt) + delay;
    return entry.answerAt - now;
}

void LoginThrottle::recordSuccess(const QString &address)
{
    const auto it = m_entries.find(address);
    if (it != m_entries.end())
        it->failuresInARow = 0;
}

void LoginThrottle::forgetExpired(Entry &entry, Milliseconds now) const
{
    while (!entry.failures.isEmpty() && entry.failures.first() <= now - m_policy.window)
        entry.failures.removeFirst();
}

void LoginThrottle::prune(Milliseconds now)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        forgetExpired(*it, now);
        if (it->failures.isEmpty() && it->answerAt <= now)
            it = m_entries.erase(it);
        else
            ++it;
    }
}
