// SPDX-License-Identifier: GPL-3.0-or-later
// Administration: followme-admin against the running server (changes reach connected clients
// at once) and directly on the database while no server runs.
#include "ServerProcess.h"
#include "TestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject deviceIn(const QJsonObject &snapshot, const QString &id)
{
    for (const QJsonValue &device :
         snapshot.value(u"settings"_s).toObject().value(u"devices"_s).toArray()) {
        if (device.toObject().value(u"id"_s) == id)
            return device.toObject();
    }
    return {};
}

QJsonObject ruleOf(const QJsonObject &snapshot, const QString &device, const QString &callKind)
{
    return deviceIn(snapshot, device).value(u"rules"_s).toObject().value(callKind).toObject();
}

QJsonObject setRule(const QString &id, const QString &device, const QJsonObject &fields)
{
    QJsonObject message {{u"type"_s, u"setRule"_s},
                         {u"id"_s, id},
                         {u"device"_s, device},
                         {u"callKind"_s, u"external"_s}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        message.insert(it.key(), it.value());
    return message;
}

} // namespace

class tst_ServerAdmin : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void lockReachesConnectedClients();
    void adminRuleChangeIsPushedToEverySession();
    void deviceAddRenameWorkspaceRemove();
    void adminCommandsNeedAnAdminToken();
    void refusedAdminCommandsChangeNothing();
    void issuedTokenWorksAndRevokingClosesItsSessions();
    void shutdownClosesWith1001AndDbModeWorksWhileStopped();
    void anAckThatSkipsARevisionComesAfterASnapshot();

private:
    QTemporaryDir *m_dir = nullptr;
    ServerProcess *m_server = nullptr;
};

void tst_ServerAdmin::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_server = new ServerProcess;
    QVERIFY2(m_server->start(m_dir->filePath(u"server.sqlite"_s), {u"--demo"_s}),
             qPrintable(m_server->errors()));
}

void tst_ServerAdmin::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void tst_ServerAdmin::lockReachesConnectedClients()
{
    TestClient a;
    TestClient b;
    const auto before = a.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);
    QVERIFY(b.login(m_server->url(), u"alice-demo-token"_s));
    QCOMPARE(deviceIn(*before, u"desk"_s).value(u"userConfigurable"_s).toBool(), true);

    QString out;
    QString err;
    QCOMPARE(m_server->admin({u"device"_s, u"lock"_s, u"--device"_s, u"desk"_s}, &out, &err), 0);
    for (TestClient *client : {&a, &b}) {
        const auto snapshot = client->next();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);
        QCOMPARE(snapshot->value(u"revision"_s).toInteger(),
                 before->value(u"revision"_s).toInteger() + 1);
        QCOMPARE(deviceIn(*snapshot, u"desk"_s).value(u"userConfigurable"_s).toBool(), false);
    }
    // The lock holds against the user's edits.
    a.sendJson(setRule(u"after-lock"_s, u"desk"_s, {{u"delay"_s, 3}}));
    QCOMPARE(a.next()->value(u"code"_s).toString(), u"locked"_s);

    QCOMPARE(m_server->admin({u"device"_s, u"unlock"_s, u"--device"_s, u"desk"_s}), 0);
    QCOMPARE(deviceIn(*a.next(), u"desk"_s).value(u"userConfigurable"_s).toBool(), true);
    a.sendJson(setRule(u"after-unlock"_s, u"desk"_s, {{u"delay"_s, 3}}));
    QCOMPARE(a.next()->value(u"type"_s).toString(), u"ack"_s);
}

void tst_ServerAdmin::adminRuleChangeIsPushedToEverySession()
{
    TestClient a;
    TestClient b;
    TestClient bob;
    const auto before = a.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);
    QVERIFY(b.login(m_server->url(), u"alice-demo-token"_s));
    QVERIFY(bob.login(m_server->url(), u"bob-demo-token"_s));
    // Also on a locked device: the administrator manages it.
    QCOMPARE(m_server->admin({u"device"_s, u"set-rule"_s, u"--device"_s, u"reception"_s,
                              u"--kind"_s, u"internal"_s, u"--enabled"_s, u"true"_s, u"--delay"_s,
                              u"5"_s, u"--timeout"_s, u"20"_s}),
             0);
    for (TestClient *client : {&a, &b}) {
        const auto push = client->next();
        QVERIFY(push);
        QCOMPARE(push->value(u"type"_s).toString(), u"ruleChanged"_s);
        QCOMPARE(push->value(u"device"_s).toString(), u"reception"_s);
        QCOMPARE(push->value(u"callKind"_s).toString(), u"internal"_s);
        QCOMPARE(push->value(u"rule"_s).toObject(),
                 (QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 5}, {u"timeout"_s, 20}}));
        QCOMPARE(push->value(u"revision"_s).toInteger(),
                 before->value(u"revision"_s).toInteger() + 1);
    }
    QVERIFY(bob.receivedNothingMore());
}

