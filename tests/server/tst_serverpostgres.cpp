// SPDX-License-Identifier: GPL-3.0-or-later
// The server on PostgreSQL (docs/server.md, "PostgreSQL"), in a throwaway cluster the test
// starts: what the protocol suite (also run on PostgreSQL) does not show. Several servers on
// one database keep one user's revisions gap-free and answer a resent request once whichever
// server gets it; the data outlives a restart; followme-admin works on the database; a newer
// schema and an unusable URL are refused, and the password never shows.
#include "PostgresCluster.h"
#include "ProgramRun.h"
#include "ReverseProxy.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString aliceToken = u"alice-demo-token"_s;

QJsonObject setDelay(const QString &id, const QString &device, int delay)
{
    return {{u"type"_s, u"setRule"_s},
            {u"id"_s, id},
            {u"device"_s, device},
            {u"callKind"_s, u"external"_s},
            {u"delay"_s, delay}};
}

QJsonObject deviceIn(const QJsonObject &snapshot, const QString &device)
{
    for (const QJsonValue &value :
         snapshot.value(u"settings"_s).toObject().value(u"devices"_s).toArray()) {
        if (value.toObject().value(u"id"_s) == device)
            return value.toObject();
    }
    return {};
}

// A device's rule for one call kind in a snapshot (external unless said).
QJsonObject ruleIn(const QJsonObject &snapshot, const QString &device,
                   const QString &callKind = QStringLiteral("external"))
{
    return deviceIn(snapshot, device).value(u"rules"_s).toObject().value(callKind).toObject();
}

// What a new session of alice is told: nothing when the login fails.
std::optional<QJsonObject> newSessionSnapshot(const ServerProcess &server)
{
    TestClient client;
    return client.login(server.url(), aliceToken);
}

// An admin session on `server`; false if the hello is not answered with adminReady.
bool adminLogin(TestClient &client, const ServerProcess &server)
{
    if (!client.open(server.url()))
        return false;
    client.sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"admin-demo-token"_s}});
    const auto ready = client.next();
    return ready && ready->value(u"type"_s).toString() == u"adminReady";
}

QJsonObject adminCommand(const QString &id, const QString &command, const QJsonObject &args)
{
    return {{u"type"_s, u"admin"_s}, {u"id"_s, id}, {u"command"_s, command}, {u"args"_s, args}};
}

// What one session of alice is told while others edit: every message's revision, and the desk
// and mobile delays it ends with (from its snapshots and ruleChanged pushes).
struct Observed
{
    QList<qint64> revisions;
    QList<QString> types;
    int deskDelay = -1;
    int mobileDelay = -1;

    void take(const QJsonObject &message)
    {
        const QString type = message.value(u"type"_s).toString();
        types.append(type);
        revisions.append(message.value(u"revision"_s).toInteger());
        if (type == u"snapshot") {
            deskDelay = ruleIn(message, u"desk"_s).value(u"delay"_s).toInt();
            mobileDelay = ruleIn(message, u"mobile"_s).value(u"delay"_s).toInt();
        } else if (type == u"ruleChanged") {
            const int delay = message.value(u"rule"_s).toObject().value(u"delay"_s).toInt();
            if (message.value(u"device"_s).toString() == u"desk")
                deskDelay = delay;
            else if (message.value(u"device"_s).toString() == u"mobile")
                mobileDelay = delay;
        }
    }
    // Strictly increasing; a push follows the revision before it, a snapshot may skip ahead.
    QString problem(qint64 start) const
    {
        qint64 last = start;
        for (qsizetype i = 0; i < revisions.size(); ++i) {
            const bool push = types.at(i) != u"snapshot";
            if (revisions.at(i) <= last || (push && revisions.at(i) != last + 1))
                return u"%1 of revision %2 after revision %3"_s.arg(types.at(i))
                    .arg(revisions.at(i))
                    .arg(last);
            last = revisions.at(i);
        }
        return {};
    }
};

// As a client does after PostgreSQL restarted: an edit answered internal is sent again (same
// id), up to a few times. The ack, or nothing; each other answer ("TYPE CODE") in `refusals`.
std::optional<QJsonObject> sendUntilAcked(TestClient &client, const QJsonObject &edit,
                                          QStringList *refusals)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        client.sendJson(edit);
        std::optional<QJsonObject> answer;
        // A snapshot (the server resyncing its sessions once it hears again) is no answer.
        do {
            answer = client.next(15000);
        } while (answer && answer->value(u"type"_s).toString() == u"snapshot");
        if (!answer)
            return std::nullopt;
        const QString type = answer->value(u"type"_s).toString();
        if (type == u"ack")
            return answer;
        refusals->append(type + u' ' + answer->value(u"code"_s).toString());
    }
    return std::nullopt;
}

