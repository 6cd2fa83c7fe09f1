// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeepaliveSweep.h"

#include "Session.h"

#include <algorithm>
#include <optional>

KeepaliveSweep::KeepaliveSweep(std::chrono::milliseconds idleTimeout,
                               std::chrono::milliseconds helloTimeout, QObject *parent)
    : QObject(parent)
    // Three pings fit into the idle timeout, so only a peer that answered none is closed.
    , m_pingInterval(
          std::max<std::chrono::milliseconds>(idleTimeout / 3, std::chrono::milliseconds(1)))
    , m_helloTimeout(helloTimeout)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &KeepaliveSweep::onTimer);
}

void KeepaliveSweep::add(Session *session)
{
    const quint64 serial = m_nextSerial++;
    m_serials.insert(session, serial);
    const auto now = Clock::now();
    m_pings.push_back({session, serial, now + m_pingInterval});
    m_hellos.push_back({session, serial, now + m_helloTimeout});
    // Later than every entry already queued: only an idle timer needs setting.
    if (!m_timer.isActive())
        arm();
}

void KeepaliveSweep::remove(Session *session)
{
    // Its entries stay queued until they come due and are then dropped as not current.
    m_serials.remove(session);
    if (m_serials.isEmpty()) {
        m_pings.clear();
        m_hellos.clear();
        m_timer.stop();
    }
}

bool KeepaliveSweep::isCurrent(const Entry &entry) const
{
    const auto it = m_serials.constFind(entry.session);
    return it != m_serials.cend() && *it == entry.serial;
}

void KeepaliveSweep::onTimer()
{
    const auto now = Clock::now();
    // A session may close (and so call remove()) from inside either call below; entries are
    // taken off the queue before it is called.
    while (!m_hellos.empty() && m_hellos.front().due <= now) {
        const Entry entry = m_hellos.front();
        m_hellos.pop_front();
        if (isCurrent(entry))
            entry.session->helloDeadlinePassed();
    }
    // Every session due now is handled in this pass, once: its next turn is a full interval
    // from now, so it goes behind every entry queued (which keeps the queue in order).
    while (!m_pings.empty() && m_pings.front().due <= now) {
        Entry entry = m_pings.front();
        m_pings.pop_front();
        if (!isCurrent(entry) || !entry.session->keepaliveDue())
            continue;
        entry.due = now + m_pingInterval;
        m_pings.push_back(entry);
    }
    arm();
}

void KeepaliveSweep::arm()
{
    // Entries of sessions that went are skipped here too, so they don't keep a timer going.
    while (!m_pings.empty() && !isCurrent(m_pings.front()))
        m_pings.pop_front();
    while (!m_hellos.empty() && !isCurrent(m_hellos.front()))
        m_hellos.pop_front();
    std::optional<Clock::time_point> next;
    if (!m_pings.empty())
        next = m_pings.front().due;
    if (!m_hellos.empty())
        next = next ? std::min(*next, m_hellos.front().due) : m_hellos.front().due;
    if (!next) {
        m_timer.stop();
        return;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now());
    m_timer.start(std::max(wait, std::chrono::milliseconds(0)));
}
