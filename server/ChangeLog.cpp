// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeLog.h"

#include "Database.h"
#include "ServerLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// PostgreSQL's clock, in milliseconds since the epoch: the one clock every server agrees on.
constexpr auto databaseNow = u"(extract(epoch from clock_timestamp()) * 1000)::bigint";

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &text : list)
        array.append(text);
    return array;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QJsonObject bodyOf(const ChangeOutcome &outcome)
{
    QJsonArray pushes;
    for (const auto &[userId, message] : outcome.pushes)
        pushes.append(QJsonObject {{u"user"_s, userId}, {u"message"_s, message.toJson()}});
    QJsonArray revoked;
    for (qint64 tokenId : outcome.revokedTokens)
        revoked.append(tokenId);
    QJsonObject body {{u"pushes"_s, pushes},
                      {u"snapshot"_s, stringArray(outcome.snapshotUsers)},
                      {u"removed"_s, stringArray(outcome.removedUsers)},
                      {u"revoked"_s, revoked}};
    if (outcome.audit)
        body.insert(u"audit"_s, outcome.audit->toJson());
    return body;
}

std::optional<ChangeOutcome> outcomeOf(const QJsonObject &body, QString *problem)
{
    ChangeOutcome outcome;
    for (const QJsonValue &push : body.value(u"pushes"_s).toArray()) {
        const QJsonObject object = push.toObject();
        ProtocolError error;
        const auto message = ServerMessage::decode(
            QJsonDocument(object.value(u"message"_s).toObject()).toJson(QJsonDocument::Compact),
            &error);
        if (!message) {
            *problem = error.message;
            return std::nullopt;
        }
        outcome.pushes.append({object.value(u"user"_s).toString(), *message});
    }
    outcome.snapshotUsers = stringList(body.value(u"snapshot"_s));
    outcome.removedUsers = stringList(body.value(u"removed"_s));
    for (const QJsonValue &tokenId : body.value(u"revoked"_s).toArray())
        outcome.revokedTokens.append(tokenId.toInteger());
    if (body.contains(u"audit"_s)) {
        outcome.audit = AuditEntry::fromJson(body.value(u"audit"_s), problem);
        if (!outcome.audit)
            return std::nullopt;
    }
    return outcome;
}

// The one user the outcome concerns, so that a server with no session of theirs can skip it;
// empty when there are several or none.
QString userOf(const ChangeOutcome &outcome)
{
    QSet<QString> users;
    for (const auto &push : outcome.pushes)
        users.insert(push.first);
    for (const QString &user : outcome.snapshotUsers + outcome.removedUsers)
        users.insert(user);
    if (outcome.audit)
        users.insert(outcome.audit->userId);
    users.remove(QString());
    // A revoked admin token has no user: every server looks at it.
    const bool adminToken = !outcome.revokedTokens.isEmpty() && users.isEmpty();
    // '' rather than a null string, which Qt would bind as NULL (the column is NOT NULL).
    return users.size() == 1 && !adminToken ? *users.cbegin() : u""_s;
}

bool tellsAnything(const ChangeOutcome &outcome)
{
    return !outcome.pushes.isEmpty() || !outcome.snapshotUsers.isEmpty()
        || !outcome.removedUsers.isEmpty() || !outcome.revokedTokens.isEmpty() || outcome.audit;
}

} // namespace

ChangeLog::ChangeLog(const Database &database, QString origin)
    : m_database(database)
    , m_queries(database)
    , m_origin(std::move(origin))
{ }

bool ChangeLog::isEnabled() const
{
    return m_database.backend() == Database::Backend::PostgreSQL;
}

bool ChangeLog::record(const ChangeOutcome &outcome) const
{
    if (!isEnabled() || outcome.error || !tellsAnything(outcome))
        return true;
    const QString userId = userOf(outcome);
    // One round trip: the row, and the notification naming it, which PostgreSQL sends at
    // commit (in commit order) and not at all if the transaction rolls back.
    const auto lease = m_queries.prepared(
        u"WITH entry AS (INSERT INTO change_log (origin, user_id, at, body) VALUES (?, ?, %1, ?) "
        u"RETURNING id) SELECT pg_notify(?, ? || ' ' || id || ' ' || ?) FROM entry"_s.arg(
            databaseNow));
    QSqlQuery &query = *lease;
    query.bindValue(0, m_origin);
    query.bindValue(1, userId);
    query.bindValue(
        2, QString::fromUtf8(QJsonDocument(bodyOf(outcome)).toJson(QJsonDocument::Compact)));
    query.bindValue(3, QString::fromUtf16(channel));
    query.bindValue(4, m_origin);
    query.bindValue(5, userId);
    if (!query.exec() || !query.next()) {
        qCWarning(lcServer) << "cannot write the change log:" << query.lastError().text();
        return false;
    }
    return true;
}

StoreRead<ChangeOutcome> ChangeLog::read(qint64 id) const
{
    const auto lease = m_queries.prepared(u"SELECT body FROM change_log WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, id);
    if (!query.exec()) {
        qCWarning(lcServer) << "cannot read the change log:" << query.lastError().text();
        return StoreRead<ChangeOutcome>::readFailed();
    }
    if (!query.next())
        return StoreRead<ChangeOutcome>::notFound();
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    QString problem = parseError.errorString();
    const auto outcome = document.isObject() ? outcomeOf(document.object(), &problem)
                                             : std::optional<ChangeOutcome>();
    if (!outcome) {
        // Another (newer) server's form: as unreadable as a failed read, so its users resync.
        qCWarning(lcServer) << "cannot understand change" << id << "of the change log:" << problem;
        return StoreRead<ChangeOutcome>::readFailed();
    }
    return StoreRead<ChangeOutcome>::fromValue(*outcome);
}

void ChangeLog::heartbeat() const
{
    if (!isEnabled())
        return;
    const QString statements[] = {
        u"INSERT INTO server_instances (id, seen_at) VALUES (?, %1) "
        u"ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at"_s.arg(databaseNow),
        u"DELETE FROM server_instances WHERE seen_at < %1 - %2"_s.arg(databaseNow)
            .arg(forgetAfterMs),
        // What the server seen longest ago has read too (or, with none, what is old enough).
        u"DELETE FROM change_log WHERE at < "
        u"COALESCE((SELECT MIN(seen_at) FROM server_instances), %1) - %2"_s.arg(databaseNow)
            .arg(keepAfterSeenMs),
    };
    bool first = true;
    for (const QString &statement : statements) {
        const auto lease = m_queries.prepared(statement);
        QSqlQuery &query = *lease;
        if (first)
            query.bindValue(0, m_origin);
        first = false;
        if (!query.exec()) {
            qCWarning(lcServer) << "cannot keep the change log:" << query.lastError().text();
            return;
        }
    }
}

void ChangeLog::leave() const
{
    if (!isEnabled())
        return;
    const auto lease = m_queries.prepared(u"DELETE FROM server_instances WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, m_origin);
    if (!query.exec())
        qCWarning(lcServer) << "cannot leave the change log:" << query.lastError().text();
}

std::optional<ChangeLog::Notice> ChangeLog::parseNotice(const QString &payload)
{
    Notice notice;
    notice.origin = payload.section(u' ', 0, 0);
    bool ok = false;
    notice.id = payload.section(u' ', 1, 1).toLongLong(&ok);
    notice.userId = payload.section(u' ', 2);
    if (notice.origin.isEmpty() || !ok || notice.id <= 0)
        return std::nullopt;
    return notice;
}
