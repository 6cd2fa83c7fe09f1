#include "SqlTransaction.h"

#include "ServerLog.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

QString beginStatement(const QSqlDatabase &db, SqlTransaction::Kind kind)
{
    const bool postgres = db.driverName() == u"QPSQL";
    if (kind == SqlTransaction::Kind::Read)
        return postgres ? u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s : u"BEGIN"_s;
    return postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
}

} // namespace

SqlTransaction::SqlTransaction(const QSqlDatabase &db, Kind kind)
    : m_db(db)
{
    QSqlQuery query(m_db);
    m_active = query.exec(beginStatement(m_db, kind));
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
