#pragma once

#include "PostgresCluster.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// The database a server test runs on, as its --db: a SQLite file in a temporary folder, or,
// when the test is run with FOLLOWME_TEST_DATABASE=postgresql (CTest registers the suites that
// way too, as NAME_postgresql), a database in a throwaway PostgreSQL cluster. So one suite
// proves both backends keep the protocol's promises.
class TestDatabase
{
public:
    TestDatabase() = default;

    static bool postgresWanted();
    // Makes the database `name`; false with the reason in errors().
    bool create(const QString &name = QStringLiteral("followme"));
    // For followme-server --db and followme-admin --db.
    QString location() const { return m_location; }
    bool isPostgres() const { return m_cluster != nullptr; }
    PostgresCluster *cluster() const { return m_cluster.get(); }
    QString errors() const { return m_errors; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresCluster> m_cluster;
    QString m_location;
    QString m_errors;
};
