#pragma once

#include <QSqlDatabase>
#include <QString>

// One SQLite write transaction, rolled back unless commit() succeeded. It starts with BEGIN
// IMMEDIATE so the write lock is taken up front: a deferred transaction that reads first could
// fail to upgrade while another process (followme-admin --db) writes, without waiting.
class SqlTransaction
{
public:
    explicit SqlTransaction(const QSqlDatabase &db);
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