// A server that is expected to refuse its start, run to its end.
ProgramRun runServer(const QStringList &arguments)
{
    return runProgram(ServerProcess::serverExecutable(), arguments,
                      QProcessEnvironment::systemEnvironment(), QDir::currentPath(), 30000);
}

// It ended by itself with exit code 2, the code of a configuration refused at start.
bool refusedAtStart(const ProgramRun &run)
{
    return run.finished && run.exitStatus == QProcess::NormalExit && run.exitCode == 2;
}

} // namespace

class tst_ServerPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void twoServersKeepOneUsersRevisionsGapFree();
    void partialEditsOfOneRuleOnTwoServersAllCount();
    void aResendToTheOtherServerIsAnsweredOnce();
    void anEditOnOneServerIsPushedByTheOther();
    void anAdminChangeOnOneServerReachesTheOther();
    void aChangeOfAKilledServerIsStillPushed();
    void changesAreHeardAgainAfterPostgresRestarts();
    void sessionsThroughAProxySeeEachOthersEdits();
    void aClientOfAKilledServerGoesOnThroughTheProxy();
    void failedLoginsCountAcrossServers();
    void dataOutlivesARestart();
    void theServerReconnectsWhenPostgresRestarts();
    void adminToolWorksOnTheDatabase();
    void aSqliteDatabaseMovesIntoPostgres();
    void newerSchemaIsRefusedUntouched();
    void unusableUrlIsRefused_data();
    void unusableUrlIsRefused();
    void passwordNeverShows();

private:
    // A fresh database with the demo users (seeded by a first server start).
    QString freshDatabase();
    // Two servers on one fresh database; false (with the reason logged) if either won't start.
    bool startTwoServers(ServerProcess &a, ServerProcess &b,
                         const QStringList &arguments = {QStringLiteral("--demo")});

    TestDatabase m_database;
    int m_databases = 0;
};

void tst_ServerPostgres::initTestCase()
{
    QVERIFY2(TestDatabase::postgresWanted(),
             "run with FOLLOWME_TEST_DATABASE=postgresql (CTest does)");
    QVERIFY2(m_database.create(u"first"_s), qPrintable(m_database.errors()));
}

QString tst_ServerPostgres::freshDatabase()
{
    const QString name = u"db%1"_s.arg(++m_databases);
    if (!m_database.create(name)) {
        qWarning("%s", qPrintable(m_database.errors()));
        return {};
    }
    return m_database.location();
}

bool tst_ServerPostgres::startTwoServers(ServerProcess &a, ServerProcess &b,
                                         const QStringList &arguments)
{
    const QString db = freshDatabase();
    for (ServerProcess *server : {&a, &b}) {
        if (db.isEmpty() || !server->start(db, arguments)) {
            qWarning("%s", qPrintable(server->errors()));
            return false;
        }
    }
    return true;
}

