#include "TestDatabase.h"

using namespace Qt::StringLiterals;

bool TestDatabase::postgresWanted()
{
    return qEnvironmentVariable("FOLLOWME_TEST_DATABASE") == u"postgresql";
}

bool TestDatabase::create(const QString &name)
{
    if (!postgresWanted()) {
        if (!m_dir.isValid()) {
            m_errors = u"no temporary folder"_s;
            return false;
        }
        m_location = m_dir.filePath(name + u".sqlite"_s);
        return true;
    }
    if (!m_cluster) {
        m_cluster = std::make_unique<PostgresCluster>();
        if (!m_cluster->start()) {
            m_errors = m_cluster->errors();
            return false;
        }
    }
    if (!m_cluster->createDatabase(name)) {
        m_errors = m_cluster->errors();
        return false;
    }
    m_location = m_cluster->url(name);
    qInfo("on PostgreSQL: %s", qPrintable(m_location));
    return true;
}
