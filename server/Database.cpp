#include "Database.h"

#include "PostgresLocation.h"
#include "PreparedQueries.h"
#include "ServerLog.h"
#include "SqlTransaction.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <iterator>

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<int> connectionCounter;

// The schema, step by step, for both backends. The words in braces are the types that differ:
// SQLite's INTEGER is 64 bits already and its INTEGER PRIMARY KEY is the row id; PostgreSQL
// needs BIGINT, BYTEA and identity columns. The statements of the repositories are the same.
// Version 1 of the schema. Device ids are the primary key of `devices`, so they are unique
// server-wide as the protocol requires; a user's revision lives with the user.
const char16_t *const schemaV1[] = {
    u"CREATE TABLE users ("
    u" id TEXT PRIMARY KEY,"
    u" name TEXT NOT NULL,"
    u" revision {int64} NOT NULL DEFAULT 1,"
    u" controlled_device TEXT NOT NULL DEFAULT '')",
    u"CREATE TABLE devices ("
    u" id TEXT PRIMARY KEY,"
    u" user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    u" position INTEGER NOT NULL,"
    u" name TEXT NOT NULL,"
    u" kind TEXT NOT NULL,"
    u" number TEXT NOT NULL,"
    u" user_configurable INTEGER NOT NULL,"
    u" workspace TEXT NOT NULL DEFAULT '')",
    u"CREATE INDEX devices_by_user ON devices(user_id, position)",
    u"CREATE TABLE rules ("
    u" device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
    u" call_kind TEXT NOT NULL,"
    u" enabled INTEGER NOT NULL,"
    u" delay INTEGER NOT NULL,"
    u" timeout INTEGER NOT NULL,"
    u" PRIMARY KEY (device_id, call_kind))",
    // user_id is NULL for admin tokens. `lookup` is a short, non-secret prefix of an unsalted
    // hash so a login finds its candidate rows without hashing every stored token.
    u"CREATE TABLE tokens ("
    u" id {counter},"
    u" user_id TEXT REFERENCES users(id) ON DELETE CASCADE,"
    u" admin INTEGER NOT NULL DEFAULT 0,"
    u" lookup TEXT NOT NULL,"
    u" salt {blob} NOT NULL,"
    u" hash {blob} NOT NULL,"
    u" created_at {int64} NOT NULL,"
    u" CHECK ((user_id IS NULL) = (admin = 1)))",
    u"CREATE INDEX tokens_by_lookup ON tokens(lookup)",
    u"CREATE TABLE applied_requests ("
    u" user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    u" request_id TEXT NOT NULL,"
    u" revision {int64} NOT NULL,"
    u" applied_at {int64} NOT NULL,"
    u" PRIMARY KEY (user_id, request_id))",
    u"CREATE INDEX applied_requests_by_revision ON applied_requests(user_id, revision)",
};

// Version 2 adds what happens to a call nobody answers, per user and call kind; no row means
// "not known" (the settings document's absent key). IF NOT EXISTS: a half-migrated file (the
// table there, user_version still 1) must not stop the server.
const char16_t *const schemaV2[] = {
    u"CREATE TABLE IF NOT EXISTS unanswered ("
    u" user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    u" call_kind TEXT NOT NULL,"
    u" action TEXT NOT NULL,"
    u" number TEXT NOT NULL DEFAULT '',"
    u" PRIMARY KEY (user_id, call_kind))",
};

// Version 3 adds the audit log: every change of a user's settings and who made it. No foreign
// key to users: the record of a removed user's changes stays. The index serves "this user's,
// newest first".
const char16_t *const schemaV3[] = {
    u"CREATE TABLE IF NOT EXISTS audit_log ("
    u" id {rowid},"
    u" user_id TEXT NOT NULL,"
    u" at {int64} NOT NULL,"
    u" revision {int64} NOT NULL,"
    u" by_kind TEXT NOT NULL,"
    u" by_token {int64},"
    u" by_from TEXT NOT NULL DEFAULT '',"
    u" action TEXT NOT NULL,"
    u" device_id TEXT NOT NULL DEFAULT '',"
    u" call_kind TEXT NOT NULL DEFAULT '',"
    u" before TEXT,"
    u" after TEXT)",
    u"CREATE INDEX IF NOT EXISTS audit_log_by_user ON audit_log(user_id, id)",
};

