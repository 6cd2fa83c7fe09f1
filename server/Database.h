#pragma once

#include "DatabaseLock.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class PreparedQueries;

// The server's database: a SQLite file (the default, one server) or a PostgreSQL database
// (many servers at once, docs/deployment.md). Opens it with the durability settings the
// protocol's "ack only after commit" promise needs (SQLite: WAL, synchronous=FULL; PostgreSQL:
// synchronous_commit) and creates or upgrades the schema; a newer server's schema is refused
// untouched. For SQLite it refuses a damaged file (quick_check) and one it cannot write; files
// and folders it creates are the owner's alone (0600, 0700).
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // 1: users, devices, rules, tokens, applied requests. 2: + unanswered. 3: + audit log.
    // 4: + failed logins (counted across servers on PostgreSQL). 5: + change log and server
    // instances (pushes across servers on PostgreSQL).
    static constexpr int schemaVersion = 6;

    // Each Database has its own Qt SQL connection name, so the server and a test (or the admin
    // tool) can have several open at once.
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // OneServer also takes the DatabaseLock, so a second server on the file is refused;
    // followme-admin --db shares the file with a running server.
    // Sharing is about SQLite files; a PostgreSQL database is always shared.
    enum class Sharing { Shared, OneServer };
    // `location`: a file name, or a postgresql:// URL (PostgresLocation).
    bool open(const QString &location, QString *error, Sharing sharing = Sharing::Shared);
    bool isOpen() const;
    QSqlDatabase connection() const;
    // The file, or the URL without its password.
    QString path() const { return m_path; }
    enum class Backend { SQLite, PostgreSQL };
    Backend backend() const { return m_backend; }

    // PostgreSQL: a connection that was lost (the database restarted, the network dropped) is
    // opened again; false while that fails. Called where no statement or transaction is under
    // way (the start of a hello, a group of edits, an admin command), so nothing half-done
    // goes on in a new session. SQLite: always true.
    bool reconnectIfLost();
    // A request failed on the database: the next reconnectIfLost() checks the connection with a
    // round trip (Qt's driver does not always tell a lost one from a failed statement).
    void noteFailure() { m_failureSeen = true; }
    // The statement caches on this connection, dropped when it reconnects.
    void addStatementCache(const PreparedQueries *cache) const { m_caches.append(cache); }
    void removeStatementCache(const PreparedQueries *cache) const { m_caches.removeOne(cache); }

    // The default file: <AppDataLocation>/followme-server.sqlite.
    static QString defaultPath();

private:
    bool openSqlite(const QString &path, QString *error, Sharing sharing);
    bool openPostgres(const QString &url, QString *error);
    // Creates the missing folders (0700) and an empty database file (0600; SQLite gives the
    // -wal and -shm files the database file's mode), or says why not.
    bool preparePath(QString *error) const;
    // The database and its folder (for the -wal and -shm files) must be writable.
    bool checkWritable(QString *error) const;
    bool checkIntact(QString *error) const;
    QString damagedMessage(const QString &detail) const;
    // The file's user_version; nullopt (with the reason) when it can't be read.
    std::optional<int> storedSchemaVersion(QString *error) const;
    // The schema version, or nullopt with the reason for a database of a newer server or one
    // whose version can't be read; reads only.
    std::optional<int> knownSchemaVersion(QString *error) const;
    bool configure(QString *error);
    bool configurePostgres(QString *error);
    bool migrate(QString *error);
    // The statement with its {type} words for this backend.
    QString inDialect(const char16_t *statement) const;
    bool execAll(const char16_t *const *statements, qsizetype count, QString *error);

    Backend m_backend = Backend::SQLite;
    mutable QList<const PreparedQueries *> m_caches;
    bool m_failureSeen = false;
    DatabaseLock m_lock;
    QString m_connectionName;
    QString m_path;
};
