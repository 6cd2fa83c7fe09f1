// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChangeOutcome.h"
#include "PreparedQueries.h"
#include "StoreRead.h"

#include <QString>

#include <optional>

class Database;

// The committed changes that servers sharing a PostgreSQL database tell each other (docs/
// server.md, "Pushes across servers"). A change is written in the transaction that makes it,
// with a NOTIFY that PostgreSQL delivers to every listening server when (and only if) it
// commits, in commit order; each server reads what changed here and pushes it to its own
// sessions. Each server says now and then that it is alive and has read what it was told
// (heartbeat), and a change is removed once every live server has. On SQLite (one server) it is
// off: the server that commits pushes to all the sessions there are.
class ChangeLog
{
public:
    // The channel of the notifications; their payload is "ORIGIN ID USER" (Notice).
    static constexpr char16_t channel[] = u"followme_changes";

    // `origin` names this process among the servers (and admin tools) writing to the database.
    ChangeLog(const Database &database, QString origin);

    bool isEnabled() const;
    QString origin() const { return m_origin; }

    // In the caller's write transaction: what other servers must tell their sessions of the
    // outcome (pushes, snapshots, closes, the audit record) and its notification. False when
    // that could not be written, so the transaction must not commit; true and nothing written
    // on SQLite or when there is nothing to tell.
    bool record(const ChangeOutcome &outcome) const;

    // A change written by record(), as the ChangeOutcome other servers act on (no error, no
    // result). notFound: removed already (a server that was not heard from for long).
    StoreRead<ChangeOutcome> read(qint64 id) const;

    // This server is alive and has acted on every notification it was sent up to now; then the
    // changes every live server has seen are removed. A server not heard from for
    // `forgetAfterMs` counts no more.
    void heartbeat() const;
    // This server stops: it holds nothing back any more.
    void leave() const;

    static constexpr qint64 keepAfterSeenMs = 30'000;
    static constexpr qint64 forgetAfterMs = 120'000;

    // A notification's payload.
    struct Notice
    {
        QString origin;
        qint64 id = 0;
        QString userId; // empty: no user (an admin token revoked)
    };
    static std::optional<Notice> parseNotice(const QString &payload);

private:
    const Database &m_database;
    PreparedQueries m_queries;
    QString m_origin;
};
