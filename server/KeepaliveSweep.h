// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>

class Session;

// The deadlines of every session on one timer instead of two timers per session: the keepalive
// (a ping every third of the idle timeout, and closing a session silent for all of it) and the
// hello deadline. All sessions share the two periods, so each kind of deadline comes due in the
// order the sessions arrived: two queues, and one timer set for the earlier front.
class KeepaliveSweep : public QObject
{
    Q_OBJECT

public:
    KeepaliveSweep(std::chrono::milliseconds idleTimeout, std::chrono::milliseconds helloTimeout,
                   QObject *parent = nullptr);

    // From the session's connection on: pings, the idle check and the hello deadline.
    void add(Session *session);
    // The session is going: nothing more is asked of it.
    void remove(Session *session);
    int sessionCount() const { return int(m_serials.size()); }

private:
    using Clock = std::chrono::steady_clock;
    struct Entry
    {
        Session *session;
        quint64 serial; // tells a session from a later one at the same address
        Clock::time_point due;
    };

    void onTimer();
    bool isCurrent(const Entry &entry) const;
    void arm();

    std::chrono::milliseconds m_pingInterval;
    std::chrono::milliseconds m_helloTimeout;
    QTimer m_timer;
    std::deque<Entry> m_pings;
    std::deque<Entry> m_hellos;
    QHash<Session *, quint64> m_serials;
    quint64 m_nextSerial = 1;
};
