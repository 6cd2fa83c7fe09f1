// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlQuery>
#include <QString>

#include <unordered_map>

class Database;

// The statements of one Database connection, each prepared on first use and then kept: SQLite
// takes about as long to parse and plan a small statement as to run it, and an edit runs
// several. Statements are forward-only, so no rows are cached for scrolling back.
class PreparedQueries
{
public:
    // A kept statement lent for one use. Finished when the handle goes: its cursor and read
    // lock are released, so the transaction around it can commit.
    class Lease
    {
    public:
        explicit Lease(QSqlQuery *query)
            : m_query(query)
        { }
        ~Lease() { m_query->finish(); }
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;

        QSqlQuery &operator*() const { return *m_query; }
        QSqlQuery *operator->() const { return m_query; }

    private:
        QSqlQuery *m_query;
    };

    explicit PreparedQueries(const Database &database);
    ~PreparedQueries();
    PreparedQueries(const PreparedQueries &) = delete;
    PreparedQueries &operator=(const PreparedQueries &) = delete;

    // Forgets every statement. The Database calls it when it reconnects, while no connection is
    // open: a statement freed on the new connection would fail there, inside its transaction.
    void drop() const { m_entries.clear(); }

    // The statement for `sql`, prepared now if it has not been yet (or its preparation failed
    // before: then exec() reports why). Bind with bindValue(position, value).
    Lease prepared(const QString &sql) const;

private:
    struct Entry
    {
        QSqlQuery query;
        bool prepared = false;
    };

    const Database &m_database;
    // Node-based, so a lent QSqlQuery stays where it is when other statements are added.
    mutable std::unordered_map<QString, Entry> m_entries;
};
