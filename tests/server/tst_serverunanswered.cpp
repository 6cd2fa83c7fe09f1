// SPDX-License-Identifier: GPL-3.0-or-later
// What happens to a call nobody answers ("unanswered" in the settings document): stored per user
// by the server, in every snapshot, seeded for alice by --demo, set and cleared only by the
// administrator (user.setUnanswered), kept across restarts and added to databases of older
// servers by a schema upgrade.
#include "ServerProcess.h"
#include "TestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString demoAdminToken = u"admin-demo-token"_s;

QJsonObject unansweredIn(const QJsonObject &snapshot)
{
    return snapshot.value(u"settings"_s).toObject().value(u"unanswered"_s).toObject();
}

QJsonObject call(const QString &action, const QString &number = {})
{
    QJsonObject object {{u"action"_s, action}};
    if (!number.isEmpty())
        object.insert(u"number"_s, number);
    return object;
}

QStringList setUnanswered(const QString &user, const QString &kind, const QString &action,
                          const QStringList &extra = {})
{
    return QStringList {u"user"_s, u"set-unanswered"_s, u"--user"_s, user, u"--kind"_s,
                        kind,      u"--action"_s,       action}
    + extra;
}

// Runs `statements` on the SQLite file `path` through a connection of its own.
bool runSql(const QString &path, const QStringList &statements, QList<QVariant> *lastRow = nullptr)
{
    const QString name = u"tst_serverunanswered"_s;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            if (!ok)
                break;
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
            if (ok && lastRow && query.next()) {
                lastRow->clear();
                for (int i = 0; i < query.record().count(); ++i)
                    lastRow->append(query.value(i));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The schema of the first server (user_version 1), before "unanswered" was stored: a database
// such a server left behind, with one user, one device and its rules.
const QStringList schemaVersion1 = {
    u"CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, revision INTEGER NOT NULL "
    u"DEFAULT 1, controlled_device TEXT NOT NULL DEFAULT '')"_s,
    u"CREATE TABLE devices (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON "
    u"DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, number "
    u"TEXT NOT NULL, user_configurable INTEGER NOT NULL, workspace TEXT NOT NULL DEFAULT '')"_s,
    u"CREATE INDEX devices_by_user ON devices(user_id, position)"_s,
    u"CREATE TABLE rules (device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE, "
    u"call_kind TEXT NOT NULL, enabled INTEGER NOT NULL, delay INTEGER NOT NULL, timeout INTEGER "
    u"NOT NULL, PRIMARY KEY (device_id, call_kind))"_s,
    u"CREATE TABLE tokens (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT REFERENCES "
    u"users(id) ON DELETE CASCADE, admin INTEGER NOT NULL DEFAULT 0, lookup TEXT NOT NULL, salt "
    u"BLOB NOT NULL, hash BLOB NOT NULL, created_at INTEGER NOT NULL, CHECK ((user_id IS NULL) = "
    u"(admin = 1)))"_s,
    u"CREATE INDEX tokens_by_lookup ON tokens(lookup)"_s,
    u"CREATE TABLE applied_requests (user_id TEXT NOT NULL REFERENCES users(id) ON DELETE "
    u"CASCADE, request_id TEXT NOT NULL, revision INTEGER NOT NULL, applied_at INTEGER NOT NULL, "
    u"PRIMARY KEY (user_id, request_id))"_s,
    u"CREATE INDEX applied_requests_by_revision ON applied_requests(user_id, revision)"_s,
    u"PRAGMA user_version = 1"_s,
    u"INSERT INTO users (id, name, revision, controlled_device) VALUES ('olduser', 'Old User', 7, "
    u"'old-desk')"_s,
    u"INSERT INTO devices VALUES ('old-desk', 'olduser', 1, 'Desk phone', 'desk_phone', '301', 1, "
    u"'')"_s,
    u"INSERT INTO rules VALUES ('old-desk', 'external', 1, 0, 25), ('old-desk', 'internal', 1, "
    u"0, 20), ('old-desk', 'teams', 0, 0, 20)"_s,
};

} // namespace

class tst_ServerUnanswered : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void demoSnapshotCarriesAlicesUnanswered();
    void adminCommandReachesConnectedSessions();
    void invalidInputIsRefusedAndChangesNothing();
    void survivesRestartAndWorksWithDb();
    void oldDatabaseIsMigratedOnStart();
    void newerDatabaseIsRefused();

private:
    QString databasePath() const { return m_dir->filePath(u"server.sqlite"_s); }

    QTemporaryDir *m_dir = nullptr;
    ServerProcess *m_server = nullptr;
};