void tst_ServerAdmin::deviceAddRenameWorkspaceRemove()
{
    TestClient bob;
    const auto before = bob.login(m_server->url(), u"bob-demo-token"_s);
    QVERIFY(before);
    const qint64 revision = before->value(u"revision"_s).toInteger();

    QCOMPARE(m_server->admin({u"device"_s, u"add"_s, u"--user"_s, u"bob"_s, u"--id"_s,
                              u"bob-dect"_s, u"--name"_s, u"DECT handset"_s, u"--kind"_s, u"dect"_s,
                              u"--number"_s, u"2202"_s, u"--workspace"_s, u"Warehouse"_s}),
             0);
    auto snapshot = bob.next();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision + 1);
    QCOMPARE(deviceIn(*snapshot, u"bob-dect"_s).value(u"workspace"_s).toString(), u"Warehouse"_s);

    QCOMPARE(m_server->admin({u"device"_s, u"rename"_s, u"--device"_s, u"bob-dect"_s, u"--name"_s,
                              u"Handset"_s}),
             0);
    snapshot = bob.next();
    QVERIFY(snapshot);
    QCOMPARE(deviceIn(*snapshot, u"bob-dect"_s).value(u"name"_s).toString(), u"Handset"_s);

    QCOMPARE(m_server->admin({u"device"_s, u"set-workspace"_s, u"--device"_s, u"bob-dect"_s,
                              u"--workspace"_s, QString()}),
             0);
    snapshot = bob.next();
    QVERIFY(snapshot);
    QVERIFY(deviceIn(*snapshot, u"bob-dect"_s).value(u"workspace"_s).isNull());

    QCOMPARE(m_server->admin({u"device"_s, u"set-number"_s, u"--device"_s, u"bob-dect"_s,
                              u"--number"_s, u"2299"_s}),
             0);
    snapshot = bob.next();
    QVERIFY(snapshot);
    QCOMPARE(deviceIn(*snapshot, u"bob-dect"_s).value(u"number"_s).toString(), u"2299"_s);

    // Device ids are unique on the whole server, not just per user.
    QString err;
    QCOMPARE(m_server->admin({u"device"_s, u"add"_s, u"--user"_s, u"bob"_s, u"--id"_s, u"desk"_s,
                              u"--name"_s, u"X"_s, u"--kind"_s, u"dect"_s, u"--number"_s, u"1"_s},
                             nullptr, &err),
             2);
    QVERIFY2(err.contains(u"invalid"_s), qPrintable(err));

    QCOMPARE(m_server->admin({u"device"_s, u"remove"_s, u"--device"_s, u"bob-desk"_s}), 0);
    snapshot = bob.next();
    QVERIFY(snapshot);
    QVERIFY(deviceIn(*snapshot, u"bob-desk"_s).isEmpty());
    // It was bob's controlled device: removing it clears the choice.
    QVERIFY(snapshot->value(u"settings"_s).toObject().value(u"controlledDevice"_s).isNull());
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision + 5);

    QString out;
    QCOMPARE(m_server->admin({u"device"_s, u"list"_s, u"--user"_s, u"bob"_s, u"--json"_s}, &out),
             0);
    const QJsonArray devices =
        QJsonDocument::fromJson(out.toUtf8()).object().value(u"devices"_s).toArray();
    QCOMPARE(devices.size(), 2);
}

