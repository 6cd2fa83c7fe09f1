// SPDX-License-Identifier: GPL-3.0-or-later
// The server's database under real faults: a damaged page at start and while it runs, a second
// server on the same file, a read-only file or folder, the modes of the files it creates, and
// followme-admin backup while edits are committed.
#include "ServerProcess.h"
#include "TestClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QJsonObject hello(const QString &token)
{
    return {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token}};
}

QJsonObject setRule(const QString &id, int delay)
{
    return {{u"type"_s, u"setRule"_s},
            {u"id"_s, id},
            {u"device"_s, u"mobile"_s},
            {u"callKind"_s, u"external"_s},
            {u"delay"_s, delay}};
}

// A server start that must fail: its exit code and standard error.
std::pair<int, QString> refusedStart(const QString &databasePath)
{
    QProcess process;
    process.start(ServerProcess::serverExecutable(),
                  {u"--db"_s, databasePath, u"--listen"_s, u"127.0.0.1:0"_s});
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return {-1, u"still running"_s};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

// What alice's hello gets when it is refused: "CODE CLOSECODE".
QString aliceHelloAnswer(const QUrl &url)
{
    TestClient client;
    if (!client.open(url))
        return u"no connection"_s;
    client.sendJson(hello(u"alice-demo-token"_s));
    const auto answer = client.next();
    if (!answer || answer->value(u"type"_s) != u"error"_s)
        return answer ? answer->value(u"type"_s).toString() : u"nothing"_s;
    return u"%1 %2"_s.arg(answer->value(u"code"_s).toString()).arg(client.waitForClose());
}

bool createDemoDatabase(const QString &path)
{
    ServerProcess server;
    return server.start(path, {u"--demo"_s}) && server.terminate() == 0;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int mode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// A connection of the test's own to the server's file, beside the server as another process
// would be. Damages pages under the running server: SQLite drops its whole page cache when
// the WAL shows another connection's commit, so after bump() the server reads the damaged
// pages from the file.
class Saboteur
{
public:
    explicit Saboteur(const QString &path)
        : m_path(path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"saboteur"_s);
        db.setDatabaseName(path);
        m_open = db.open();
        QSqlQuery query(db);
        m_open = m_open && query.exec(u"PRAGMA page_size"_s) && query.next();
        m_pageSize = query.value(0).toLongLong();
        m_open = m_open && query.exec(u"CREATE TABLE IF NOT EXISTS test_bump (n INTEGER)"_s);
    }
    ~Saboteur()
    {
        QSqlDatabase::database(u"saboteur"_s, false).close();
        QSqlDatabase::removeDatabase(u"saboteur"_s);
    }

    bool isOpen() const { return m_open; }

    // Overwrites the root pages of these tables and indexes with zeros; keeps the originals.
    bool damage(const QStringList &names)
    {
        QSqlQuery query(QSqlDatabase::database(u"saboteur"_s, false));
        // Everything in the file, so that the WAL holds no copy of the pages damaged below.
        if (!query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !query.next()
            || query.value(0).toInt() != 0)
            return false;
        QFile file(m_path);
        if (!file.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
            return false;
        for (const QString &name : names) {
            query.prepare(u"SELECT rootpage FROM sqlite_schema WHERE name = ?"_s);
            query.addBindValue(name);
            if (!query.exec() || !query.next())
                return false;
            const qint64 offset = (query.value(0).toLongLong() - 1) * m_pageSize;
            file.seek(offset);
            m_saved.insert(offset, file.read(m_pageSize));
            file.seek(offset);
            if (file.write(QByteArray(m_pageSize, '\0')) != m_pageSize)
                return false;
        }
        return bump();
    }

    bool repair()
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
            return false;
        for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it) {
            file.seek(it.key());
            if (file.write(it.value()) != it.value().size())
                return false;
        }
        m_saved.clear();
        return bump();
    }

private:
    bool bump()
    {
        QSqlQuery query(QSqlDatabase::database(u"saboteur"_s, false));
        return query.exec(u"INSERT INTO test_bump VALUES (1)"_s);
    }

    QString m_path;
    qint64 m_pageSize = 0;
    bool m_open = false;
    QHash<qint64, QByteArray> m_saved;
};

} // namespace

class tst_FaultDatabase : public QObject
{
    Q_OBJECT

private slots:
    void damagedFileIsRefusedAndLeftAsItIs();
    void failedTokenReadIsInternalNotAFailedLogin();
    void failedDeviceReadIsInternalNeverAnEmptySnapshot();
    void secondServerOnTheFileIsRefused();
    void readOnlyStorageIsRefused_data();
    void readOnlyStorageIsRefused();
    void createdFilesAreTheOwnersAlone();
    void backupWhileEditsAreCommitted();
    void backupRefusesWhatIsNoBackup();
};

