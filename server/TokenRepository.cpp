#include "TokenRepository.h"

#include "Database.h"
#include "ServerLog.h"
#include "TokenHasher.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

TokenRepository::TokenRepository(const Database &database)
    : m_database(database)
{ }

StoreRead<TokenRepository::Identity> TokenRepository::identify(const QString &token) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT id, user_id, admin, salt, hash FROM tokens WHERE lookup = ?"_s);
    query.addBindValue(TokenHasher::lookupKey(token));
    if (!query.exec()) {
        qCWarning(lcServer) << "token lookup failed:" << query.lastError().text();
        return StoreRead<Identity>::readFailed();
    }
    while (query.next()) {
        if (TokenHasher::matches(token, query.value(3).toByteArray(), query.value(4).toByteArray()))
            return StoreRead<Identity>::fromValue(
                {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool()});
    }
    // next() also ends on a failed step: only a clean end means "no such token".
    if (query.lastError().isValid()) {
        qCWarning(lcServer) << "token lookup failed:" << query.lastError().text();
        return StoreRead<Identity>::readFailed();
    }
    return StoreRead<Identity>::notFound();
}

std::optional<qint64> TokenRepository::add(const QString &token, const QString &userId,
                                           bool admin) const
{
    const TokenHasher::Hashed hashed = TokenHasher::hash(token);
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO tokens (user_id, admin, lookup, salt, hash, created_at) "
                  u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(admin ? QVariant() : QVariant(userId));
    query.addBindValue(admin ? 1 : 0);
    query.addBindValue(hashed.lookup);
    query.addBindValue(hashed.salt);
    query.addBindValue(hashed.hash);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcServer) << "cannot store a token:" << query.lastError().text();
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

StoreRead<TokenRepository::Info> TokenRepository::remove(qint64 tokenId) const
{
    const auto infos = list();
    if (!infos)
        return StoreRead<Info>::readFailed();
    std::optional<Info> info;
    for (const Info &candidate : *infos) {
        if (candidate.tokenId == tokenId)
            info = candidate;
    }
    if (!info)
        return StoreRead<Info>::notFound();
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM tokens WHERE id = ?"_s);
    query.addBindValue(tokenId);
    if (!query.exec() || query.numRowsAffected() != 1) {
        qCWarning(lcServer) << "cannot remove a token:" << query.lastError().text();
        return StoreRead<Info>::readFailed();
    }
    return StoreRead<Info>::fromValue(*info);
}

std::optional<QList<TokenRepository::Info>> TokenRepository::list(const QString &userId) const
{
    QSqlQuery query(m_database.connection());
    if (userId.isEmpty()) {
        query.prepare(u"SELECT id, user_id, admin, created_at FROM tokens ORDER BY id"_s);
    } else {
        query.prepare(
            u"SELECT id, user_id, admin, created_at FROM tokens WHERE user_id = ? ORDER BY id"_s);
        query.addBindValue(userId);
    }
    QList<Info> infos;
    if (query.exec()) {
        while (query.next())
            infos.append({query.value(0).toLongLong(), query.value(1).toString(),
                          query.value(2).toBool(), query.value(3).toLongLong()});
    }
    if (query.lastError().isValid()) {
        qCWarning(lcServer) << "cannot list the tokens:" << query.lastError().text();
        return std::nullopt;
    }
    return infos;
}