void tst_ServerUnanswered::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_server = new ServerProcess;
}

void tst_ServerUnanswered::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void tst_ServerUnanswered::demoSnapshotCarriesAlicesUnanswered()
{
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient alice;
    const auto snapshot = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    // As in resources/demo/demo-settings.json.
    const QJsonObject expected {{u"external"_s, call(u"voicemail"_s)},
                                {u"internal"_s, call(u"number"_s, u"+49 30 1234"_s)},
                                {u"teams"_s, call(u"hangup"_s)}};
    QCOMPARE(unansweredIn(*snapshot), expected);

    // Not known for bob: no "unanswered" at all, as a document that never had it.
    TestClient bob;
    const auto bobSnapshot = bob.login(m_server->url(), u"bob-demo-token"_s);
    QVERIFY(bobSnapshot);
    QVERIFY(!bobSnapshot->value(u"settings"_s).toObject().contains(u"unanswered"_s));

    // The administrator sees it in user list.
    QString out;
    QCOMPARE(m_server->admin({u"user"_s, u"list"_s, u"--json"_s}, &out), 0);
    const QJsonArray users =
        QJsonDocument::fromJson(out.toUtf8()).object().value(u"users"_s).toArray();
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).toObject().value(u"id"_s).toString(), u"alice"_s);
    QCOMPARE(users.at(0).toObject().value(u"unanswered"_s).toObject(), expected);
    QCOMPARE(users.at(1).toObject().value(u"unanswered"_s).toObject(), QJsonObject());
    QCOMPARE(m_server->admin({u"user"_s, u"list"_s}, &out), 0);
    QVERIFY2(out.contains(u"internal number +49 30 1234"_s), qPrintable(out));
}