// Version 4 adds the failed logins that servers sharing a PostgreSQL database count together
// (SharedLoginFailures; unused on SQLite, where one server counts alone). Address and time in
// milliseconds since the epoch; the index serves "this address's, since".
const char16_t *const schemaV4[] = {
    u"CREATE TABLE IF NOT EXISTS login_failures ("
    u" address TEXT NOT NULL,"
    u" at {int64} NOT NULL)",
    u"CREATE INDEX IF NOT EXISTS login_failures_by_address ON login_failures(address, at)",
};

// Version 5 adds what servers sharing a PostgreSQL database tell each other (ChangeLog): each
// committed change once, until every live server has read it, and when each server was last
// heard from. Unused on SQLite, where one server pushes every change itself.
const char16_t *const schemaV5[] = {
    u"CREATE TABLE IF NOT EXISTS change_log ("
    u" id {rowid},"
    u" origin TEXT NOT NULL,"
    u" user_id TEXT NOT NULL,"
    u" at {int64} NOT NULL,"
    u" body TEXT NOT NULL)",
    u"CREATE INDEX IF NOT EXISTS change_log_by_time ON change_log(at)",
    u"CREATE TABLE IF NOT EXISTS server_instances ("
    u" id TEXT PRIMARY KEY,"
    u" seen_at {int64} NOT NULL)",
};

// Version 6 adds the user's ring profiles and their schedule: the settings document's profile
// members (ProfileCodec) as one JSON object per user, read and written whole with the settings.
// No row: the user has no profiles yet. The active profile's rules stay in `rules`.
const char16_t *const schemaV6[] = {
    u"CREATE TABLE IF NOT EXISTS user_profiles ("
    u" user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
    u" document TEXT NOT NULL)",
};

// PostgreSQL has no user_version: the schema's version is this table's one row.
const char16_t *const postgresVersionTable[] = {
    u"CREATE TABLE IF NOT EXISTS followme_schema (version INTEGER NOT NULL)",
    u"INSERT INTO followme_schema (version) SELECT 0 "
    u"WHERE NOT EXISTS (SELECT 1 FROM followme_schema)",
};

// Taken by every server and followme-admin that migrates: two instances starting at once on
// an empty database must not both create the tables. ("FoMe" in ASCII.)
constexpr qint64 migrationLockKey = 0x466f4d65;

} // namespace

Database::Database()
    : m_connectionName(u"followme-server-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"followme-server.sqlite"_s);
}

bool Database::open(const QString &location, QString *error, Sharing sharing)
{
    if (PostgresLocation::isUrl(location))
        return openPostgres(location, error);
    return openSqlite(location, error, sharing);
}

