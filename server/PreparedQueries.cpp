// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreparedQueries.h"

#include "Database.h"

PreparedQueries::PreparedQueries(const Database &database)
    : m_database(database)
{
    m_database.addStatementCache(this);
}

PreparedQueries::~PreparedQueries()
{
    m_database.removeStatementCache(this);
}

PreparedQueries::Lease PreparedQueries::prepared(const QString &sql) const
{
    auto it = m_entries.find(sql);
    if (it == m_entries.end())
        it = m_entries.emplace(sql, Entry {QSqlQuery(m_database.connection()), false}).first;
    Entry &entry = it->second;
    if (!entry.prepared) {
        entry.query.setForwardOnly(true);
        entry.prepared = entry.query.prepare(sql);
    }
    return Lease(&entry.query);
}