void tst_ServerUnanswered::adminCommandReachesConnectedSessions()
{
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient a;
    TestClient b;
    TestClient bob;
    const auto before = a.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);
    QVERIFY(b.login(m_server->url(), u"alice-demo-token"_s));
    QVERIFY(bob.login(m_server->url(), u"bob-demo-token"_s));
    const qint64 revision = before->value(u"revision"_s).toInteger();

    QString out;
    QCOMPARE(m_server->admin(setUnanswered(u"alice"_s, u"external"_s, u"number"_s,
                                           {u"--number"_s, u"+49 151 555"_s, u"--json"_s}),
                             &out),
             0);
    const QJsonObject result = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(result.value(u"changed"_s).toBool(), true);
    QCOMPARE(result.value(u"revision"_s).toInteger(), revision + 1);
    QCOMPARE(result.value(u"unanswered"_s).toObject(), call(u"number"_s, u"+49 151 555"_s));
    // Not a rule change: every session of alice gets a whole snapshot.
    for (TestClient *client : {&a, &b}) {
        const auto snapshot = client->next();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);
        QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision + 1);
        const QJsonObject unanswered = unansweredIn(*snapshot);
        QCOMPARE(unanswered.value(u"external"_s).toObject(), call(u"number"_s, u"+49 151 555"_s));
        QCOMPARE(unanswered.value(u"internal"_s).toObject(), call(u"number"_s, u"+49 30 1234"_s));
        QCOMPARE(unanswered.value(u"teams"_s).toObject(), call(u"hangup"_s));
    }
    QVERIFY(bob.receivedNothingMore());

    // "none" forgets it: the key disappears from the document.
    QCOMPARE(m_server->admin(setUnanswered(u"alice"_s, u"teams"_s, u"none"_s)), 0);
    for (TestClient *client : {&a, &b}) {
        const auto snapshot = client->next();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision + 2);
        QVERIFY(!unansweredIn(*snapshot).contains(u"teams"_s));
        QVERIFY(unansweredIn(*snapshot).contains(u"external"_s));
    }
    // Again: nothing changes, the revision stays and nothing is pushed.
    QCOMPARE(m_server->admin(setUnanswered(u"alice"_s, u"teams"_s, u"none"_s, {u"--json"_s}), &out),
             0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(u"changed"_s).toBool(), false);
    QVERIFY(a.receivedNothingMore());

    // Bob had none at all; his sessions get it, alice's don't.
    QCOMPARE(m_server->admin(setUnanswered(u"bob"_s, u"internal"_s, u"voicemail"_s)), 0);
    const auto bobSnapshot = bob.next();
    QVERIFY(bobSnapshot);
    QCOMPARE(unansweredIn(*bobSnapshot), (QJsonObject {{u"internal"_s, call(u"voicemail"_s)}}));
    QVERIFY(a.receivedNothingMore());

    // The user's own edits still work next to it and keep it.
    a.sendJson({{u"type"_s, u"setRule"_s},
                {u"id"_s, u"r1"_s},
                {u"device"_s, u"desk"_s},
                {u"callKind"_s, u"external"_s},
                {u"delay"_s, 4}});
    QCOMPARE(a.next()->value(u"type"_s).toString(), u"ack"_s);
    TestClient later;
    const auto after = later.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(after);
    QCOMPARE(unansweredIn(*after).value(u"external"_s).toObject(),
             call(u"number"_s, u"+49 151 555"_s));
}

void tst_ServerUnanswered::invalidInputIsRefusedAndChangesNothing()
{
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient alice;
    const auto before = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);

    const QList<QStringList> refused = {
        setUnanswered(u"alice"_s, u"external"_s, u"fax"_s),
        setUnanswered(u"alice"_s, u"external"_s, u"Voicemail"_s),
        setUnanswered(u"alice"_s, u"external"_s, u"number"_s),
        setUnanswered(u"alice"_s, u"external"_s, u"number"_s, {u"--number"_s, u"   "_s}),
        setUnanswered(u"alice"_s, u"external"_s, u"number"_s, {u"--number"_s, QString(65, u'1')}),
        setUnanswered(u"alice"_s, u"external"_s, u"voicemail"_s, {u"--number"_s, u"123"_s}),
        setUnanswered(u"alice"_s, u"external"_s, u"none"_s, {u"--number"_s, u"123"_s}),
        setUnanswered(u"alice"_s, u"fax"_s, u"voicemail"_s),
        setUnanswered(u"alice"_s, u"Teams"_s, u"hangup"_s),
        setUnanswered(u"nobody"_s, u"external"_s, u"hangup"_s),
    };
    for (const QStringList &arguments : refused) {
        QString err;
        QVERIFY2(m_server->admin(arguments, nullptr, &err) == 2, qPrintable(arguments.join(u' ')));
        QVERIFY2(err.contains(arguments.contains(u"nobody"_s) ? u"not_found"_s : u"invalid"_s),
                 qPrintable(err));
    }
    // A bad command line never reaches the server.
    QCOMPARE(m_server->admin({u"user"_s, u"set-unanswered"_s, u"--user"_s, u"alice"_s, u"--kind"_s,
                              u"external"_s}),
             1);
    QCOMPARE(m_server->admin(
                 setUnanswered(u"alice"_s, u"external"_s, u"hangup"_s, {u"--device"_s, u"desk"_s})),
             1);

    // The same over the protocol, with the documented code and id.
    TestClient admin;
    QVERIFY(admin.open(m_server->url()));
    admin.sendJson({{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, demoAdminToken}});
    QCOMPARE(admin.next()->value(u"type"_s).toString(), u"adminReady"_s);
    const QList<QJsonObject> badArgs = {
        {{u"user"_s, u"alice"_s}, {u"callKind"_s, u"fax"_s}, {u"action"_s, u"voicemail"_s}},
        {{u"user"_s, u"alice"_s}, {u"callKind"_s, u"teams"_s}, {u"action"_s, u"ring"_s}},
        {{u"user"_s, u"alice"_s}, {u"callKind"_s, u"teams"_s}, {u"action"_s, u"number"_s}},
        {{u"user"_s, u"alice"_s},
         {u"callKind"_s, u"teams"_s},
         {u"action"_s, u"number"_s},
         {u"number"_s, 4930}},
        {{u"user"_s, u"alice"_s}, {u"callKind"_s, u"teams"_s}},
    };
    int n = 0;
    for (const QJsonObject &args : badArgs) {
        const QString id = u"u-%1"_s.arg(++n);
        admin.sendJson({{u"type"_s, u"admin"_s},
                        {u"id"_s, id},
                        {u"command"_s, u"user.setUnanswered"_s},
                        {u"args"_s, args}});
        const auto answer = admin.next();
        QVERIFY(answer);
        QCOMPARE(answer->value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(answer->value(u"code"_s).toString(), u"invalid"_s);
        QCOMPARE(answer->value(u"id"_s).toString(), id);
    }

    // Users have no message for it: a user session cannot send admin commands.
    alice.sendJson({{u"type"_s, u"admin"_s},
                    {u"id"_s, u"mine"_s},
                    {u"command"_s, u"user.setUnanswered"_s},
                    {u"args"_s,
                     QJsonObject {{u"user"_s, u"alice"_s},
                                  {u"callKind"_s, u"teams"_s},
                                  {u"action"_s, u"voicemail"_s}}}});
    const auto forbidden = alice.next();
    QVERIFY(forbidden);
    QCOMPARE(forbidden->value(u"code"_s).toString(), u"forbidden"_s);

    QVERIFY(alice.receivedNothingMore());
    TestClient again;
    const auto after = again.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(after);
    QCOMPARE(*after, *before);
}