// Two servers, each with a session of alice editing in a closed loop (each edit a real change):
// the revisions acknowledged on both together are exactly the next ones, each once.
void tst_ServerPostgres::twoServersKeepOneUsersRevisionsGapFree()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    TestClient onB;
    const auto start = onA.login(a.url(), aliceToken);
    QVERIFY(start);
    QVERIFY(onB.login(b.url(), aliceToken));
    const qint64 first = start->value(u"revision"_s).toInteger();
    // A session on each server that only watches: told of every change in order.
    TestClient watchingA;
    TestClient watchingB;
    QVERIFY(watchingA.login(a.url(), aliceToken));
    QVERIFY(watchingB.login(b.url(), aliceToken));

    constexpr int editsEach = 40;
    TestClient *clients[] = {&onA, &onB};
    const QString devices[] = {u"desk"_s, u"mobile"_s};
    const auto send = [&](int which, int number) {
        clients[which]->sendJson(
            setDelay(u"%1-%2"_s.arg(devices[which]).arg(number), devices[which], 100 + number));
    };
    // Both in flight at once: each sends its next edit when its last one is acknowledged.
    int acked[] = {0, 0};
    send(0, 0);
    send(1, 0);
    QList<qint64> revisions;
    while (acked[0] < editsEach || acked[1] < editsEach) {
        for (int which : {0, 1}) {
            if (acked[which] == editsEach)
                continue;
            const auto ack = clients[which]->nextOfType(u"ack"_s, 15000);
            QVERIFY2(ack, "an edit was not acknowledged");
            revisions.append(ack->value(u"revision"_s).toInteger());
            if (++acked[which] < editsEach)
                send(which, acked[which]);
        }
    }
    std::sort(revisions.begin(), revisions.end());
    QList<qint64> expected;
    for (qint64 r = first + 1; r <= first + 2 * editsEach; ++r)
        expected.append(r);
    QCOMPARE(revisions, expected);

    // And a new session on either server sees the last of them.
    const qint64 last = first + 2 * editsEach;
    const auto snapshot = newSessionSnapshot(a);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), last);
    QCOMPARE(ruleIn(*snapshot, u"desk"_s).value(u"delay"_s).toInt(), 100 + editsEach - 1);
    QCOMPARE(ruleIn(*snapshot, u"mobile"_s).value(u"delay"_s).toInt(), 100 + editsEach - 1);

    // The watching sessions were told every revision in order, none twice, ending with the
    // same settings: pushes of either server's edits, a snapshot where one would have been out
    // of order.
    for (TestClient *watching : {&watchingA, &watchingB}) {
        Observed observed;
        while (observed.revisions.isEmpty() || observed.revisions.last() < last) {
            const auto message = watching->next(15000);
            QVERIFY2(message, "a watching session was not told of every change");
            observed.take(*message);
        }
        QVERIFY2(observed.problem(first).isEmpty(), qPrintable(observed.problem(first)));
        QCOMPARE(observed.deskDelay, 100 + editsEach - 1);
        QCOMPARE(observed.mobileDelay, 100 + editsEach - 1);
        QVERIFY(watching->receivedNothingMore());
    }
}

// A session on server B is told of an edit made through server A, in order and once.
void tst_ServerPostgres::anEditOnOneServerIsPushedByTheOther()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    TestClient onB;
    QVERIFY(onA.login(a.url(), aliceToken));
    QVERIFY(onB.login(b.url(), aliceToken));
    for (int delay : {31, 32, 33}) {
        onA.sendJson(setDelay(u"across-%1"_s.arg(delay), u"desk"_s, delay));
        const auto ack = onA.nextOfType(u"ack"_s);
        QVERIFY(ack);
        const auto push = onB.next(15000);
        QVERIFY2(push, "the other server did not push the edit");
        QCOMPARE(push->value(u"type"_s).toString(), u"ruleChanged"_s);
        QCOMPARE(push->value(u"revision"_s), ack->value(u"revision"_s));
        QCOMPARE(push->value(u"device"_s).toString(), u"desk"_s);
        QCOMPARE(push->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), delay);
    }
    QVERIFY(onB.receivedNothingMore());
    QVERIFY(onA.receivedNothingMore());
}

// An administrator working on server B: locking a device gives alice's session on A a
// snapshot with the device locked, a rule set by the administrator comes as a push naming
// them, and an admin session watching alice on A is told of an edit made on B.
void tst_ServerPostgres::anAdminChangeOnOneServerReachesTheOther()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    QVERIFY(onA.login(a.url(), aliceToken));
    TestClient adminOnB;
    QVERIFY(adminLogin(adminOnB, b));
    adminOnB.sendJson(adminCommand(u"lock"_s, u"device.lock"_s, {{u"device"_s, u"desk"_s}}));
    const auto locked = adminOnB.nextOfType(u"ack"_s);
    QVERIFY(locked);
    const auto snapshot = onA.next(15000);
    QVERIFY2(snapshot, "the lock did not reach the session on the other server");
    QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);
    QCOMPARE(snapshot->value(u"revision"_s),
             locked->value(u"result"_s).toObject().value(u"revision"_s));
    QCOMPARE(deviceIn(*snapshot, u"desk"_s).value(u"userConfigurable"_s).toBool(), false);

    adminOnB.sendJson(
        adminCommand(u"rule"_s, u"device.setRule"_s,
                     {{u"device"_s, u"desk"_s}, {u"callKind"_s, u"external"_s}, {u"delay"_s, 9}}));
    QVERIFY(adminOnB.nextOfType(u"ack"_s));
    const auto push = onA.next(15000);
    QVERIFY(push);
    QCOMPARE(push->value(u"type"_s).toString(), u"ruleChanged"_s);
    QCOMPARE(push->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), 9);
    QCOMPARE(push->value(u"change"_s).toObject().value(u"action"_s).toString(),
             u"device.setRule"_s);

    TestClient adminOnA;
    QVERIFY(adminLogin(adminOnA, a));
    adminOnA.sendJson(adminCommand(u"watch"_s, u"user.watch"_s, {{u"user"_s, u"alice"_s}}));
    QVERIFY(adminOnA.nextOfType(u"ack"_s));
    TestClient onB;
    QVERIFY(onB.login(b.url(), aliceToken));
    onB.sendJson(setDelay(u"watched"_s, u"mobile"_s, 14));
    const auto ack = onB.nextOfType(u"ack"_s);
    QVERIFY(ack);
    const auto watched = adminOnA.nextOfType(u"userChanged"_s, 15000);
    QVERIFY2(watched, "the watching admin session on the other server was not told");
    QCOMPARE(watched->value(u"change"_s).toObject().value(u"revision"_s),
             ack->value(u"revision"_s));
}

