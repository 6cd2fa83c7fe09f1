#include "PostgresCluster.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QVersionNumber>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int port = 5432; // only names the socket file: the cluster listens on no TCP port
const QString role = u"followme"_s;

// The system user a root process runs the cluster as.
const char *const clusterOwner = "postgres";

} // namespace

PostgresCluster::PostgresCluster()
    : m_bin(binDir())
{ }

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::binDir()
{
    const QString fromEnvironment = qEnvironmentVariable("FOLLOWME_PG_BINDIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QString best;
    QVersionNumber bestVersion;
    const QDir versions(u"/usr/lib/postgresql"_s);
    for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        const QString bin = versions.filePath(entry + u"/bin"_s);
        if (QFileInfo::exists(bin + u"/initdb"_s) && version > bestVersion) {
            best = bin;
            bestVersion = version;
        }
    }
    return best;
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments, bool asOwner,
                          QString *output)
{
    QProcess process;
    const QString path = m_bin + u'/' + program;
    // runuser (util-linux, in every Debian) rather than su: no PAM session, no password.
    if (asOwner && geteuid() == 0) {
        process.setProgram(u"runuser"_s);
        process.setArguments(QStringList {u"-u"_s, QString::fromLatin1(clusterOwner), u"--"_s, path}
                             + arguments);
    } else {
        process.setProgram(path);
        process.setArguments(arguments);
    }
    process.start();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_errors += u"%1 %2 failed: %3%4\n"_s.arg(
            program, arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()),
            process.errorString());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}

bool PostgresCluster::start()
{
    if (m_bin.isEmpty()) {
        m_errors = u"PostgreSQL is not installed (Debian: postgresql)"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_errors = u"no temporary folder"_s;
        return false;
    }
    if (geteuid() == 0) {
        const passwd *owner = getpwnam(clusterOwner);
        if (!owner
            || chown(QFile::encodeName(m_dir.path()).constData(), owner->pw_uid, owner->pw_gid)
                != 0) {
            m_errors = u"running as root, and there is no postgres user to run the cluster as"_s;
            return false;
        }
    }
    const QString data = m_dir.filePath(u"data"_s);
    // --no-sync: a test's cluster need not survive a power cut of the machine; the server's own
    // commits are still synchronous.
    if (!run(u"initdb"_s,
             {u"-D"_s, data, u"-U"_s, role, u"-A"_s, u"trust"_s, u"-E"_s, u"UTF8"_s, u"--no-sync"_s,
              u"--locale=C"_s},
             true))
        return false;
    const QString options =
        u"-k %1 -c listen_addresses='' -p %2 -c fsync=on"_s.arg(m_dir.path()).arg(port);
    if (!run(u"pg_ctl"_s,
             {u"-D"_s, data, u"-l"_s, m_dir.filePath(u"server.log"_s), u"-o"_s, options, u"-w"_s,
              u"-t"_s, u"60"_s, u"start"_s},
             true)) {
        QFile log(m_dir.filePath(u"server.log"_s));
        if (log.open(QIODevice::ReadOnly))
            m_errors += QString::fromLocal8Bit(log.readAll());
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresCluster::stop()
{
    if (!m_running)
        return true;
    m_running = false;
    return run(u"pg_ctl"_s,
               {u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s}, true);
}

bool PostgresCluster::restart()
{
    return m_running
        && run(u"pg_ctl"_s,
               {u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"60"_s,
                u"restart"_s},
               true);
}

bool PostgresCluster::createDatabase(const QString &name)
{
    return run(u"createdb"_s,
               {u"-h"_s, m_dir.path(), u"-p"_s, QString::number(port), u"-U"_s, role, name}, false);
}

QString PostgresCluster::url(const QString &database) const
{
    return u"postgresql://%1@/%2?host=%3&port=%4"_s.arg(role, database, m_dir.path()).arg(port);
}

bool PostgresCluster::sql(const QString &database, const QString &statement, QString *rows)
{
    return run(u"psql"_s,
               {u"-h"_s, m_dir.path(), u"-p"_s, QString::number(port), u"-U"_s, role, u"-d"_s,
                database, u"-X"_s, u"-q"_s, u"-t"_s, u"-A"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s,
                u"-c"_s, statement},
               false, rows);
}