void tst_ServerUnanswered::survivesRestartAndWorksWithDb()
{
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    QCOMPARE(m_server->admin(setUnanswered(u"alice"_s, u"internal"_s, u"hangup"_s)), 0);
    QCOMPARE(m_server->admin(setUnanswered(u"alice"_s, u"external"_s, u"none"_s)), 0);
    // SIGKILL right after the acks: they promise a commit.
    m_server->kill();

    // followme-admin --db while no server runs: the same command and checks.
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, databasePath(), u"user"_s, u"set-unanswered"_s,
                                      u"--user"_s, u"bob"_s, u"--kind"_s, u"teams"_s, u"--action"_s,
                                      u"number"_s, u"--number"_s, u"999"_s}),
             0);
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, databasePath(), u"user"_s, u"set-unanswered"_s,
                                      u"--user"_s, u"bob"_s, u"--kind"_s, u"teams"_s, u"--action"_s,
                                      u"number"_s}),
             2);

    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient alice;
    const auto snapshot = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    // --demo again does not reseed what is there.
    QCOMPARE(unansweredIn(*snapshot),
             (QJsonObject {{u"internal"_s, call(u"hangup"_s)}, {u"teams"_s, call(u"hangup"_s)}}));
    TestClient bob;
    const auto bobSnapshot = bob.login(m_server->url(), u"bob-demo-token"_s);
    QVERIFY(bobSnapshot);
    QCOMPARE(unansweredIn(*bobSnapshot), (QJsonObject {{u"teams"_s, call(u"number"_s, u"999"_s)}}));

    // Removing a user removes their row too (a new user of that id starts with nothing).
    QCOMPARE(m_server->admin({u"user"_s, u"remove"_s, u"--user"_s, u"bob"_s}), 0);
    QCOMPARE(m_server->terminate(), 0);
    QList<QVariant> row;
    QVERIFY(
        runSql(databasePath(), {u"SELECT COUNT(*) FROM unanswered WHERE user_id = 'bob'"_s}, &row));
    QCOMPARE(row.value(0).toInt(), 0);
}

