// SPDX-License-Identifier: GPL-3.0-or-later
#include "SharedLoginFailures.h"

#include "Database.h"
#include "ServerLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

SharedLoginFailures::SharedLoginFailures(const Database &database, int limit, Milliseconds window)
    : m_database(database)
    , m_queries(database)
    , m_limit(limit)
    , m_window(window)
{ }

bool SharedLoginFailures::isEnabled() const
{
    return m_database.backend() == Database::Backend::PostgreSQL;
}

bool SharedLoginFailures::isBlocked(const QString &address, Milliseconds now) const
{
    if (!isEnabled())
        return false;
    const auto lease =
        m_queries.prepared(u"SELECT COUNT(*) FROM login_failures WHERE address = ? AND at > ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, address);
    query.bindValue(1, qint64((now - m_window).count()));
    if (!query.exec() || !query.next()) {
        qCWarning(lcServer) << "cannot read the failed logins:" << query.lastError().text();
        return false;
    }
    return query.value(0).toLongLong() >= m_limit;
}

void SharedLoginFailures::recordFailure(const QString &address, Milliseconds now) const
{
    if (!isEnabled())
        return;
    {
        const auto lease =
            m_queries.prepared(u"INSERT INTO login_failures (address, at) VALUES (?, ?)"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, address);
        query.bindValue(1, qint64(now.count()));
        if (!query.exec())
            qCWarning(lcServer) << "cannot record a failed login:" << query.lastError().text();
    }
    // What is past the window counts no more: removed now and then, not on every failure.
    if (++m_recordedSincePrune < pruneEvery)
        return;
    m_recordedSincePrune = 0;
    const auto lease = m_queries.prepared(u"DELETE FROM login_failures WHERE at <= ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, qint64((now - m_window).count()));
    if (!query.exec())
        qCWarning(lcServer) << "cannot forget old failed logins:" << query.lastError().text();
}
