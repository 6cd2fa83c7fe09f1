#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The server's SQLite database: opens it with the durability settings the protocol's "ack only
// after commit" promise needs (WAL, synchronous=FULL) and creates or upgrades the schema.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // 1: users, devices, rules, tokens, applied requests. 2: + unanswered.
    static constexpr int schemaVersion = 2;

    // Each Database has its own Qt SQL connection name, so the server and a test (or the admin
    // tool) can have several open at once.
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, QString *error);
    bool isOpen() const;
    QSqlDatabase connection() const;
    QString path() const { return m_path; }

    // The default file: <AppDataLocation>/followme-server.sqlite.
    static QString defaultPath();

private:
    // The file's user_version; nullopt (with the reason) when it can't be read.
    std::optional<int> storedSchemaVersion(QString *error) const;
    // The schema version, or nullopt with the reason for a database of a newer server or one
    // whose version can't be read; reads only.
    std::optional<int> knownSchemaVersion(QString *error) const;
    bool configure(QString *error);
    bool migrate(QString *error);
    bool execAll(const char16_t *const *statements, qsizetype count, QString *error);

    QString m_connectionName;
    QString m_path;
};