// A change is pushed by the other servers whatever becomes of the one that committed it:
// followme-admin --db commits and ends without pushing anything, and a server killed right
// after its commit (by the fault the test sets) never pushes its own.
void tst_ServerPostgres::aChangeOfAKilledServerIsStillPushed()
{
    ServerProcess b;
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    QVERIFY2(b.start(db, {u"--demo"_s}), qPrintable(b.errors()));
    TestClient onB;
    QVERIFY(onB.login(b.url(), aliceToken));

    QString out;
    QString err;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"device"_s, u"set-rule"_s, u"--device"_s,
                                      u"desk"_s, u"--kind"_s, u"external"_s, u"--delay"_s, u"12"_s},
                                     &out, &err),
             0);
    const auto fromTool = onB.next(15000);
    QVERIFY2(fromTool, qPrintable(u"the tool's change was not pushed: "_s + out + err));
    QCOMPARE(fromTool->value(u"type"_s).toString(), u"ruleChanged"_s);
    QCOMPARE(fromTool->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), 12);

    ServerProcess dying;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"FOLLOWME_FAULT_KILL_AFTER_COMMIT"_s, u"1"_s);
    dying.setEnvironment(environment);
    QVERIFY2(dying.start(db), qPrintable(dying.errors()));
    TestClient onDying;
    QVERIFY(onDying.login(dying.url(), aliceToken));
    onDying.sendJson(setDelay(u"last-words"_s, u"desk"_s, 13));
    // Neither an ack nor a push: the connection just ends (the test's event loop sends the edit).
    onDying.waitForClose(15000);
    QVERIFY(!onDying.isConnected());
    QVERIFY2(dying.waitForCrash(),
             qPrintable(u"the server did not die after its commit: "_s + dying.errors()));
    const auto fromDead = onB.next(15000);
    QVERIFY2(fromDead, "the change of the killed server was not pushed");
    QCOMPARE(fromDead->value(u"type"_s).toString(), u"ruleChanged"_s);
    QCOMPARE(fromDead->value(u"revision"_s).toInteger(),
             fromTool->value(u"revision"_s).toInteger() + 1);
    QCOMPARE(fromDead->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), 13);
}

// PostgreSQL restarted under two servers: both reconnect, and a change committed on one
// afterwards reaches the other's session, by push or (if it may have missed it) by snapshot.
void tst_ServerPostgres::changesAreHeardAgainAfterPostgresRestarts()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    TestClient onB;
    QVERIFY(onA.login(a.url(), aliceToken));
    QVERIFY(onB.login(b.url(), aliceToken));
    QVERIFY2(m_database.cluster()->restart(), qPrintable(m_database.cluster()->errors()));

    QStringList refusals;
    const auto ack = sendUntilAcked(onA, setDelay(u"after-restart"_s, u"desk"_s, 44), &refusals);
    QVERIFY2(ack, qPrintable(refusals.join(u", "_s) + u"\n"_s + a.errors()));
    const qint64 revision = ack->value(u"revision"_s).toInteger();
    Observed observed;
    while (observed.revisions.isEmpty() || observed.revisions.last() < revision) {
        const auto message = onB.next(15000);
        QVERIFY2(message, qPrintable(u"the other server's session was not told: "_s + b.errors()));
        observed.take(*message);
    }
    QCOMPARE(observed.revisions.last(), revision);
    QCOMPARE(observed.deskDelay, 44);
    QVERIFY(onB.isConnected());
}

