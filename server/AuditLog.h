// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "PreparedQueries.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;

// The audit log in SQLite (docs/server.md, "Audit log"): every change of a user's settings, who
// made it, when, from where, and what it changed. record() writes inside the caller's
// transaction, so a change and its record are committed or lost together. Entries outlive the
// user they are about: removing a user keeps the record of it.
class AuditLog
{
public:
    using Clock = std::function<QDateTime()>;

    // `clock` gives the time each record is stamped with (UTC); by default the system's.
    explicit AuditLog(const Database &database, Clock clock = {});

    // Stamps the entry with the time and its id, and writes it. False (logged) when the write
    // failed: the caller's transaction must not commit.
    bool record(AuditEntry &entry) const;

    struct Query
    {
        QString userId; // empty: every user's
        int limit = 100;
        qint64 beforeId = 0; // 0: from the newest
        bool othersOnly = false; // leave out the changes the users made themselves
    };
    static constexpr int maxLimit = 500;
    // Newest first. Nothing: the read failed (logged).
    std::optional<QList<AuditEntry>> list(const Query &query) const;

private:
    PreparedQueries m_queries;
    Clock m_clock;
};
