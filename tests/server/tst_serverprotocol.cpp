// SPDX-License-Identifier: GPL-3.0-or-later
// The real followme-server, spoken to with hand-written protocol messages (docs/protocol.md):
// sessions, pushes, and every refusal class changing nothing and harming no one.
#include "ReverseProxy.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString aliceToken = u"alice-demo-token"_s;
const QString bobToken = u"bob-demo-token"_s;

QJsonObject hello(const QString &token, int protocol = 1)
{
    return {{u"type"_s, u"hello"_s}, {u"protocol"_s, protocol}, {u"token"_s, token}};
}

QJsonObject setRule(const QString &id, const QString &device, const QString &kind,
                    const QJsonObject &fields)
{
    QJsonObject message {
        {u"type"_s, u"setRule"_s}, {u"id"_s, id}, {u"device"_s, device}, {u"callKind"_s, kind}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        message.insert(it.key(), it.value());
    return message;
}

QJsonObject deviceIn(const QJsonObject &snapshot, const QString &id)
{
    for (const QJsonValue &device :
         snapshot.value(u"settings"_s).toObject().value(u"devices"_s).toArray()) {
        if (device.toObject().value(u"id"_s) == id)
            return device.toObject();
    }
    return {};
}

QJsonObject ruleIn(const QJsonObject &snapshot, const QString &device, const QString &kind)
{
    return deviceIn(snapshot, device).value(u"rules"_s).toObject().value(kind).toObject();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

int uniqueNumber()
{
    static int counter = 0;
    return ++counter;
}

} // namespace

class tst_ServerProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void helloGivesTheSnapshot();
    void badTokenIsRefusedWith4001();
    void unsupportedProtocolIsRefusedWith4002();
    void unsupportedVersionIsCheckedBeforeTheToken();
    void firstMessageMustBeHello_data();
    void firstMessageMustBeHello();
    void twoSessionsSeeEachOthersEdits();
    void controlledDeviceIsPushed();
    void partialRuleEditsMerge();
    void refusalChangesNothing_data();
    void refusalChangesNothing();
    void resendReturnsTheOriginalRevision();
    void unchangedEditIsAcknowledgedWithoutANewRevision();

private:
    std::optional<QJsonObject> freshSnapshot(const QString &token);
    // Where the clients connect: the server, or the proxy in front of both.
    QUrl url() const { return m_proxy ? m_proxy->url() : m_server.url(); }

    TestDatabase m_database;
    ServerProcess m_server;
    // tst_serverprotocol_cluster (FOLLOWME_TEST_CLUSTER): a second server on the same
    // PostgreSQL database and HAProxy in front of both, taking turns, so that the sessions of a
    // case are spread over two servers and the suite holds for the pair as for one server.
    ServerProcess m_second;
    std::unique_ptr<ReverseProxy> m_proxy;
};

void tst_ServerProtocol::initTestCase()
{
    QVERIFY2(m_database.create(), qPrintable(m_database.errors()));
    QVERIFY2(m_server.start(m_database.location(), {u"--demo"_s}), qPrintable(m_server.errors()));
    if (!qEnvironmentVariableIsSet("FOLLOWME_TEST_CLUSTER"))
        return;
    QVERIFY2(m_database.isPostgres(), "a cluster needs FOLLOWME_TEST_DATABASE=postgresql");
    QVERIFY2(m_second.start(m_database.location()), qPrintable(m_second.errors()));
    m_proxy = std::make_unique<ReverseProxy>();
    QVERIFY2(m_proxy->start({m_server.port(), m_second.port()}), qPrintable(m_proxy->errors()));
}

void tst_ServerProtocol::cleanupTestCase()
{
    m_proxy.reset();
    if (m_second.isRunning())
        QCOMPARE(m_second.terminate(), 0);
    QCOMPARE(m_server.terminate(), 0);
}

std::optional<QJsonObject> tst_ServerProtocol::freshSnapshot(const QString &token)
{
    TestClient client;
    return client.login(url(), token);
}