void tst_ServerAdmin::adminCommandsNeedAnAdminToken()
{
    QString err;
    QCOMPARE(ServerProcess::runAdmin({u"--server"_s, m_server->url().toString(), u"--token"_s,
                                      u"alice-demo-token"_s, u"user"_s, u"list"_s},
                                     nullptr, &err),
             2);
    QVERIFY2(err.contains(u"forbidden"_s), qPrintable(err));
    QCOMPARE(ServerProcess::runAdmin({u"--server"_s, m_server->url().toString(), u"--token"_s,
                                      u"wrong"_s, u"user"_s, u"list"_s},
                                     nullptr, &err),
             2);
    QVERIFY2(err.contains(u"unauthorized"_s), qPrintable(err));

    // An admin session has no settings to edit.
    TestClient admin;
    QVERIFY(admin.open(m_server->url()));
    admin.sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"admin-demo-token"_s}});
    QCOMPARE(admin.next()->value(u"type"_s).toString(), u"adminReady"_s);
    admin.sendJson(setRule(u"x"_s, u"desk"_s, {{u"delay"_s, 1}}));
    QCOMPARE(admin.next()->value(u"code"_s).toString(), u"forbidden"_s);
    admin.sendJson({{u"type"_s, u"admin"_s}, {u"id"_s, u"a1"_s}, {u"command"_s, u"nope"_s}});
    const auto unknown = admin.next();
    QCOMPARE(unknown->value(u"code"_s).toString(), u"unsupported"_s);
    QCOMPARE(unknown->value(u"id"_s).toString(), u"a1"_s);
    admin.sendJson({{u"type"_s, u"admin"_s}, {u"id"_s, u"a2"_s}, {u"command"_s, u"user.list"_s}});
    const auto list = admin.next();
    QCOMPARE(list->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(list->value(u"result"_s).toObject().value(u"users"_s).toArray().size(), 2);
}

void tst_ServerAdmin::refusedAdminCommandsChangeNothing()
{
    TestClient alice;
    const auto before = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);
    const QList<QStringList> refused = {
        {u"device"_s, u"set-rule"_s, u"--device"_s, u"desk"_s, u"--kind"_s, u"teams"_s,
         u"--timeout"_s, u"900"_s},
        {u"device"_s, u"lock"_s, u"--device"_s, u"no-such-device"_s},
        {u"device"_s, u"rename"_s, u"--device"_s, u"desk"_s, u"--name"_s, u"   "_s},
        {u"device"_s, u"add"_s, u"--user"_s, u"nobody"_s, u"--id"_s, u"n1"_s, u"--name"_s, u"N"_s,
         u"--kind"_s, u"dect"_s, u"--number"_s, u"1"_s},
        {u"device"_s, u"add"_s, u"--user"_s, u"alice"_s, u"--id"_s, u"bad id"_s, u"--name"_s,
         u"N"_s, u"--kind"_s, u"dect"_s, u"--number"_s, u"1"_s},
        {u"device"_s, u"add"_s, u"--user"_s, u"alice"_s, u"--id"_s, u"n2"_s, u"--name"_s, u"N"_s,
         u"--kind"_s, u"fax"_s, u"--number"_s, u"1"_s},
        {u"user"_s, u"add"_s, u"--user"_s, u"alice"_s, u"--name"_s, u"Again"_s},
        {u"token"_s, u"revoke"_s, u"--token-id"_s, u"999"_s},
    };
    for (const QStringList &arguments : refused)
        QVERIFY2(m_server->admin(arguments) == 2, qPrintable(arguments.join(u' ')));
    QVERIFY(alice.receivedNothingMore());
    TestClient again;
    const auto after = again.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(after);
    QCOMPARE(*after, *before);
    // A bad command line never reaches the server.
    QCOMPARE(m_server->admin(
                 {u"device"_s, u"set-rule"_s, u"--device"_s, u"desk"_s, u"--kind"_s, u"teams"_s}),
             1);
    QCOMPARE(m_server->admin({u"frobnicate"_s}), 1);
}

void tst_ServerAdmin::issuedTokenWorksAndRevokingClosesItsSessions()
{
    QCOMPARE(m_server->admin(
                 {u"user"_s, u"add"_s, u"--user"_s, u"carol"_s, u"--name"_s, u"Carol Example"_s}),
             0);
    QString out;
    QCOMPARE(m_server->admin({u"token"_s, u"issue"_s, u"--user"_s, u"carol"_s, u"--json"_s}, &out),
             0);
    const QJsonObject issued = QJsonDocument::fromJson(out.toUtf8()).object();
    const QString token = issued.value(u"token"_s).toString();
    QVERIFY(token.size() >= 40);
    // Stored hashed: the plain token is nowhere in the database files.
    for (const QString &name : {u"server.sqlite"_s, u"server.sqlite-wal"_s}) {
        QFile file(m_dir->filePath(name));
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains(token.toUtf8()));
    }

    TestClient carol;
    const auto snapshot = carol.login(m_server->url(), token);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"user"_s).toObject().value(u"name"_s).toString(), u"Carol Example"_s);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), 1);

    QCOMPARE(m_server->admin({u"token"_s, u"revoke"_s, u"--token-id"_s,
                              QString::number(issued.value(u"tokenId"_s).toInteger())}),
             0);
    QCOMPARE(carol.next()->value(u"code"_s).toString(), u"unauthorized"_s);
    QCOMPARE(carol.waitForClose(), 4001);
    TestClient later;
    QVERIFY(later.open(m_server->url()));
    later.sendJson({{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token}});
    QCOMPARE(later.next(15000)->value(u"code"_s).toString(), u"unauthorized"_s);
}