void tst_FaultDatabase::damagedFileIsRefusedAndLeftAsItIs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    QVERIFY(createDemoDatabase(db));
    {
        Saboteur saboteur(db);
        QVERIFY(saboteur.isOpen());
        QVERIFY(saboteur.damage({u"devices"_s}));
        // Into the file, so the server finds the damage there and not in the WAL.
        QSqlQuery query(QSqlDatabase::database(u"saboteur"_s, false));
        QVERIFY(query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    const QByteArray before = fileContents(db);
    QVERIFY(!before.isEmpty());

    const auto [code, message] = refusedStart(db);
    QCOMPARE(code, 2);
    QVERIFY2(message.contains(u"damaged"_s), qPrintable(message));
    QVERIFY2(message.contains(u"followme-admin backup"_s), qPrintable(message));
    QVERIFY(fileContents(db) == before);

    QString error;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"user"_s, u"list"_s}, nullptr, &error), 3);
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QVERIFY(fileContents(db) == before);
}

void tst_FaultDatabase::failedTokenReadIsInternalNotAFailedLogin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    ServerProcess server;
    // One counted failure would refuse the next hello from 127.0.0.1 with rate_limited.
    QVERIFY(server.start(db, {u"--demo"_s, u"--login-failure-limit"_s, u"1"_s}));
    Saboteur saboteur(db);
    QVERIFY(saboteur.isOpen());
    QVERIFY(saboteur.damage({u"tokens"_s, u"tokens_by_lookup"_s}));

    QCOMPARE(aliceHelloAnswer(server.url()), u"internal 1011"_s);
    QString log;
    QTRY_VERIFY2((log += server.errors()).contains(u"token lookup failed"_s), qPrintable(log));

    QVERIFY(saboteur.repair());
    TestClient again;
    const auto snapshot = again.login(server.url(), u"alice-demo-token"_s);
    QVERIFY2(snapshot, "the failed read was counted as a failed login");
}

void tst_FaultDatabase::failedDeviceReadIsInternalNeverAnEmptySnapshot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    ServerProcess server;
    QVERIFY(server.start(db, {u"--demo"_s, u"--login-failure-limit"_s, u"1"_s}));
    TestClient session;
    QVERIFY(session.login(server.url(), u"alice-demo-token"_s));
    Saboteur saboteur(db);
    QVERIFY(saboteur.isOpen());
    QVERIFY(saboteur.damage({u"devices"_s}));

    // A login then gets internal, not a snapshot without devices.
    QCOMPARE(aliceHelloAnswer(server.url()), u"internal 1011"_s);

    // An edit gets internal, not not_found, and the session stays.
    session.sendJson(setRule(u"while-damaged"_s, 7));
    const auto refused = session.nextOfType(u"error"_s);
    QVERIFY(refused);
    QCOMPARE(refused->value(u"code"_s).toString(), u"internal"_s);
    QCOMPARE(refused->value(u"id"_s).toString(), u"while-damaged"_s);
    QString log;
    QTRY_VERIFY2((log += server.errors()).contains(u"failed"_s), qPrintable(log));

    QVERIFY(saboteur.repair());
    session.sendJson(setRule(u"after-repair"_s, 7));
    const auto ack = session.nextOfType(u"ack"_s);
    QVERIFY(ack);
    QCOMPARE(ack->value(u"id"_s).toString(), u"after-repair"_s);
    TestClient again;
    const auto snapshot = again.login(server.url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    QVERIFY(!snapshot->value(u"settings"_s).toObject().value(u"devices"_s).toArray().isEmpty());
}

void tst_FaultDatabase::secondServerOnTheFileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    ServerProcess first;
    QVERIFY(first.start(db, {u"--demo"_s}));

    const auto [code, message] = refusedStart(db);
    QCOMPARE(code, 2);
    QVERIFY2(message.contains(u"another followme-server uses"_s), qPrintable(message));
    // followme-admin is not a server: it keeps working beside one.
    QString users;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"user"_s, u"list"_s}, &users), 0);
    QVERIFY(users.contains(u"alice"_s));

    // Nor through a link to the file: the lock is the file's, not the path's.
    const QString link = dir.filePath(u"link.sqlite"_s);
    QVERIFY(QFile::link(db, link));
    const auto [linkCode, linkMessage] = refusedStart(link);
    QCOMPARE(linkCode, 2);
    QVERIFY2(linkMessage.contains(u"another followme-server uses"_s), qPrintable(linkMessage));

    // The kernel drops the lock with the process, however it ends.
    first.kill();
    ServerProcess next;
    QVERIFY2(next.start(db), qPrintable(next.errors()));
}