bool Database::openSqlite(const QString &path, QString *error, Sharing sharing)
{
    m_backend = Backend::SQLite;
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        *error = tr("the Qt SQLite driver is missing (Debian: libqt6sql6-sqlite)");
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    if (!preparePath(error))
        return false;
    // The file itself, not the way to it: two servers reaching it through a link must meet at
    // one lock, and a backup must know every name of it.
    if (const QString canonical = QFileInfo(m_path).canonicalFilePath(); !canonical.isEmpty())
        m_path = canonical;
    if (!checkWritable(error))
        return false;
    // Before SQLite touches the file: a second server must not even switch it to WAL.
    if (sharing == Sharing::OneServer && !m_lock.acquire(m_path, error))
        return false;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = tr("cannot open the database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    return configure(error) && migrate(error);
}

bool Database::openPostgres(const QString &url, QString *error)
{
    m_backend = Backend::PostgreSQL;
    const auto location = PostgresLocation::parse(url, error);
    if (!location)
        return false;
    m_path = location->displayName();
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = tr("the Qt PostgreSQL driver is missing (Debian: libqt6sql6-psql)");
        return false;
    }
    // Many servers may share one PostgreSQL database: no lock file, the database serialises.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    location->applyTo(db);
    if (!db.open()) {
        *error = tr("cannot open the database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    return configure(error) && migrate(error);
}

bool Database::preparePath(QString *error) const
{
    const QFileInfo info(m_path);
    QStringList missing;
    for (QDir dir = info.absoluteDir(); !dir.exists(); dir.setPath(QFileInfo(dir.path()).path()))
        missing.prepend(dir.path());
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            *error = tr("cannot create the folder %1").arg(folder);
            return false;
        }
    }
    if (info.exists())
        return true;
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFile::ReadOwner | QFile::WriteOwner)) {
        *error = tr("cannot create the database %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

bool Database::checkWritable(QString *error) const
{
    // isWritable asks the system (access(2)), so it also sees a read-only mount, which root's
    // permission bits would not show.
    const QFileInfo info(m_path);
    const QFileInfo folder(info.absolutePath());
    if (!info.isWritable()) {
        *error = tr("the database %1 is read-only; the server needs to write it").arg(m_path);
        return false;
    }
    if (!folder.isWritable()) {
        *error = tr("the folder %1 is read-only; SQLite needs to create the database's -wal "
                    "and -shm files there")
                     .arg(folder.absoluteFilePath());
        return false;
    }
    return true;
}

bool Database::checkIntact(QString *error) const
{
    // quick_check reads every page (O(N), without the slow index cross-checks of
    // integrity_check) and writes nothing.
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA quick_check"_s)) {
        const QString code = query.lastError().nativeErrorCode();
        // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): damaged; anything else (busy) is not.
        *error = code == u"11" || code == u"26"
            ? damagedMessage(query.lastError().text())
            : tr("cannot check the database %1: %2").arg(m_path, query.lastError().text());
        return false;
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems.append(line);
    }
    if (query.lastError().isValid())
        problems.append(query.lastError().text());
    if (problems.isEmpty())
        return true;
    *error = damagedMessage(problems.mid(0, 3).join(u"; "_s));
    return false;
}

QString Database::damagedMessage(const QString &detail) const
{
    return tr("the database %1 is damaged (%2). It was left as it is: stop, put your latest "
              "backup (made with followme-admin backup) in its place, and start again")
        .arg(m_path, detail);
}

bool Database::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::configure(QString *error)
{
    if (m_backend == Backend::PostgreSQL)
        return configurePostgres(error);
    QSqlQuery query(connection());
    // busy_timeout first: another process (followme-admin --db) may hold the write lock.
    // WAL + synchronous=FULL: a COMMIT returns only once the WAL is on disk, so an ack sent
    // after it survives a SIGKILL or a power cut.
    if (!query.exec(u"PRAGMA busy_timeout = 5000"_s)) {
        *error = tr("cannot configure the database: %1").arg(query.lastError().text());
        return false;
    }
    // Before anything that writes: switching to WAL rewrites the file's header, and a newer
    // server's database, like a damaged one, must be left exactly as it is.
    if (!checkIntact(error) || !knownSchemaVersion(error))
        return false;
    const char16_t *const pragmas[] = {
        u"PRAGMA journal_mode = WAL",
        u"PRAGMA synchronous = FULL",
        u"PRAGMA foreign_keys = ON",
    };
    for (const char16_t *pragma : pragmas) {
        if (!query.exec(QString::fromUtf16(pragma))) {
            *error = tr("cannot configure the database: %1").arg(query.lastError().text());
            return false;
        }
    }
    query.exec(u"PRAGMA journal_mode"_s);
    if (!query.next() || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qCWarning(lcServer) << "the database is not in WAL mode; commits are slower";
    // Taking the write lock is the proof that commits can work (a read-only file or mount that
    // the checks above missed); it writes nothing.
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = tr("the database %1 cannot be written: %2").arg(m_path, query.lastError().text());
        return false;
    }
    query.exec(u"ROLLBACK"_s);
    return true;
}

bool Database::configurePostgres(QString *error)
{
    // synchronous_commit on whatever the cluster's default: a COMMIT returns once the WAL is
    // flushed, which the ack promises. Notices (IF NOT EXISTS and the like) stay out of the log.
    const char16_t *const settings[] = {
        u"SET synchronous_commit TO on",
        u"SET client_min_messages TO warning",
    };
    QSqlQuery query(connection());
    for (const char16_t *setting : settings) {
        if (!query.exec(QString::fromUtf16(setting))) {
            *error = tr("cannot configure the database: %1").arg(query.lastError().text());
            return false;
        }
    }
    return knownSchemaVersion(error).has_value();
}

bool Database::reconnectIfLost()
{
    if (m_backend != Backend::PostgreSQL)
        return true;
    QSqlDatabase db = connection();
    if (db.isOpen() && !m_failureSeen)
        return true;
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(u"SELECT 1"_s)) {
            m_failureSeen = false;
            return true;
        }
    }
    db.close();
    // Their statements belong to the lost connection: freed now, while none is open.
    for (const PreparedQueries *cache : std::as_const(m_caches))
        cache->drop();
    QString error;
    if (!db.open() || !configurePostgres(&error)) {
        qCWarning(lcServer).noquote()
            << "the database" << m_path
            << "is still unreachable:" << (error.isEmpty() ? db.lastError().text() : error);
        return false;
    }
    m_failureSeen = false;
    qCInfo(lcServer).noquote() << "reconnected to the database" << m_path;
    return true;
}