// followme-admin --db beside the running server on its SQLite file: the change is not pushed,
// so the session's next edit would be acknowledged with a revision that skips it. The server
// sends a snapshot (with both changes) just before that ack, and the ack is not above it, as a
// client that takes an ack's revision as its own needs. Another session of the user is told
// with a snapshot too (its push would skip the same revision).
void tst_ServerAdmin::anAckThatSkipsARevisionComesAfterASnapshot()
{
    TestClient editing;
    TestClient watching;
    const auto before = editing.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(before);
    QVERIFY(watching.login(m_server->url(), u"alice-demo-token"_s));
    const qint64 start = before->value(u"revision"_s).toInteger();
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, m_dir->filePath(u"server.sqlite"_s), u"device"_s,
                                      u"set-rule"_s, u"--device"_s, u"desk"_s, u"--kind"_s,
                                      u"internal"_s, u"--delay"_s, u"8"_s}),
             0);
    editing.sendJson(setRule(u"after-the-tool"_s, u"mobile"_s, {{u"delay"_s, 4}}));
    for (TestClient *client : {&editing, &watching}) {
        const auto snapshot = client->next();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);
        QCOMPARE(snapshot->value(u"revision"_s).toInteger(), start + 2);
        QCOMPARE(ruleOf(*snapshot, u"desk"_s, u"internal"_s).value(u"delay"_s).toInt(), 8);
        QCOMPARE(ruleOf(*snapshot, u"mobile"_s, u"external"_s).value(u"delay"_s).toInt(), 4);
    }
    const auto ack = editing.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(ack->value(u"revision"_s).toInteger(), start + 2);
    QVERIFY(watching.receivedNothingMore());
}

void tst_ServerAdmin::shutdownClosesWith1001AndDbModeWorksWhileStopped()
{
    TestClient alice;
    QVERIFY(alice.login(m_server->url(), u"alice-demo-token"_s));
    QCOMPARE(m_server->terminate(), 0);
    QCOMPARE(alice.waitForClose(), 1001);

    const QString db = m_dir->filePath(u"server.sqlite"_s);
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"user"_s, u"add"_s, u"--user"_s, u"dave"_s,
                                      u"--name"_s, u"Dave"_s}),
             0);
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"device"_s, u"add"_s, u"--user"_s, u"dave"_s,
                                      u"--id"_s, u"dave-soft"_s, u"--name"_s, u"Softphone"_s,
                                      u"--kind"_s, u"softphone"_s, u"--number"_s, u"204"_s,
                                      u"--locked"_s}),
             0);
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"device"_s, u"set-rule"_s, u"--device"_s,
                                      u"dave-soft"_s, u"--kind"_s, u"teams"_s, u"--enabled"_s,
                                      u"false"_s}),
             0);
    QString out;
    QCOMPARE(ServerProcess::runAdmin(
                 {u"--db"_s, db, u"token"_s, u"issue"_s, u"--user"_s, u"dave"_s}, &out),
             0);
    const QString token = out.trimmed();
    QCOMPARE(
        ServerProcess::runAdmin({u"--db"_s, db, u"device"_s, u"lock"_s, u"--device"_s, u"nope"_s}),
        2);

    QVERIFY(m_server->start(db));
    TestClient dave;
    const auto snapshot = dave.login(m_server->url(), token);
    QVERIFY(snapshot);
    const QJsonObject device = deviceIn(*snapshot, u"dave-soft"_s);
    QCOMPARE(device.value(u"userConfigurable"_s).toBool(), false);
    QCOMPARE(device.value(u"rules"_s).toObject().value(u"teams"_s).toObject().value(u"enabled"_s),
             QJsonValue(false));
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), 3);
}

QTEST_GUILESS_MAIN(tst_ServerAdmin)
#include "tst_serveradmin.moc"
