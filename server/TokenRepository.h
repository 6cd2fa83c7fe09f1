#pragma once

#include "StoreRead.h"

#include <QList>
#include <QString>

#include <optional>

class Database;

// The access tokens, hashed (TokenHasher). A user token belongs to one user; an admin token to
// no user and opens an admin session. A failed read is told apart from an unknown token, so
// a damaged database never looks like a wrong password.
class TokenRepository
{
public:
    struct Identity
    {
        qint64 tokenId = 0;
        QString userId; // empty for an admin token
        bool admin = false;
    };
    struct Info
    {
        qint64 tokenId = 0;
        QString userId;
        bool admin = false;
        qint64 createdAt = 0; // seconds since the epoch
    };

    explicit TokenRepository(const Database &database);

    StoreRead<Identity> identify(const QString &token) const;
    // Stores the token's hash; the caller runs it inside its transaction if it wants one.
    std::optional<qint64> add(const QString &token, const QString &userId, bool admin) const;
    // The token's owner before removal; not found when there is no such token.
    StoreRead<Info> remove(qint64 tokenId) const;
    // Nothing: the read failed.
    std::optional<QList<Info>> list(const QString &userId = {}) const;

private:
    const Database &m_database;
};