// As root (CI) permission bits stop nothing, so a read-only tmpfs mount makes things read-only
// there; an ordinary user gets chmod.
class ReadOnlyPlace
{
public:
    explicit ReadOnlyPlace(const QString &folder)
        : m_folder(folder)
    {
        QDir().mkpath(folder);
        // The system calls rather than mount(8): a minimal root (CI's) has no mount program.
        m_mounted = ::geteuid() == 0
            && ::mount("followme-fault", path(m_folder).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                       "size=8m")
                == 0;
        if (::geteuid() == 0 && !m_mounted)
            m_problem = qt_error_string(errno);
    }
    ~ReadOnlyPlace()
    {
        for (const QString &bound : std::as_const(m_bound))
            ::umount2(path(bound).constData(), MNT_DETACH);
        if (m_mounted)
            ::umount2(path(m_folder).constData(), MNT_DETACH);
        else
            QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // Root without the right to mount: nothing here can be made read-only.
    bool usable() const { return m_mounted || ::geteuid() != 0; }
    QString problem() const { return m_problem; }

    bool makeReadOnly(const QString &file)
    {
        if (!m_mounted)
            return QFile::setPermissions(file, QFile::ReadOwner)
                && QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::ExeOwner);
        return remountReadOnly();
    }
    // The folder read-only, `file` inside it writable: a writable file bound over it.
    bool makeFolderReadOnly(const QString &file, const QString &writable)
    {
        if (!m_mounted)
            return QFile::copy(writable, file)
                && QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::ExeOwner);
        QFile(file).open(QIODevice::WriteOnly);
        if (!remountReadOnly()
            || ::mount(path(writable).constData(), path(file).constData(), nullptr, MS_BIND,
                       nullptr)
                != 0)
            return false;
        m_bound.append(file);
        return true;
    }

private:
    static QByteArray path(const QString &name) { return QFile::encodeName(name); }
    bool remountReadOnly() const
    {
        return ::mount(nullptr, path(m_folder).constData(), nullptr,
                       MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr)
            == 0;
    }

    QString m_folder;
    bool m_mounted = false;
    QString m_problem;
    QStringList m_bound;
};

void tst_FaultDatabase::readOnlyStorageIsRefused_data()
{
    QTest::addColumn<bool>("folderOnly");
    QTest::newRow("read-only database") << false;
    // A writable file where SQLite could not create server.sqlite-wal.
    QTest::newRow("read-only folder") << true;
}

void tst_FaultDatabase::readOnlyStorageIsRefused()
{
    QFETCH(bool, folderOnly);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ReadOnlyPlace place(dir.filePath(u"ro"_s));
    if (!place.usable()) {
#ifdef FOLLOWME_REQUIRE_ALL_TESTS
        QFAIL(qPrintable(u"root, but no tmpfs can be mounted: "_s + place.problem()));
#endif
        QSKIP("running as root without the right to mount a tmpfs");
    }
    const QString db = dir.filePath(u"ro/server.sqlite"_s);
    if (folderOnly) {
        const QString writable = dir.filePath(u"writable.sqlite"_s);
        QVERIFY(createDemoDatabase(writable));
        QVERIFY(place.makeFolderReadOnly(db, writable));
        QVERIFY(QFileInfo(db).isWritable());
    } else {
        QVERIFY(createDemoDatabase(db));
        QVERIFY(place.makeReadOnly(db));
    }

    const auto [code, message] = refusedStart(db);
    QCOMPARE(code, 2);
    QVERIFY2(message.contains(u"read-only"_s), qPrintable(message));
    QVERIFY2(message.contains(u"-wal"_s) == folderOnly, qPrintable(message));
}

void tst_FaultDatabase::createdFilesAreTheOwnersAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"new/sub"_s);
    const QString db = folder + u"/server.sqlite"_s;
    // Not the umask's doing: with none at all the modes must still be the owner's alone.
    const mode_t oldMask = ::umask(0);
    ServerProcess server;
    const bool started = server.start(db, {u"--demo"_s});
    ::umask(oldMask);
    QVERIFY(started);
    TestClient client;
    QVERIFY(client.login(server.url(), u"alice-demo-token"_s));

    QCOMPARE(mode(dir.filePath(u"new"_s)), 0700);
    QCOMPARE(mode(folder), 0700);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".lock"_s})
        QCOMPARE(mode(db + suffix), 0600);
}