void tst_ServerProtocol::helloGivesTheSnapshot()
{
    const auto snapshot = freshSnapshot(aliceToken);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"user"_s).toObject().value(u"id"_s).toString(), u"alice"_s);
    QVERIFY(snapshot->value(u"revision"_s).toInteger() >= 1);
    const QJsonObject settings = snapshot->value(u"settings"_s).toObject();
    QCOMPARE(settings.value(u"version"_s).toInt(), 1);
    QCOMPARE(settings.value(u"devices"_s).toArray().size(), 6);
    QCOMPARE(deviceIn(*snapshot, u"reception"_s).value(u"userConfigurable"_s).toBool(), false);

    const auto bob = freshSnapshot(bobToken);
    QVERIFY(bob);
    QCOMPARE(bob->value(u"settings"_s).toObject().value(u"devices"_s).toArray().size(), 2);
    QVERIFY(deviceIn(*bob, u"desk"_s).isEmpty()); // alice's devices stay alice's
}

void tst_ServerProtocol::badTokenIsRefusedWith4001()
{
    TestClient client;
    QVERIFY(client.open(url()));
    client.sendJson(hello(u"not-a-token"_s));
    const auto answer = client.next(15000);
    QVERIFY(answer);
    QCOMPARE(answer->value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(answer->value(u"code"_s).toString(), u"unauthorized"_s);
    QVERIFY(!answer->contains(u"id"_s)); // the hello had none
    QCOMPARE(client.waitForClose(), 4001);
}

void tst_ServerProtocol::unsupportedProtocolIsRefusedWith4002()
{
    TestClient client;
    QVERIFY(client.open(url()));
    // A hello needs no id, but one it has goes back with the refusal (protocol.md §4.3).
    QJsonObject message = hello(aliceToken, 2);
    message.insert(u"id"_s, u"h-1"_s);
    client.sendJson(message);
    const auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->value(u"code"_s).toString(), u"unsupported"_s);
    QCOMPARE(answer->value(u"id"_s).toString(), u"h-1"_s);
    QCOMPARE(client.waitForClose(), 4002);
}

// protocol.md §3.1: the version is checked before the token, so an unknown token with an unknown
// version is "unsupported" (4002), not "unauthorized".
void tst_ServerProtocol::unsupportedVersionIsCheckedBeforeTheToken()
{
    TestClient client;
    QVERIFY(client.open(url()));
    client.sendJson(hello(u"not-a-token"_s, 2));
    const auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->value(u"code"_s).toString(), u"unsupported"_s);
    QCOMPARE(client.waitForClose(), 4002);
}

void tst_ServerProtocol::firstMessageMustBeHello_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("id"); // the refusal's: the message's when it could be read
    QTest::newRow("an edit") << compact(
        setRule(u"r"_s, u"desk"_s, u"external"_s, {{u"delay"_s, 1}}))
                             << u"r"_s;
    QTest::newRow("not JSON") << u"{hello"_s << QString();
    QTest::newRow("an array") << u"[]"_s << QString();
    QTest::newRow("no token") << u"{\"type\":\"hello\",\"protocol\":1}"_s << QString();
    QTest::newRow("unknown type") << u"{\"type\":\"hi\",\"id\":\"x\"}"_s << u"x"_s;
    QTest::newRow("a hello with a raw control character")
        << u"{\"type\":\"hello\",\"protocol\":1,\"token\":\"alice-demo\u0001token\"}"_s
        << QString();
    QTest::newRow("a hello with protocol 1.5")
        << u"{\"type\":\"hello\",\"protocol\":1.5,\"token\":\"alice-demo-token\"}"_s << QString();
}

void tst_ServerProtocol::firstMessageMustBeHello()
{
    QFETCH(QString, message);
    QFETCH(QString, id);
    TestClient client;
    QVERIFY(client.open(url()));
    client.sendText(message);
    const auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->value(u"code"_s).toString(), u"malformed"_s);
    QCOMPARE(answer->contains(u"id"_s), !id.isEmpty());
    QCOMPARE(answer->value(u"id"_s).toString(), id);
    QCOMPARE(client.waitForClose(), 4000);
}