// One rule changed through both servers at once, one member each: its delay by alice on A, its
// timeout by alice on B, whether it is on by an administrator on B (each sends its next change
// when the last was acknowledged). Each change is applied to what the others committed before,
// so the rule ends with all three last values (no lost update).
void tst_ServerPostgres::partialEditsOfOneRuleOnTwoServersAllCount()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    TestClient onB;
    TestClient adminOnB;
    QVERIFY(onA.login(a.url(), aliceToken));
    QVERIFY(onB.login(b.url(), aliceToken));
    QVERIFY(adminLogin(adminOnB, b));
    constexpr int changesEach = 50;
    const auto edit = [](const QString &member, int number) {
        return QJsonObject {{u"type"_s, u"setRule"_s},
                            {u"id"_s, u"%1-%2"_s.arg(member).arg(number)},
                            {u"device"_s, u"dect"_s},
                            {u"callKind"_s, u"internal"_s},
                            {member, 40 + number}};
    };
    const auto enabled = [](int number) {
        return number % 2 == 0;
    };
    for (int number = 0; number < changesEach; ++number) {
        onA.sendJson(edit(u"delay"_s, number));
        onB.sendJson(edit(u"timeout"_s, number));
        adminOnB.sendJson(adminCommand(u"enable-%1"_s.arg(number), u"device.setRule"_s,
                                       {{u"device"_s, u"dect"_s},
                                        {u"callKind"_s, u"internal"_s},
                                        {u"enabled"_s, enabled(number)}}));
        QVERIFY(onA.nextOfType(u"ack"_s, 15000));
        QVERIFY(onB.nextOfType(u"ack"_s, 15000));
        QVERIFY(adminOnB.nextOfType(u"ack"_s, 15000));
    }
    const auto snapshot = newSessionSnapshot(a);
    QVERIFY(snapshot);
    const QJsonObject rule = ruleIn(*snapshot, u"dect"_s, u"internal"_s);
    QCOMPARE(rule.value(u"delay"_s).toInt(), 40 + changesEach - 1);
    QCOMPARE(rule.value(u"timeout"_s).toInt(), 40 + changesEach - 1);
    QCOMPARE(rule.value(u"enabled"_s).toBool(), enabled(changesEach - 1));
}

// The request ids are remembered in the database: a client that resends through another
// server (its first one went away before the ack arrived) gets the first answer, no new change.
void tst_ServerPostgres::aResendToTheOtherServerIsAnsweredOnce()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    TestClient onA;
    QVERIFY(onA.login(a.url(), aliceToken));
    const QJsonObject edit = setDelay(u"resend-across"_s, u"desk"_s, 17);
    onA.sendJson(edit);
    const auto ack = onA.nextOfType(u"ack"_s);
    QVERIFY(ack);
    const qint64 revision = ack->value(u"revision"_s).toInteger();

    TestClient onB;
    QVERIFY(onB.login(b.url(), aliceToken));
    QJsonObject altered = edit;
    altered.insert(u"delay"_s, 18); // the id decides, not the content
    onB.sendJson(altered);
    const auto again = onB.nextOfType(u"ack"_s);
    QVERIFY(again);
    QCOMPARE(again->value(u"revision"_s).toInteger(), revision);
    const auto snapshot = newSessionSnapshot(b);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision);
    QCOMPARE(ruleIn(*snapshot, u"desk"_s).value(u"delay"_s).toInt(), 17);
}

// The limit of failed logins holds for an address whichever servers it tries: two failures on
// each of two servers with a limit of 4, and the next hello is refused as rate_limited on both,
// though neither server saw 4 itself.
// HAProxy in front of two servers, taking turns: two sessions of alice, one on each server,
// see each other's edits as if there were one server.
void tst_ServerPostgres::sessionsThroughAProxySeeEachOthersEdits()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    ReverseProxy proxy;
    QVERIFY2(proxy.start({a.port(), b.port()}), qPrintable(proxy.errors()));
    TestClient first;
    TestClient second;
    QVERIFY(first.login(proxy.url(), aliceToken));
    QVERIFY(second.login(proxy.url(), aliceToken));
    for (auto [from, to] : {std::pair {&first, &second}, std::pair {&second, &first}}) {
        const int delay = from == &first ? 21 : 22;
        from->sendJson(setDelay(u"proxied-%1"_s.arg(delay), u"desk"_s, delay));
        const auto ack = from->nextOfType(u"ack"_s);
        QVERIFY(ack);
        const auto push = to->next(15000);
        QVERIFY2(push, "an edit through the proxy was not pushed to the other session");
        QCOMPARE(push->value(u"type"_s).toString(), u"ruleChanged"_s);
        QCOMPARE(push->value(u"revision"_s), ack->value(u"revision"_s));
        QCOMPARE(push->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), delay);
    }
}

