#include "SqlTransaction.h"

#include "ServerLog.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SqlTransaction::SqlTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery query(m_db);
    m_active = query.exec(u"BEGIN IMMEDIATE"_s);
    if (!m_active)
        m_error = query.lastError().text();
}

SqlTransaction::~SqlTransaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcServer) << "rollback failed:" << query.lastError().text();
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(u"COMMIT"_s)) {
        m_error = query.lastError().text();
        return false;
    }
    m_active = false;
    return true;
}
