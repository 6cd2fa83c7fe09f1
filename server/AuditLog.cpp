// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"

#include "Database.h"
#include "ServerLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// before/after hold any JSON value (a rule, a name, null); stored as JSON text inside an array,
// since a bare scalar is no JSON document for QJsonDocument. NULL: the member is absent.
QVariant storedValue(const QJsonValue &value)
{
    if (value.isUndefined())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

QJsonValue loadedValue(const QVariant &stored)
{
    if (stored.isNull())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonArray array = QJsonDocument::fromJson(stored.toString().toUtf8()).array();
    return array.isEmpty() ? QJsonValue(QJsonValue::Undefined) : array.first();
}

// Qt binds a null QString as SQL NULL; these columns hold '' for "none".
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

AuditLog::AuditLog(const Database &database, Clock clock)
    : m_queries(database)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

bool AuditLog::record(AuditEntry &entry) const
{
    entry.at = m_clock().toUTC();
    const auto lease = m_queries.prepared(
        u"INSERT INTO audit_log (user_id, at, revision, by_kind, by_token, by_from, action, "
        u"device_id, call_kind, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        u"RETURNING id"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, notNull(entry.userId));
    query.bindValue(1, entry.at.toMSecsSinceEpoch());
    query.bindValue(2, entry.revision);
    query.bindValue(3, AuditEntry::actorKey(entry.by.kind));
    query.bindValue(4,
                    entry.by.tokenId > 0 ? QVariant(entry.by.tokenId)
                                         : QVariant(QMetaType::fromType<qint64>()));
    query.bindValue(5, notNull(entry.by.from));
    query.bindValue(6, notNull(entry.action));
    query.bindValue(7, notNull(entry.deviceId));
    query.bindValue(8, entry.callKind ? CallKinds::key(*entry.callKind) : u""_s);
    query.bindValue(9, storedValue(entry.before));
    query.bindValue(10, storedValue(entry.after));
    if (!query.exec() || !query.next()) {
        qCWarning(lcServer) << "cannot write the audit log:" << query.lastError().text();
        return false;
    }
    entry.id = query.value(0).toLongLong();
    return true;
}

std::optional<QList<AuditEntry>> AuditLog::list(const Query &request) const
{
    // One statement for every filter, so it is prepared once: a bound '' or 0 switches a
    // condition off.
    const auto lease = m_queries.prepared(
        u"SELECT id, user_id, at, revision, by_kind, by_token, by_from, action, device_id, "
        u"call_kind, before, after FROM audit_log "
        u"WHERE (? = '' OR user_id = ?) AND (? = 0 OR id < ?) AND (? = 0 OR by_kind <> 'user') "
        u"ORDER BY id DESC LIMIT ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, notNull(request.userId));
    query.bindValue(1, notNull(request.userId));
    query.bindValue(2, request.beforeId);
    query.bindValue(3, request.beforeId);
    query.bindValue(4, request.othersOnly ? 1 : 0);
    query.bindValue(5, qBound(1, request.limit, maxLimit));
    if (!query.exec()) {
        qCWarning(lcServer) << "cannot read the audit log:" << query.lastError().text();
        return std::nullopt;
    }
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.userId = query.value(1).toString();
        entry.at = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
        entry.revision = query.value(3).toLongLong();
        // A kind this server doesn't know (a newer one wrote it) reads as an admin's change
        // rather than hiding the record.
        entry.by.kind = AuditEntry::actorFromKey(query.value(4).toString())
                            .value_or(AuditEntry::ActorKind::Admin);
        entry.by.tokenId = query.value(5).toLongLong();
        entry.by.from = query.value(6).toString();
        entry.action = query.value(7).toString();
        entry.deviceId = query.value(8).toString();
        entry.callKind = CallKinds::fromKey(query.value(9).toString());
        entry.before = loadedValue(query.value(10));
        entry.after = loadedValue(query.value(11));
        entries.append(entry);
    }
    if (query.lastError().isValid()) {
        qCWarning(lcServer) << "cannot read the audit log:" << query.lastError().text();
        return std::nullopt;
    }
    return entries;
}