// The server a client is connected to through the proxy is killed: the client connects again
// through the proxy, reaches the other server, and its resent edit (the ack was lost with the
// server) is answered once with the first revision; nothing acknowledged is lost, and a session
// that was on the other server all along saw every change once.
void tst_ServerPostgres::aClientOfAKilledServerGoesOnThroughTheProxy()
{
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b));
    ReverseProxy proxy;
    // All to the first server that is up, so the test knows which one the client is on.
    QVERIFY2(proxy.start({a.port(), b.port()}, ReverseProxy::Balance::First),
             qPrintable(proxy.errors()));
    TestClient onB;
    QVERIFY(onB.login(b.url(), aliceToken));
    TestClient client;
    QVERIFY(client.login(proxy.url(), aliceToken));
    const QJsonObject edit = setDelay(u"before-the-kill"_s, u"mobile"_s, 27);
    client.sendJson(edit);
    const auto ack = client.nextOfType(u"ack"_s);
    QVERIFY(ack);
    a.kill();
    QVERIFY(client.waitForClose(15000) != -1 || !client.isConnected());

    TestClient again;
    const auto snapshot = again.login(proxy.url(), aliceToken);
    QVERIFY2(snapshot, "the client could not connect again through the proxy");
    QCOMPARE(snapshot->value(u"revision"_s), ack->value(u"revision"_s));
    QCOMPARE(ruleIn(*snapshot, u"mobile"_s).value(u"delay"_s).toInt(), 27);
    again.sendJson(edit);
    const auto resent = again.nextOfType(u"ack"_s);
    QVERIFY(resent);
    QCOMPARE(resent->value(u"revision"_s), ack->value(u"revision"_s));
    again.sendJson(setDelay(u"after-the-kill"_s, u"mobile"_s, 28));
    const auto next = again.nextOfType(u"ack"_s);
    QVERIFY(next);
    QCOMPARE(next->value(u"revision"_s).toInteger(), ack->value(u"revision"_s).toInteger() + 1);

    Observed observed;
    const qint64 start = ack->value(u"revision"_s).toInteger() - 1;
    while (observed.revisions.isEmpty() || observed.revisions.last() < start + 2) {
        const auto message = onB.next(15000);
        QVERIFY2(message, "the session on the other server was not told every change");
        observed.take(*message);
    }
    QVERIFY2(observed.problem(start).isEmpty(), qPrintable(observed.problem(start)));
    QVERIFY(onB.receivedNothingMore());
}

void tst_ServerPostgres::failedLoginsCountAcrossServers()
{
    const QStringList quick {
        u"--demo"_s, u"--login-delay"_s,         u"0"_s, u"--login-delay-max"_s,
        u"0"_s,      u"--login-failure-limit"_s, u"4"_s};
    ServerProcess a;
    ServerProcess b;
    QVERIFY(startTwoServers(a, b, quick));
    const auto attempt = [](const ServerProcess &server, const QString &token) {
        TestClient client;
        if (!client.open(server.url()))
            return u"no connection"_s;
        client.sendJson({{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token}});
        const auto answer = client.next(15000);
        if (!answer)
            return u"no answer"_s;
        return answer->value(u"type"_s).toString() == u"snapshot"
            ? u"snapshot"_s
            : answer->value(u"code"_s).toString();
    };
    for (const ServerProcess *server : {&a, &b, &a, &b})
        QCOMPARE(attempt(*server, u"wrong-token"_s), u"unauthorized"_s);
    QCOMPARE(attempt(a, u"wrong-token"_s), u"rate_limited"_s);
    // Even with the right token: the address is over the limit for now.
    QCOMPARE(attempt(b, aliceToken), u"rate_limited"_s);
}

void tst_ServerPostgres::dataOutlivesARestart()
{
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    qint64 revision = 0;
    {
        ServerProcess server;
        QVERIFY2(server.start(db, {u"--demo"_s}), qPrintable(server.errors()));
        TestClient client;
        QVERIFY(client.login(server.url(), aliceToken));
        client.sendJson(setDelay(u"before-restart"_s, u"softphone"_s, 23));
        const auto ack = client.nextOfType(u"ack"_s);
        QVERIFY(ack);
        revision = ack->value(u"revision"_s).toInteger();
        // SIGKILL: what was acknowledged is committed, whatever the server had in memory.
        server.kill();
    }
    ServerProcess server;
    QVERIFY2(server.start(db), qPrintable(server.errors()));
    const auto snapshot = newSessionSnapshot(server);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision);
    QCOMPARE(ruleIn(*snapshot, u"softphone"_s).value(u"delay"_s).toInt(), 23);
}