std::optional<int> Database::storedSchemaVersion(QString *error) const
{
    QSqlQuery query(connection());
    if (m_backend == Backend::PostgreSQL) {
        // No table yet: an empty database, version 0.
        if (query.exec(u"SELECT to_regclass('followme_schema') IS NOT NULL"_s) && query.next()
            && !query.value(0).toBool())
            return 0;
        if (query.exec(u"SELECT MAX(version) FROM followme_schema"_s) && query.next())
            return query.value(0).toInt();
        *error = tr("cannot read the database's schema version: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (query.exec(u"PRAGMA user_version"_s) && query.next())
        return query.value(0).toInt();
    // Busy beyond the timeout, or not a database at all: nothing may be written to it.
    *error = tr("cannot read the database's schema version: %1").arg(query.lastError().text());
    return std::nullopt;
}

std::optional<int> Database::knownSchemaVersion(QString *error) const
{
    const auto version = storedSchemaVersion(error);
    if (!version || *version <= schemaVersion)
        return version;
    *error = tr("the database was written by a newer server (schema %1, this server knows %2)")
                 .arg(*version)
                 .arg(schemaVersion);
    return std::nullopt;
}

bool Database::migrate(QString *error)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive()) {
        *error = tr("cannot start a transaction: %1").arg(transaction.errorText());
        return false;
    }
    if (m_backend == Backend::PostgreSQL) {
        QSqlQuery lock(db);
        if (!lock.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(migrationLockKey))) {
            *error = tr("cannot create the database schema: %1").arg(lock.lastError().text());
            return false;
        }
    }
    // Read again under the lock: another server may have just migrated.
    const auto known = knownSchemaVersion(error);
    if (!known)
        return false;
    const int version = *known;
    const bool postgres = m_backend == Backend::PostgreSQL;
    if (postgres && version < 1
        && !execAll(postgresVersionTable, qsizetype(std::size(postgresVersionTable)), error))
        return false;
    // Each step upgrades from the version before, so a database of any older server ends up
    // current; all in the one transaction, so a failed upgrade leaves the old one untouched.
    if (version < 1 && !execAll(schemaV1, qsizetype(std::size(schemaV1)), error))
        return false;
    if (version < 2 && !execAll(schemaV2, qsizetype(std::size(schemaV2)), error))
        return false;
    if (version < 3 && !execAll(schemaV3, qsizetype(std::size(schemaV3)), error))
        return false;
    if (version < 4 && !execAll(schemaV4, qsizetype(std::size(schemaV4)), error))
        return false;
    if (version < 5 && !execAll(schemaV5, qsizetype(std::size(schemaV5)), error))
        return false;
    if (version < 6 && !execAll(schemaV6, qsizetype(std::size(schemaV6)), error))
        return false;
    if (version < schemaVersion) {
        if (version > 0)
            qCInfo(lcServer) << "upgraded the database schema from version" << version << "to"
                             << schemaVersion;
        QSqlQuery query(db);
        const QString setVersion =
            postgres ? u"UPDATE followme_schema SET version = %1"_s : u"PRAGMA user_version = %1"_s;
        if (!query.exec(setVersion.arg(schemaVersion))) {
            *error = tr("cannot create the database schema: %1").arg(query.lastError().text());
            return false;
        }
    }
    if (!transaction.commit()) {
        *error = tr("cannot create the database schema: %1").arg(transaction.errorText());
        return false;
    }
    return true;
}

QString Database::inDialect(const char16_t *statement) const
{
    const bool postgres = m_backend == Backend::PostgreSQL;
    return QString::fromUtf16(statement)
        .replace(u"{int64}"_s, postgres ? u"BIGINT"_s : u"INTEGER"_s)
        .replace(u"{blob}"_s, postgres ? u"BYTEA"_s : u"BLOB"_s)
        // AUTOINCREMENT: SQLite never hands out a removed token's id again; nor does an identity.
        .replace(u"{counter}"_s,
                 postgres ? u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s
                          : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s)
        .replace(u"{rowid}"_s,
                 postgres ? u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s
                          : u"INTEGER PRIMARY KEY"_s);
}

bool Database::execAll(const char16_t *const *statements, qsizetype count, QString *error)
{
    for (qsizetype i = 0; i < count; ++i) {
        QSqlQuery query(connection());
        if (!query.exec(inDialect(statements[i]))) {
            *error = tr("cannot create the database schema: %1").arg(query.lastError().text());
            return false;
        }
    }
    return true;
}
