#pragma once

#include <QSqlDatabase>
#include <QString>

// One transaction, rolled back unless commit() succeeded.
// A write on SQLite starts with BEGIN IMMEDIATE so the write lock is taken up front: a deferred
// transaction that reads first could fail to upgrade while another process (followme-admin
// --db) writes, without waiting. On PostgreSQL writes are serialised by the row locks of what
// they update (a user's revision), so a plain BEGIN; a read there is REPEATABLE READ, so all its
// statements see one state although other servers commit meanwhile.
class SqlTransaction
{
public:
    enum class Kind { Write, Read };
    explicit SqlTransaction(const QSqlDatabase &db, Kind kind = Kind::Write);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    // True once the data is durably committed. Every query of the transaction must be finished
    // (out of scope) before, or SQLite refuses the COMMIT.
    bool commit();
    QString errorText() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
