// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PreparedQueries.h"

#include <QString>

#include <chrono>

class Database;

// Failed logins counted in the database, so that every server on one PostgreSQL database sees
// the failures of all of them (docs/server.md, "PostgreSQL"): an address that spreads its
// attempts over the servers gets no more tries than against one. LoginThrottle still times each
// server's own answers; this only says whether an address is over the limit. Times are wall-clock
// milliseconds, the one clock the servers share. On a SQLite database (one server) it is off:
// the server's own count is the whole count.
class SharedLoginFailures
{
public:
    using Milliseconds = std::chrono::milliseconds;

    SharedLoginFailures(const Database &database, int limit, Milliseconds window);

    // Asked each time: the server makes this before it opens the database.
    bool isEnabled() const;
    // The address has `limit` failures within the window, on any server. A failed read says no:
    // the server's own throttle still holds.
    bool isBlocked(const QString &address, Milliseconds now) const;
    void recordFailure(const QString &address, Milliseconds now) const;

    static constexpr int pruneEvery = 256;

private:
    const Database &m_database;
    PreparedQueries m_queries;
    int m_limit;
    Milliseconds m_window;
    mutable int m_recordedSincePrune = 0;
};