// PostgreSQL restarted under a running server: its sessions stay, the request that finds the
// connection lost is refused as internal and changes nothing, and the next one is served on a
// new connection, with the data of before.
void tst_ServerPostgres::theServerReconnectsWhenPostgresRestarts()
{
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    ServerProcess server;
    QVERIFY2(server.start(db, {u"--demo"_s}), qPrintable(server.errors()));
    TestClient client;
    QVERIFY(client.login(server.url(), aliceToken));
    client.sendJson(setDelay(u"before-pg-restart"_s, u"desk"_s, 41));
    QVERIFY(client.nextOfType(u"ack"_s));

    QVERIFY2(m_database.cluster()->restart(), qPrintable(m_database.cluster()->errors()));
    QStringList refusals;
    const auto ack =
        sendUntilAcked(client, setDelay(u"after-pg-restart"_s, u"desk"_s, 42), &refusals);
    for (const QString &refusal : std::as_const(refusals))
        QCOMPARE(refusal, u"error internal"_s);
    QVERIFY2(ack, qPrintable(refusals.join(u", "_s) + u"\n"_s + server.errors()));
    QVERIFY(client.isConnected());
    const auto snapshot = newSessionSnapshot(server);
    QVERIFY2(snapshot, qPrintable(server.errors()));
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), ack->value(u"revision"_s).toInteger());
    QCOMPARE(ruleIn(*snapshot, u"desk"_s).value(u"delay"_s).toInt(), 42);
}

void tst_ServerPostgres::adminToolWorksOnTheDatabase()
{
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    ServerProcess server;
    QVERIFY2(server.start(db, {u"--demo"_s}), qPrintable(server.errors()));
    QString out;
    QString err;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, db, u"device"_s, u"set-rule"_s, u"--device"_s,
                                      u"desk"_s, u"--kind"_s, u"external"_s, u"--delay"_s, u"11"_s},
                                     &out, &err),
             0);
    QVERIFY2(out.contains(u"revision=2"_s), qPrintable(out + err));
    QCOMPARE(ServerProcess::runAdmin(
                 {u"--db"_s, db, u"audit"_s, u"list"_s, u"--user"_s, u"alice"_s}, &out, &err),
             0);
    QVERIFY2(out.contains(u"device.setRule desk external"_s), qPrintable(out + err));
    // The running server reads what the tool committed.
    const auto snapshot = newSessionSnapshot(server);
    QVERIFY(snapshot);
    QCOMPARE(ruleIn(*snapshot, u"desk"_s).value(u"delay"_s).toInt(), 11);
    // backup copies SQLite files: for PostgreSQL it says what to use instead.
    QCOMPARE(
        ServerProcess::runAdmin({u"--db"_s, db, u"backup"_s, u"/tmp/never-written"_s}, &out, &err),
        3);
    QVERIFY2(err.contains(u"pg_dump"_s), qPrintable(err));
}

// followme-admin --db FILE copy-to URL: after the move the same users, tokens, settings,
// revisions, remembered request ids and audit log, served from PostgreSQL.
void tst_ServerPostgres::aSqliteDatabaseMovesIntoPostgres()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString file = folder.filePath(u"server.sqlite"_s);
    qint64 revision = 0;
    QString bobsToken;
    {
        ServerProcess server;
        QVERIFY2(server.start(file, {u"--demo"_s}), qPrintable(server.errors()));
        TestClient client;
        QVERIFY(client.login(server.url(), aliceToken));
        client.sendJson(setDelay(u"moved-1"_s, u"desk"_s, 31));
        const auto ack = client.nextOfType(u"ack"_s);
        QVERIFY(ack);
        revision = ack->value(u"revision"_s).toInteger();
        QString out;
        QCOMPARE(server.admin({u"token"_s, u"issue"_s, u"--user"_s, u"bob"_s}, &out), 0);
        bobsToken = out.section(u'\n', 0, 0).trimmed();
        QVERIFY(!bobsToken.isEmpty());
    }
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    QString out;
    QString err;
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, file, u"copy-to"_s, db}, &out, &err), 0);
    QVERIFY2(out.contains(u"\"users\":2"_s), qPrintable(out + err));
    QVERIFY2(out.contains(u"\"audit_log\":2"_s), qPrintable(out + err)); // the edit, the token

    ServerProcess server;
    QVERIFY2(server.start(db), qPrintable(server.errors()));
    TestClient alice;
    const auto snapshot = alice.login(server.url(), aliceToken);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"revision"_s).toInteger(), revision);
    QCOMPARE(ruleIn(*snapshot, u"desk"_s).value(u"delay"_s).toInt(), 31);
    // The request id came along: its resend is answered with the first revision.
    alice.sendJson(setDelay(u"moved-1"_s, u"desk"_s, 32));
    const auto again = alice.nextOfType(u"ack"_s);
    QVERIFY(again);
    QCOMPARE(again->value(u"revision"_s).toInteger(), revision);
    // The token issued before the move (a hash only) still logs in; a new one gets a new id.
    TestClient bob;
    QVERIFY(bob.login(server.url(), bobsToken));
    QCOMPARE(server.admin({u"token"_s, u"issue"_s, u"--user"_s, u"bob"_s}, &out, &err), 0);
    // 3 demo tokens and bob's 4th: the next id is 5 (the note is on standard error).
    QVERIFY2(err.contains(u"token id 5"_s), qPrintable(out + err));
    QCOMPARE(ServerProcess::runAdmin(
                 {u"--db"_s, db, u"audit"_s, u"list"_s, u"--user"_s, u"alice"_s}, &out, &err),
             0);
    // alice's own edit, from where she made it
    QVERIFY2(out.contains(u"user 127.0.0.1\trevision %1\tsetRule desk external"_s.arg(revision)),
             qPrintable(out + err));

    // Into a database that has data already: refused, nothing mixed in.
    QCOMPARE(ServerProcess::runAdmin({u"--db"_s, file, u"copy-to"_s, db}, &out, &err), 3);
    QVERIFY2(err.contains(u"is not empty"_s), qPrintable(err));
}

