// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseCopy.h"

#include "Database.h"
#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Table
{
    const char16_t *name;
    const char16_t *columns;
    const char16_t *order; // the primary key: both sides are read back in this order
    const char16_t *identity = nullptr; // a counted id column, whose counter goes on after the copy
};

// Parents before children, for the foreign keys. Schema version 6 (Database::schemaVersion);
// login_failures is not copied (minutes-old counts of another installation), nor change_log and
// server_instances (what running servers tell each other; empty on SQLite).
const Table tables[] = {
    {u"users", u"id, name, revision, controlled_device", u"id"},
    {u"devices", u"id, user_id, position, name, kind, number, user_configurable, workspace", u"id"},
    {u"rules", u"device_id, call_kind, enabled, delay, timeout", u"device_id, call_kind"},
    {u"tokens", u"id, user_id, admin, lookup, salt, hash, created_at", u"id", u"id"},
    {u"applied_requests", u"user_id, request_id, revision, applied_at", u"user_id, request_id"},
    {u"unanswered", u"user_id, call_kind, action, number", u"user_id, call_kind"},
    {u"user_profiles", u"user_id, document", u"user_id"},
    {u"audit_log",
     u"id, user_id, at, revision, by_kind, by_token, by_from, action, device_id, call_kind, "
     u"before, after",
     u"id", u"id"},
};
static_assert(Database::schemaVersion == 6, "DatabaseCopy: list the new schema's tables");

QString selectAll(const Table &table)
{
    return u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(QString::fromUtf16(table.columns),
                                                  QString::fromUtf16(table.name),
                                                  QString::fromUtf16(table.order));
}

// One value as both backends give it back: SQLite types a column by its values, PostgreSQL by
// its declaration, so an integer can come as qlonglong from one and int from the other.
QString comparable(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QByteArray)
        return u"x"_s + QString::fromLatin1(value.toByteArray().toHex());
    return u"v"_s + value.toString();
}

QString failed(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace

DatabaseCopy::DatabaseCopy(const Database &source, const Database &target)
    : m_source(source)
    , m_target(target)
{ }

std::optional<QJsonObject> DatabaseCopy::run(QString *error) const
{
    if (!targetIsEmpty(error))
        return std::nullopt;
    QJsonObject counts;
    if (!copyTables(&counts, error) || !verify(error))
        return std::nullopt;
    return counts;
}

bool DatabaseCopy::targetIsEmpty(QString *error) const
{
    for (const Table &table : tables) {
        QSqlQuery query(m_target.connection());
        if (!query.exec(u"SELECT COUNT(*) FROM %1"_s.arg(QString::fromUtf16(table.name)))
            || !query.next()) {
            *error = tr("cannot read %1: %2").arg(m_target.path(), failed(query));
            return false;
        }
        if (query.value(0).toLongLong() != 0) {
            *error = tr("%1 is not empty (its table %2 has rows): the copy goes into an empty "
                        "database only")
                         .arg(m_target.path(), QString::fromUtf16(table.name));
            return false;
        }
    }
    return true;
}

bool DatabaseCopy::copyTables(QJsonObject *counts, QString *error) const
{
    SqlTransaction reading(m_source.connection(), SqlTransaction::Kind::Read);
    SqlTransaction writing(m_target.connection());
    if (!reading.isActive() || !writing.isActive()) {
        *error = tr("cannot start the copy: %1")
                     .arg(reading.isActive() ? writing.errorText() : reading.errorText());
        return false;
    }
    for (const Table &table : tables) {
        const QString name = QString::fromUtf16(table.name);
        const QString columns = QString::fromUtf16(table.columns);
        QSqlQuery rows(m_source.connection());
        rows.setForwardOnly(true);
        if (!rows.exec(selectAll(table))) {
            *error = tr("cannot read %1 of %2: %3").arg(name, m_source.path(), failed(rows));
            return false;
        }
        const int width = rows.record().count();
        QStringList marks;
        for (int i = 0; i < width; ++i)
            marks.append(u"?"_s);
        QSqlQuery insert(m_target.connection());
        if (!insert.prepare(
                u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(name, columns, marks.join(u", "_s)))) {
            *error = tr("cannot write %1 of %2: %3").arg(name, m_target.path(), failed(insert));
            return false;
        }
        qint64 count = 0;
        while (rows.next()) {
            for (int i = 0; i < width; ++i)
                insert.bindValue(i, rows.value(i));
            if (!insert.exec()) {
                *error = tr("cannot write %1 of %2: %3").arg(name, m_target.path(), failed(insert));
                return false;
            }
            ++count;
        }
        if (rows.lastError().isValid()) {
            *error = tr("cannot read %1 of %2: %3").arg(name, m_source.path(), failed(rows));
            return false;
        }
        // The copied ids were given explicitly: the counter must go on after the largest.
        if (table.identity && m_target.backend() == Database::Backend::PostgreSQL) {
            QSqlQuery counter(m_target.connection());
            const QString identity = QString::fromUtf16(table.identity);
            if (!counter.exec(u"SELECT setval(pg_get_serial_sequence('%1', '%2'), "
                              u"COALESCE(MAX(%2), 0) + 1, false) FROM %1"_s.arg(name, identity))) {
                *error =
                    tr("cannot write %1 of %2: %3").arg(name, m_target.path(), failed(counter));
                return false;
            }
        }
        counts->insert(name, count);
    }
    reading.commit();
    if (!writing.commit()) {
        *error = tr("cannot commit the copy into %1: %2").arg(m_target.path(), writing.errorText());
        return false;
    }
    return true;
}

bool DatabaseCopy::verify(QString *error) const
{
    SqlTransaction reading(m_source.connection(), SqlTransaction::Kind::Read);
    SqlTransaction readingTarget(m_target.connection(), SqlTransaction::Kind::Read);
    for (const Table &table : tables) {
        const QString name = QString::fromUtf16(table.name);
        QSqlQuery from(m_source.connection());
        QSqlQuery to(m_target.connection());
        from.setForwardOnly(true);
        to.setForwardOnly(true);
        if (!from.exec(selectAll(table)) || !to.exec(selectAll(table))) {
            *error = tr("cannot read %1 back: %2").arg(name, failed(from) + failed(to));
            return false;
        }
        qint64 row = 0;
        for (;; ++row) {
            const bool more = from.next();
            if (more != to.next()) {
                *error = tr("the copy's table %1 has %2 rows than the original")
                             .arg(name, more ? tr("fewer") : tr("more"));
                return false;
            }
            if (!more)
                break;
            for (int i = 0; i < from.record().count(); ++i) {
                if (comparable(from.value(i)) != comparable(to.value(i))) {
                    *error = tr("the copy differs from the original in %1, row %2, column %3")
                                 .arg(name)
                                 .arg(row + 1)
                                 .arg(from.record().fieldName(i));
                    return false;
                }
            }
        }
    }
    reading.commit();
    readingTarget.commit();
    return true;
}