void tst_ServerUnanswered::oldDatabaseIsMigratedOnStart()
{
    QVERIFY(runSql(databasePath(), schemaVersion1));

    // --demo adds alice, with her unanswered calls: only possible once the table exists.
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient alice;
    const auto aliceSnapshot = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(aliceSnapshot);
    QCOMPARE(unansweredIn(*aliceSnapshot).size(), 3);

    // The old user is still there, unchanged, with nothing known about unanswered calls.
    QString out;
    QCOMPARE(m_server->admin({u"token"_s, u"issue"_s, u"--user"_s, u"olduser"_s}, &out), 0);
    const QString token = out.trimmed();
    TestClient old;
    const auto before = old.login(m_server->url(), token);
    QVERIFY(before);
    QCOMPARE(before->value(u"revision"_s).toInteger(), 7);
    const QJsonObject settings = before->value(u"settings"_s).toObject();
    QCOMPARE(settings.value(u"controlledDevice"_s).toString(), u"old-desk"_s);
    QCOMPARE(settings.value(u"devices"_s).toArray().size(), 1);
    QVERIFY(!settings.contains(u"unanswered"_s));

    QCOMPARE(m_server->admin(setUnanswered(u"olduser"_s, u"external"_s, u"voicemail"_s)), 0);
    const auto pushed = old.next();
    QVERIFY(pushed);
    QCOMPARE(pushed->value(u"revision"_s).toInteger(), 8);
    QCOMPARE(unansweredIn(*pushed), (QJsonObject {{u"external"_s, call(u"voicemail"_s)}}));

    QCOMPARE(m_server->terminate(), 0);
    QList<QVariant> row;
    QVERIFY(runSql(databasePath(), {u"PRAGMA user_version"_s}, &row));
    QCOMPARE(row.value(0).toInt(), 6); // the current schema (Database::schemaVersion)
    QVERIFY(runSql(databasePath(), {u"SELECT COUNT(*) FROM unanswered"_s}, &row));
    QCOMPARE(row.value(0).toInt(), 4);
    // Version 3's audit log came with the upgrade and holds the change made since.
    QVERIFY(runSql(databasePath(),
                   {u"SELECT COUNT(*) FROM audit_log WHERE action = 'user.setUnanswered'"_s},
                   &row));
    QVERIFY(row.value(0).toInt() >= 1);

    // A second start finds the current schema and leaves it as it is.
    QVERIFY2(m_server->start(databasePath()), qPrintable(m_server->errors()));
    TestClient again;
    const auto after = again.login(m_server->url(), token);
    QVERIFY(after);
    QCOMPARE(unansweredIn(*after), (QJsonObject {{u"external"_s, call(u"voicemail"_s)}}));
}

void tst_ServerUnanswered::newerDatabaseIsRefused()
{
    // A newer server's file in rollback-journal mode: even the switch to WAL would rewrite its
    // header, so not one byte may change.
    QVERIFY(runSql(databasePath(),
                   {u"PRAGMA journal_mode = DELETE"_s, u"CREATE TABLE later (x)"_s,
                    u"PRAGMA user_version = 99"_s}));
    const auto bytes = [this] {
        QFile file(databasePath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = bytes();
    QVERIFY(!before.isEmpty());
    QVERIFY(!m_server->start(databasePath()));
    QCOMPARE(bytes(), before);
    QVERIFY(!QFile::exists(databasePath() + u"-wal"_s));
    // Left as it is for the newer server.
    QList<QVariant> row;
    QVERIFY(runSql(databasePath(), {u"PRAGMA user_version"_s}, &row));
    QCOMPARE(row.value(0).toInt(), 99);
}

QTEST_GUILESS_MAIN(tst_ServerUnanswered)
#include "tst_serverunanswered.moc"
