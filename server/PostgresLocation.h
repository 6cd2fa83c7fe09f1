// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// Where a PostgreSQL database is, from a libpq connection URL as --db takes it:
// postgresql://[user[:password]@][host][:port][/dbname][?param=value&...]. What the URL leaves
// out, libpq takes from its environment (PGHOST, PGUSER, PGPASSFILE, PGSERVICE, ...), so a
// service file or ~/.pgpass works as for psql. Query parameters (host=/run/postgresql for a
// Unix socket folder, sslmode, service, application_name, ...) go to libpq as they are.
class PostgresLocation
{
    Q_DECLARE_TR_FUNCTIONS(PostgresLocation)

public:
    // True for a postgresql:// or postgres:// URL: --db is then not a file name.
    static bool isUrl(const QString &text);
    // Nothing (with the reason) for a URL libpq could not use.
    static std::optional<PostgresLocation> parse(const QString &url, QString *error);

    // Sets host, port, database, user, password and the other parameters on a QPSQL connection.
    void applyTo(QSqlDatabase &db) const;
    // The URL without its password: for logs and messages.
    QString displayName() const;

private:
    QString m_host;
    int m_port = -1;
    QString m_database;
    QString m_user;
    QString m_password;
    QStringList m_options; // key=value, for QSqlDatabase::setConnectOptions
};