void tst_ServerPostgres::newerSchemaIsRefusedUntouched()
{
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    {
        ServerProcess server;
        QVERIFY2(server.start(db, {u"--demo"_s}), qPrintable(server.errors()));
    }
    const QString name = u"db%1"_s.arg(m_databases);
    PostgresCluster *cluster = m_database.cluster();
    QVERIFY2(cluster->sql(name, u"UPDATE followme_schema SET version = 99"_s),
             qPrintable(cluster->errors()));
    const ProgramRun run = runServer({u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY2(refusedAtStart(run), run.describe().constData());
    QVERIFY2(run.err.contains(u"newer server (schema 99"_s), run.describe().constData());
    QString version;
    QVERIFY(cluster->sql(name, u"SELECT version FROM followme_schema"_s, &version));
    QCOMPARE(version, u"99"_s);
    QString users;
    QVERIFY(cluster->sql(name, u"SELECT count(*) FROM users"_s, &users));
    QCOMPARE(users, u"2"_s);
}

void tst_ServerPostgres::unusableUrlIsRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    const QString folder = m_database.location().section(u"host="_s, 1).section(u'&', 0, 0);
    QTest::newRow("no such database")
        << u"postgresql://followme@/nosuchdb?host=%1&port=5432"_s.arg(folder)
        << u"cannot open the database"_s;
    QTest::newRow("no server there") << u"postgresql://followme@/db?host=/nonexistent&port=5432"_s
                                     << u"cannot open the database"_s;
    QTest::newRow("not a port") << u"postgresql://followme@/db?port=http"_s
                                << u"not a port number"_s;
}

void tst_ServerPostgres::unusableUrlIsRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    const ProgramRun run = runServer({u"--db"_s, url, u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY2(refusedAtStart(run), run.describe().constData());
    QVERIFY2(run.err.contains(says), run.describe().constData());
}

void tst_ServerPostgres::passwordNeverShows()
{
    const QString db = freshDatabase();
    QVERIFY(!db.isEmpty());
    // Trust authentication ignores the password, so the server starts and logs where it is.
    const QString withPassword =
        QString(db).replace(u"postgresql://followme@"_s, u"postgresql://followme:s3cr3t-pw@"_s);
    ServerProcess server;
    // Not QVERIFY2(..., errors()): its message is made even when the start works, and errors()
    // takes what it returns.
    QVERIFY(server.start(withPassword, {u"--demo"_s}));
    // What has come so far; the line may still be on its way.
    QString log;
    QTRY_VERIFY2((log += server.errors()).contains(u"database \"postgresql://followme@"_s),
                 qPrintable(log));
    QVERIFY(!log.contains(u"s3cr3t-pw"_s));
    QVERIFY(!server.output().contains(u"s3cr3t-pw"_s));
    // Nor when the database can't be opened.
    const ProgramRun run =
        runServer({u"--db"_s, QString(withPassword).replace(u"/db"_s, u"/nosuch"_s), u"--listen"_s,
                   u"127.0.0.1:0"_s});
    QVERIFY2(refusedAtStart(run), run.describe().constData());
    QVERIFY2(!QString(run.out + run.err).contains(u"s3cr3t-pw"_s), run.describe().constData());
}

QTEST_GUILESS_MAIN(tst_ServerPostgres)
#include "tst_serverpostgres.moc"
