#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A throwaway PostgreSQL cluster from Debian's packages for one test: initdb and pg_ctl in a
// temporary folder, reachable only through a Unix socket there (no TCP port, so nothing
// collides with another test or a system cluster), trust authentication for the one role
// "followme". PostgreSQL refuses to run as root: under root (a CI container) the cluster runs as
// the postgres system user that Debian's package creates.
class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster(); // stops the cluster
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // The folder of initdb and pg_ctl (FOLLOWME_PG_BINDIR, or the newest one under
    // /usr/lib/postgresql), or empty when PostgreSQL is not installed.
    static QString binDir();

    // initdb + start; false with the reason in errors().
    bool start();
    bool stop();
    // pg_ctl restart -m fast: every connection to the cluster is cut.
    bool restart();
    // Creates a database; false with the reason in errors().
    bool createDatabase(const QString &name);
    // Runs one SQL statement with psql in `database`; its rows (unaligned, tuples only) in
    // `rows`. False with the reason in errors().
    bool sql(const QString &database, const QString &statement, QString *rows = nullptr);
    // --db for followme-server: postgresql://followme@/NAME?host=SOCKETFOLDER&port=PORT.
    QString url(const QString &database) const;
    QString errors() const { return m_errors; }

private:
    // Runs a PostgreSQL program, as the postgres user when this process is root.
    bool run(const QString &program, const QStringList &arguments, bool asOwner,
             QString *output = nullptr);

    QTemporaryDir m_dir;
    QString m_bin;
    bool m_running = false;
    QString m_errors;
};