void tst_FaultDatabase::backupWhileEditsAreCommitted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    const QString copy = dir.filePath(u"backups/copy.sqlite"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"backups"_s)));
    ServerProcess server;
    QVERIFY(server.start(db, {u"--demo"_s}));
    TestClient client;
    QVERIFY(client.login(server.url(), u"alice-demo-token"_s));

    // Every edit changes the delay, so every ack has a revision of its own.
    QHash<qint64, int> delayAtRevision;
    int sent = 0;
    auto send = [&] {
        client.sendJson(setRule(u"edit-%1"_s.arg(sent), sent % 30 + 1));
        ++sent;
    };
    auto collect = [&](int count) {
        for (int received = 0; received < count; ++received) {
            // The server may read all 300 in one go and answer them after: under the
            // sanitizers' slow unwinding that is many seconds before the first ack.
            const auto ack = client.nextOfType(u"ack"_s, 120000);
            if (!ack)
                return false;
            const int edit = ack->value(u"id"_s).toString().mid(5).toInt();
            delayAtRevision.insert(ack->value(u"revision"_s).toInteger(), edit % 30 + 1);
        }
        return true;
    };
    for (int i = 0; i < 20; ++i)
        send();
    QVERIFY(collect(20));
    const qint64 ackedBeforeBackup =
        *std::max_element(delayAtRevision.keyBegin(), delayAtRevision.keyEnd());
    // Edits in flight while the copy is taken: the server commits them meanwhile.
    for (int i = 0; i < 300; ++i)
        send();
    QProcess backup;
    backup.start(ServerProcess::adminExecutable(), {u"--db"_s, db, u"backup"_s, copy});
    QVERIFY(backup.waitForStarted());
    QVERIFY(collect(300));
    QVERIFY(backup.state() == QProcess::NotRunning || backup.waitForFinished(30000));
    QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
    QCOMPARE(backup.exitCode(), 0);

    QCOMPARE(mode(copy), 0600);
    QCOMPARE(QDir(dir.filePath(u"backups"_s)).entryList(QDir::Files | QDir::Hidden),
             QStringList {u"copy.sqlite"_s});
    {
        QSqlDatabase check = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"copy"_s);
        check.setDatabaseName(copy);
        QVERIFY(check.open());
        QSqlQuery query(check);
        QVERIFY(query.exec(u"PRAGMA quick_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        QVERIFY(query.exec(u"SELECT revision FROM users WHERE id = 'alice'"_s) && query.next());
        const qint64 revision = query.value(0).toLongLong();
        qInfo("backup at revision %lld; acked before it: %lld", revision, ackedBeforeBackup);
        QVERIFY2(revision >= ackedBeforeBackup,
                 qPrintable(u"%1 < %2"_s.arg(revision).arg(ackedBeforeBackup)));
        // One snapshot: the rule is the one of the edit that made the copy's revision.
        QVERIFY(query.exec(u"SELECT delay FROM rules WHERE device_id = 'mobile' AND "
                           u"call_kind = 'external'"_s)
                && query.next());
        QCOMPARE(query.value(0).toInt(), delayAtRevision.value(revision));
        check.close();
    }
    QSqlDatabase::removeDatabase(u"copy"_s);
}

// A mistyped --db makes no empty database to back up, and no destination may be the database
// or one of its files (a rename over the -wal file would lose the latest commits).
void tst_FaultDatabase::backupRefusesWhatIsNoBackup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"typo.sqlite"_s);
    QString error;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, missing, u"backup"_s, dir.filePath(u"b"_s)},
                                     nullptr, &error),
             3);
    QVERIFY2(error.contains(u"there is no database"_s), qPrintable(error));
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"b"_s)));

    const QString db = dir.filePath(u"server.sqlite"_s);
    ServerProcess server;
    QVERIFY(server.start(db, {u"--demo"_s}));
    const QString link = dir.filePath(u"link.sqlite"_s);
    QVERIFY(QFile::link(db, link));
    // The same files afterwards, not replaced ones (the -shm file's content is SQLite's to
    // change whenever a connection reads, so the inode is what is compared).
    const auto inode = [](const QString &path) {
        struct stat info = {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
    };
    const QStringList destinations {db, db + u"-wal"_s, db + u"-shm"_s, link};
    for (const QString &destination : destinations) {
        const auto before = inode(destination);
        QVERIFY(before != 0);
        QCOMPARE(
            ServerProcess::runAdmin({u"--db"_s, db, u"backup"_s, destination}, nullptr, &error), 3);
        QVERIFY2(error.contains(u"cannot replace the database"_s), qPrintable(error));
        QCOMPARE(inode(destination), before);
    }
    TestClient client;
    QVERIFY(client.login(server.url(), u"alice-demo-token"_s));
}

QTEST_GUILESS_MAIN(tst_FaultDatabase)
#include "tst_faultdatabase.moc"