void tst_ServerProtocol::twoSessionsSeeEachOthersEdits()
{
    TestClient a;
    TestClient b;
    TestClient bob;
    const auto snapshot = a.login(url(), aliceToken);
    QVERIFY(snapshot);
    QVERIFY(b.login(url(), aliceToken));
    QVERIFY(bob.login(url(), bobToken));
    const qint64 revision = snapshot->value(u"revision"_s).toInteger();
    const int delay =
        (ruleIn(*snapshot, u"desk"_s, u"internal"_s).value(u"delay"_s).toInt() + 7) % 300;

    a.sendJson(setRule(u"two-1"_s, u"desk"_s, u"internal"_s, {{u"delay"_s, delay}}));
    const auto ack = a.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(ack->value(u"id"_s).toString(), u"two-1"_s);
    QCOMPARE(ack->value(u"revision"_s).toInteger(), revision + 1);

    const auto push = b.next();
    QVERIFY(push);
    QCOMPARE(push->value(u"type"_s).toString(), u"ruleChanged"_s);
    QCOMPARE(push->value(u"revision"_s).toInteger(), revision + 1);
    QCOMPARE(push->value(u"device"_s).toString(), u"desk"_s);
    QCOMPARE(push->value(u"callKind"_s).toString(), u"internal"_s);
    const QJsonObject rule = push->value(u"rule"_s).toObject();
    QCOMPARE(rule.value(u"delay"_s).toInt(), delay);
    QJsonObject expected = ruleIn(*snapshot, u"desk"_s, u"internal"_s);
    expected.insert(u"delay"_s, delay);
    QCOMPARE(rule, expected); // the whole rule, not just the changed field

    // B edits back; A gets the push, B only the ack; nobody else hears anything.
    b.sendJson(setRule(u"two-2"_s, u"desk"_s, u"internal"_s, {{u"timeout"_s, 44}}));
    const auto ackB = b.next();
    QVERIFY(ackB);
    QCOMPARE(ackB->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(ackB->value(u"revision"_s).toInteger(), revision + 2);
    const auto pushA = a.next();
    QVERIFY(pushA);
    QCOMPARE(pushA->value(u"type"_s).toString(), u"ruleChanged"_s);
    QCOMPARE(pushA->value(u"rule"_s).toObject().value(u"timeout"_s).toInt(), 44);
    QCOMPARE(pushA->value(u"rule"_s).toObject().value(u"delay"_s).toInt(), delay);
    QVERIFY(a.receivedNothingMore()); // the sender of the first edit got no push of its own edit
    QVERIFY(b.receivedNothingMore());
    QVERIFY(bob.receivedNothingMore());

    const auto after = freshSnapshot(aliceToken);
    QVERIFY(after);
    QCOMPARE(after->value(u"revision"_s).toInteger(), revision + 2);
    QCOMPARE(ruleIn(*after, u"desk"_s, u"internal"_s).value(u"timeout"_s).toInt(), 44);
}

void tst_ServerProtocol::controlledDeviceIsPushed()
{
    TestClient a;
    TestClient b;
    const auto snapshot = a.login(url(), aliceToken);
    QVERIFY(snapshot);
    QVERIFY(b.login(url(), aliceToken));
    const QString current =
        snapshot->value(u"settings"_s).toObject().value(u"controlledDevice"_s).toString();
    const QString target = current == u"softphone" ? u"dect"_s : u"softphone"_s;
    a.sendJson(
        {{u"type"_s, u"setControlledDevice"_s}, {u"id"_s, u"cd-1"_s}, {u"device"_s, target}});
    const auto ack = a.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    const auto push = b.next();
    QVERIFY(push);
    QCOMPARE(push->value(u"type"_s).toString(), u"controlledDeviceChanged"_s);
    QCOMPARE(push->value(u"device"_s).toString(), target);
    QCOMPARE(push->value(u"revision"_s), ack->value(u"revision"_s));

    a.sendJson(
        {{u"type"_s, u"setControlledDevice"_s}, {u"id"_s, u"cd-2"_s}, {u"device"_s, QJsonValue()}});
    QCOMPARE(a.next()->value(u"type"_s).toString(), u"ack"_s);
    const auto none = b.next();
    QVERIFY(none);
    QVERIFY(none->value(u"device"_s).isNull());
    const auto after = freshSnapshot(aliceToken);
    QVERIFY(after);
    QVERIFY(
        after->value(u"settings"_s).toObject().value(u"controlledDevice"_s).toString().isEmpty());
}

void tst_ServerProtocol::partialRuleEditsMerge()
{
    TestClient a;
    TestClient b;
    QVERIFY(a.login(url(), aliceToken));
    QVERIFY(b.login(url(), aliceToken));
    a.sendJson(setRule(u"merge-1"_s, u"mobile"_s, u"teams"_s, {{u"delay"_s, 12}}));
    b.sendJson(setRule(u"merge-2"_s, u"mobile"_s, u"teams"_s, {{u"enabled"_s, true}}));
    // Each gets its ack, and possibly the other's push before it.
    QVERIFY(a.nextOfType(u"ack"_s));
    QVERIFY(b.nextOfType(u"ack"_s));
    const auto after = freshSnapshot(aliceToken);
    QVERIFY(after);
    const QJsonObject rule = ruleIn(*after, u"mobile"_s, u"teams"_s);
    QCOMPARE(rule.value(u"delay"_s).toInt(), 12);
    QCOMPARE(rule.value(u"enabled"_s).toBool(), true);
}

void tst_ServerProtocol::refusalChangesNothing_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("id"); // expected id in the error; empty: none

    auto rule = [](const QString &device, const QJsonObject &fields,
                   const QString &kind = u"external"_s) {
        return compact(setRule(u"bad"_s, device, kind, fields));
    };
    QTest::newRow("locked") << rule(u"reception"_s, {{u"enabled"_s, false}}) << false << u"locked"_s
                            << u"bad"_s;
    QTest::newRow("another user's device")
        << rule(u"bob-desk"_s, {{u"delay"_s, 5}}) << false << u"forbidden"_s << u"bad"_s;
    QTest::newRow("unknown device")
        << rule(u"no-such-device"_s, {{u"delay"_s, 5}}) << false << u"not_found"_s << u"bad"_s;
    QTest::newRow("delay too long")
        << rule(u"desk"_s, {{u"delay"_s, 301}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("negative delay")
        << rule(u"desk"_s, {{u"delay"_s, -1}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("timeout zero") << rule(u"desk"_s, {{u"timeout"_s, 0}}) << false << u"invalid"_s
                                  << u"bad"_s;
    QTest::newRow("timeout too long")
        << rule(u"desk"_s, {{u"timeout"_s, 601}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("huge number") << rule(u"desk"_s, {{u"delay"_s, 1e300}}) << false << u"invalid"_s
                                 << u"bad"_s;
    QTest::newRow("delay as string")
        << rule(u"desk"_s, {{u"delay"_s, u"5"_s}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("fractional delay")
        << rule(u"desk"_s, {{u"delay"_s, 2.5}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("enabled as string")
        << rule(u"desk"_s, {{u"enabled"_s, u"yes"_s}}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("null timeout") << rule(u"desk"_s, {{u"timeout"_s, QJsonValue()}}) << false
                                  << u"invalid"_s << u"bad"_s;
    QTest::newRow("unknown call kind")
        << rule(u"desk"_s, {{u"delay"_s, 5}}, u"fax"_s) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("empty change") << rule(u"desk"_s, {}) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("device missing")
        << u"{\"type\":\"setRule\",\"id\":\"bad\",\"callKind\":\"external\",\"delay\":5}"_s << false
        << u"invalid"_s << u"bad"_s;
    QTest::newRow("device not a string")
        << u"{\"type\":\"setRule\",\"id\":\"bad\",\"device\":7,\"callKind\":\"external\","
           u"\"delay\":5}"_s
        << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("call kind missing")
        << u"{\"type\":\"setRule\",\"id\":\"bad\",\"device\":\"desk\",\"delay\":5}"_s << false
        << u"invalid"_s << u"bad"_s;
    QTest::newRow("id missing")
        << u"{\"type\":\"setRule\",\"device\":\"desk\",\"callKind\":\"external\",\"delay\":5}"_s
        << false << u"invalid"_s << QString();
    QTest::newRow("id not a string")
        << u"{\"type\":\"setRule\",\"id\":5,\"device\":\"desk\",\"callKind\":\"external\","
           u"\"delay\":5}"_s
        << false << u"invalid"_s << QString();
    QTest::newRow("id too long") << compact(
        setRule(QString(65, u'x'), u"desk"_s, u"external"_s, {{u"delay"_s, 5}}))
                                 << false << u"invalid"_s << QString();
    QTest::newRow("external number as controlled device")
        << u"{\"type\":\"setControlledDevice\",\"id\":\"bad\",\"device\":\"private-mobile\"}"_s
        << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("another user's device as controlled device")
        << u"{\"type\":\"setControlledDevice\",\"id\":\"bad\",\"device\":\"bob-mobile\"}"_s << false
        << u"forbidden"_s << u"bad"_s;
    QTest::newRow("unknown controlled device")
        << u"{\"type\":\"setControlledDevice\",\"id\":\"bad\",\"device\":\"nope\"}"_s << false
        << u"not_found"_s << u"bad"_s;
    QTest::newRow("controlled device missing")
        << u"{\"type\":\"setControlledDevice\",\"id\":\"bad\"}"_s << false << u"invalid"_s
        << u"bad"_s;
    QTest::newRow("unknown type") << u"{\"type\":\"deleteEverything\",\"id\":\"bad\"}"_s << false
                                  << u"unsupported"_s << u"bad"_s;
    QTest::newRow("a second hello")
        << compact(hello(aliceToken)) << false << u"unsupported"_s << QString();
    QTest::newRow("admin command") << u"{\"type\":\"admin\",\"id\":\"bad\",\"command\":"
                                      u"\"device.unlock\",\"args\":{\"device\":\"reception\"}}"_s
                                   << false << u"forbidden"_s << u"bad"_s;
    QTest::newRow("not JSON") << u"{\"type\":\"setRule\","_s << false << u"malformed"_s
                              << QString();
    QTest::newRow("not an object") << u"[1,2,3]"_s << false << u"malformed"_s << QString();
    QTest::newRow("a string") << u"\"setRule\""_s << false << u"malformed"_s << QString();
    // The id is readable, so the refusal carries it (protocol.md §4.3).
    QTest::newRow("no type") << u"{\"id\":\"bad\",\"device\":\"desk\"}"_s << false << u"malformed"_s
                             << u"bad"_s;
    QTest::newRow("type not a string")
        << u"{\"type\":1,\"id\":\"bad\"}"_s << false << u"malformed"_s << u"bad"_s;
    // A strict wire (protocol.md §2.1): what RFC 8259 forbids is malformed, and since the text
    // as a whole is refused, the refusal carries no id.
    const QString edit = u"{\"type\":\"setRule\",\"id\":\"bad\",\"device\":\"%1\","
                         u"\"callKind\":\"external\",\"delay\":9%2}"_s;
    QTest::newRow("raw U+0001 in a string")
        << edit.arg(u"de\u0001sk"_s, QString()) << false << u"malformed"_s << QString();
    QTest::newRow("raw U+0000 in a string") << edit.arg(u"de"_s + QChar(0) + u"sk"_s, QString())
                                            << false << u"malformed"_s << QString();
    QTest::newRow("raw line feed in a string")
        << edit.arg(u"de\nsk"_s, QString()) << false << u"malformed"_s << QString();
    QTest::newRow("escape \\x63") << edit.arg(u"de\\x63sk"_s, QString()) << false << u"malformed"_s
                                  << QString();
    QTest::newRow("escape \\q") << edit.arg(u"de\\qsk"_s, QString()) << false << u"malformed"_s
                                << QString();
    QTest::newRow("unpaired surrogate escape")
        << edit.arg(u"\\ud800desk"_s, QString()) << false << u"malformed"_s << QString();
    QTest::newRow("duplicate member")
        << edit.arg(u"desk"_s, u",\"delay\":10"_s) << false << u"malformed"_s << QString();
    QTest::newRow("nested 10,000 deep in an unknown member")
        << edit.arg(u"desk"_s, u",\"extra\":"_s + QString(10000, u'[') + QString(10000, u']'))
        << false << u"malformed"_s << QString();
    QTest::newRow("nested 33 deep in an unknown member")
        << edit.arg(u"desk"_s, u",\"extra\":"_s + QString(32, u'[') + QString(32, u']')) << false
        << u"malformed"_s << QString();
    QTest::newRow("a number beyond 64 bits")
        << edit.arg(u"desk"_s, u",\"extra\":123456789012345678901234567890"_s) << false
        << u"malformed"_s << QString();
    // The WebSocket layer drops one byte order mark before a message (RFC 8259 §8.1); a second
    // is JSON text that isn't JSON.
    QTest::newRow("two byte order marks")
        << QString(2, QChar(0xfeff)) + edit.arg(u"desk"_s, QString()) << false << u"malformed"_s
        << QString();
    QTest::newRow("single quotes")
        << u"{'type':'setRule'}"_s << false << u"malformed"_s << QString();
    QTest::newRow("trailing comma")
        << edit.arg(u"desk"_s, u","_s) << false << u"malformed"_s << QString();
    QTest::newRow("two objects") << edit.arg(u"desk"_s, QString()) + u"{}"_s << false
                                 << u"malformed"_s << QString();
    // U+FEFF is an ordinary character inside a string: nothing is dropped, nothing matches (and
    // device ids are ASCII).
    QTest::newRow("U+FEFF before a device id (escaped)")
        << edit.arg(u"\\ufeffdesk"_s, QString()) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("U+FEFF before a device id (raw)")
        << edit.arg(QChar(0xfeff) + u"desk"_s, QString()) << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("U+FEFF before a call kind")
        << u"{\"type\":\"setRule\",\"id\":\"bad\",\"device\":\"desk\",\"callKind\":"
           u"\"\\ufeffteams\",\"delay\":9}"_s
        << false << u"invalid"_s << u"bad"_s;
    QTest::newRow("U+FEFF before an id")
        << u"{\"type\":\"setRule\",\"id\":\"\\ufeffabc\",\"device\":\"nope\",\"callKind\":"
           u"\"external\",\"delay\":9}"_s
        << false << u"not_found"_s << QString(QChar(0xfeff) + u"abc"_s);
    // Ids count UTF-16 code units: 33 emoji are 66 of them.
    QString emoji33;
    for (int i = 0; i < 33; ++i)
        emoji33 += QString::fromUcs4(U"\U0001F600", 1);
    QTest::newRow("id of 33 emoji")
        << u"{\"type\":\"setRule\",\"id\":\"%1\",\"device\":"
           u"\"desk\",\"callKind\":\"external\",\"delay\":9}"_s.arg(emoji33)
        << false << u"invalid"_s << QString();
    QTest::newRow("a second hello with a bad protocol")
        << u"{\"type\":\"hello\",\"protocol\":\"one\",\"id\":\"bad\"}"_s << false
        << u"unsupported"_s << u"bad"_s;
    // The checks come in the documented order (§4.3): locked before "changes nothing".
    QTest::newRow("no-op edit to a locked device")
        << u"{\"type\":\"setRule\",\"id\":\"bad\",\"device\":\"reception\","
           u"\"callKind\":\"external\",\"enabled\":true,\"delay\":15,\"timeout\":30}"_s
        << false << u"locked"_s << u"bad"_s;
    QTest::newRow("binary frame") << compact(
        setRule(u"bad"_s, u"desk"_s, u"external"_s, {{u"delay"_s, 9}}))
                                  << true << u"malformed"_s << QString();
    // A valid edit, padded over the limit with an ignored member: refused by size alone.
    QJsonObject padded = setRule(u"bad"_s, u"desk"_s, u"external"_s, {{u"delay"_s, 9}});
    padded.insert(u"padding"_s, QString(70000, u'x'));
    QTest::newRow("too large") << compact(padded) << false << u"too_large"_s << QString();
}

void tst_ServerProtocol::refusalChangesNothing()
{
    QFETCH(QString, message);
    QFETCH(bool, binary);
    QFETCH(QString, code);
    QFETCH(QString, id);

    TestClient a;
    TestClient b;
    TestClient bob;
    const auto before = a.login(url(), aliceToken);
    QVERIFY(before);
    QVERIFY(b.login(url(), aliceToken));
    const auto bobBefore = bob.login(url(), bobToken);
    QVERIFY(bobBefore);

    if (binary)
        a.sendBinary(message.toUtf8());
    else
        a.sendText(message);
    const auto answer = a.next();
    QVERIFY(answer);
    QCOMPARE(answer->value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(answer->value(u"code"_s).toString(), code);
    QVERIFY(!answer->value(u"message"_s).toString().isEmpty());
    QCOMPARE(answer->value(u"id"_s).toString(), id);
    QCOMPARE(answer->contains(u"id"_s), !id.isEmpty());

    // Nothing changed, for alice or for bob.
    const auto after = freshSnapshot(aliceToken);
    QVERIFY(after);
    QCOMPARE(after->value(u"revision"_s), before->value(u"revision"_s));
    QCOMPARE(after->value(u"settings"_s), before->value(u"settings"_s));
    const auto bobAfter = freshSnapshot(bobToken);
    QVERIFY(bobAfter);
    QCOMPARE(*bobAfter, *bobBefore);

    // The connection still works (an edit that changes nothing is acked with the same
    // revision), nobody got a push, and bob's session is untouched.
    const QJsonObject desk = ruleIn(*before, u"desk"_s, u"external"_s);
    const QString probe = u"probe-%1"_s.arg(uniqueNumber());
    a.sendJson(setRule(probe, u"desk"_s, u"external"_s, {{u"delay"_s, desk.value(u"delay"_s)}}));
    const auto ack = a.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(ack->value(u"id"_s).toString(), probe);
    QCOMPARE(ack->value(u"revision"_s), before->value(u"revision"_s));
    QVERIFY(b.receivedNothingMore());
    QVERIFY(b.isConnected());
    QVERIFY(bob.receivedNothingMore());
    QVERIFY(bob.isConnected());
    bob.sendJson(setRule(probe, u"bob-desk"_s, u"external"_s, {{u"enabled"_s, true}}));
    const auto bobAck = bob.next();
    QVERIFY(bobAck);
    QCOMPARE(bobAck->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(bobAck->value(u"revision"_s), bobBefore->value(u"revision"_s));
}

void tst_ServerProtocol::resendReturnsTheOriginalRevision()
{
    TestClient a;
    TestClient b;
    const auto before = a.login(url(), aliceToken);
    QVERIFY(before);
    QVERIFY(b.login(url(), aliceToken));
    const int timeout =
        ruleIn(*before, u"dect"_s, u"teams"_s).value(u"timeout"_s).toInt() % 500 + 3;
    const QJsonObject edit =
        setRule(u"resend-1"_s, u"dect"_s, u"teams"_s, {{u"timeout"_s, timeout}});
    a.sendJson(edit);
    const auto ack = a.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    const qint64 revision = ack->value(u"revision"_s).toInteger();
    QCOMPARE(b.next()->value(u"type"_s).toString(), u"ruleChanged"_s);

    // Again on the same connection, and after a reconnect: the same revision, no second change.
    a.sendJson(edit);
    const auto again = a.next();
    QVERIFY(again);
    QCOMPARE(again->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(again->value(u"revision"_s).toInteger(), revision);
    TestClient reconnected;
    QVERIFY(reconnected.login(url(), aliceToken));
    // Even a resend whose content differs is not applied: the id decides.
    QJsonObject altered = edit;
    altered.insert(u"timeout"_s, timeout + 1);
    reconnected.sendJson(altered);
    const auto third = reconnected.next();
    QVERIFY(third);
    QCOMPARE(third->value(u"revision"_s).toInteger(), revision);
    QVERIFY(b.receivedNothingMore());

    const auto after = freshSnapshot(aliceToken);
    QVERIFY(after);
    QCOMPARE(after->value(u"revision"_s).toInteger(), revision);
    QCOMPARE(ruleIn(*after, u"dect"_s, u"teams"_s).value(u"timeout"_s).toInt(), timeout);
}

void tst_ServerProtocol::unchangedEditIsAcknowledgedWithoutANewRevision()
{
    TestClient a;
    TestClient b;
    const auto before = a.login(url(), aliceToken);
    QVERIFY(before);
    QVERIFY(b.login(url(), aliceToken));
    const QJsonObject rule = ruleIn(*before, u"softphone"_s, u"internal"_s);
    a.sendJson(setRule(u"same-1"_s, u"softphone"_s, u"internal"_s, rule));
    const auto ack = a.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(ack->value(u"revision"_s), before->value(u"revision"_s));
    QVERIFY(b.receivedNothingMore());
}

QTEST_GUILESS_MAIN(tst_ServerProtocol)
#include "tst_serverprotocol.moc"
