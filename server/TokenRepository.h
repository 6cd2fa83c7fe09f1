#pragma once

#include <QList>
#include <QString>

#include <optional>

class Database;

// The access tokens, hashed (TokenHasher). A user token belongs to one user; an admin token to
// no user and opens an admin session.
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

    std::optional<Identity> identify(const QString &token) const;
    // Stores the token's hash; the caller runs it inside its transaction if it wants one.
    std::optional<qint64> add(const QString &token, const QString &userId, bool admin) const;
    // The token's owner before removal, or nothing when there is no such token.
    std::optional<Info> remove(qint64 tokenId) const;
    QList<Info> list(const QString &userId = {}) const;

private:
    const Database &m_database;
};
