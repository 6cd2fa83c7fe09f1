// Tests for the sync protocol codec (docs/protocol.md): Protocol's codes, RuleChange, and the
// client's and the server's messages — round trips, the documented examples taken literally, and
// one refusal for every class of bad input.

#include "CallKind.h"
#include "ClientMessage.h"
#include "CoreTestSupport.h"
#include "Protocol.h"
#include "ProtocolError.h"
#include "RingRule.h"
#include "RuleChange.h"
#include "ServerMessage.h"
#include "SettingsCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>
#include <QTest>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

// Found by argument-dependent lookup from QTest::qCompare, so a failing QCOMPARE shows values.
inline char *toString(const Protocol::ErrorCode &code)
{
    return QTest::toString(Protocol::errorKey(code));
}

inline char *toString(const CallKind &kind)
{
    return QTest::toString(CallKinds::key(kind));
}

inline char *toString(const RuleChange &change)
{
    const auto part = [](const auto &value) {
        return value ? QString::number(*value) : u"-"_s;
    };
    return QTest::toString(
        u"{enabled: "_s + (change.enabled ? (*change.enabled ? u"true"_s : u"false"_s) : u"-"_s)
        + u", delay: "_s + part(change.delay) + u", timeout: "_s + part(change.timeout) + u'}');
}

namespace {

using Code = Protocol::ErrorCode;
using Edit = std::function<void(QJsonObject &)>;

// Every code, in the order of the enum.
const QList<Code> allCodes = {
    Code::Invalid,  Code::Locked,    Code::Forbidden,    Code::NotFound,    Code::Unsupported,
    Code::TooLarge, Code::Malformed, Code::Unauthorized, Code::RateLimited, Code::Internal,
};

// The examples of docs/protocol.md, copied literally (examplesAreQuotedFromDoc checks that the
// document still holds each of them).
const QByteArray docHello =
    R"({"type": "hello", "protocol": 1, "token": "alice-secret-token", "client": "FollowMe/0.1.0"})"_ba;
const QByteArray docSetRule =
    R"({"type": "setRule", "id": "6f1c…", "device": "desk", "callKind": "external",
 "enabled": true, "delay": 5, "timeout": 20})"_ba;
const QByteArray docSetControlledDevice =
    R"({"type": "setControlledDevice", "id": "a41d…", "device": "softphone"})"_ba;
const QByteArray docAck = R"({"type": "ack", "id": "6f1c…", "revision": 8})"_ba;
// (Not raw string literals where the JSON holds a backslash: moc 6.4 misreads those.)
const QByteArray docError =
    "{\"type\": \"error\", \"id\": \"6f1c…\", \"code\": \"locked\",\n"
    " \"message\": \"\\\"Reception phone\\\" is managed by your administrator\"}"_ba;
const QByteArray docRuleChanged =
    R"({"type": "ruleChanged", "revision": 9, "device": "desk", "callKind": "internal",
 "rule": {"enabled": true, "delay": 0, "timeout": 30}})"_ba;
const QByteArray docControlledDeviceChanged =
    R"({"type": "controlledDeviceChanged", "revision": 10, "device": "dect"})"_ba;
// Section 7, a full exchange.
const QByteArray docExchangeHelloA =
    R"({"type":"hello","protocol":1,"token":"alice-token","client":"FollowMe/0.1.0"})"_ba;
const QByteArray docExchangeHelloB = R"({"type":"hello","protocol":1,"token":"alice-token"})"_ba;
const QByteArray docExchangeSnapshot =
    R"({"type":"snapshot","revision":3,"user":{"id":"alice","name":"Alice Example"},
      "settings":{"version":1,"controlledDevice":"desk","devices":[
        {"id":"desk","name":"Desk phone","kind":"desk_phone","number":"201",
         "userConfigurable":true,"workspace":null,
         "rules":{"external":{"enabled":true,"delay":0,"timeout":25},
                  "internal":{"enabled":true,"delay":0,"timeout":30},
                  "teams":{"enabled":true,"delay":0,"timeout":20}}},
        {"id":"reception","name":"Reception phone","kind":"desk_phone","number":"100",
         "userConfigurable":false,"workspace":"Front desk",
         "rules":{"external":{"enabled":true,"delay":15,"timeout":30},
                  "internal":{"enabled":false,"delay":0,"timeout":20},
                  "teams":{"enabled":true,"delay":0,"timeout":40}}}]}})"_ba;
const QByteArray docExchangeSetRule1 =
    R"({"type":"setRule","id":"r-1","device":"desk","callKind":"external","delay":5})"_ba;
const QByteArray docExchangeAck1 = R"({"type":"ack","id":"r-1","revision":4})"_ba;
const QByteArray docExchangeRuleChanged =
    R"({"type":"ruleChanged","revision":4,"device":"desk","callKind":"external",
      "rule":{"enabled":true,"delay":5,"timeout":25}})"_ba;
const QByteArray docExchangeSetRule2 =
    R"({"type":"setRule","id":"r-2","device":"reception","callKind":"external","enabled":false})"_ba;
const QByteArray docExchangeError2 =
    "{\"type\":\"error\",\"id\":\"r-2\",\"code\":\"locked\",\n"
    "      \"message\":\"\\\"Reception phone\\\" is managed by your administrator\"}"_ba;
const QByteArray docExchangeSetRule3 =
    R"({"type":"setRule","id":"r-3","device":"desk","callKind":"teams","timeout":900})"_ba;
const QByteArray docExchangeSetControlled4 =
    R"({"type":"setControlledDevice","id":"r-4","device":"reception"})"_ba;
const QByteArray docExchangeAck4 = R"({"type":"ack","id":"r-4","revision":6})"_ba;

QJsonObject parsed(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        qFatal("a test example is not a JSON object: %s", json.constData());
    return document.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray withoutWhitespace(QByteArray text)
{
    text.removeIf([](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    return text;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

RuleChange change(std::optional<bool> enabled, std::optional<int> delay, std::optional<int> timeout)
{
    RuleChange result;
    result.enabled = enabled;
    result.delay = delay;
    result.timeout = timeout;
    return result;
}

RingRule rule(bool enabled, int delay, int timeout)
{
    RingRule result;
    result.enabled = enabled;
    result.delay = delay;
    result.timeout = timeout;
    return result;
}

Edit setting(const QString &key, const QJsonValue &value)
{
    return [key, value](QJsonObject &object) {
        object.insert(key, value);
    };
}

Edit removing(const QString &key)
{
    return [key](QJsonObject &object) {
        object.remove(key);
    };
}

QByteArray edited(QJsonObject object, const Edit &edit)
{
    edit(object);
    return compact(object);
}

// A valid setRule (changing only "enabled") that the refusal rows break in one place.
QJsonObject baseSetRule()
{
    return {{u"type"_s, u"setRule"_s},
            {u"id"_s, u"r-1"_s},
            {u"device"_s, u"desk"_s},
            {u"callKind"_s, u"external"_s},
            {u"enabled"_s, true}};
}

QJsonObject baseSetControlledDevice()
{
    return {{u"type"_s, u"setControlledDevice"_s}, {u"id"_s, u"r-4"_s}, {u"device"_s, u"dect"_s}};
}

QJsonObject baseHello()
{
    return {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"alice-token"_s}};
}

QByteArray setRuleWith(const Edit &edit)
{
    return edited(baseSetRule(), edit);
}

QByteArray setControlledDeviceWith(const Edit &edit)
{
    return edited(baseSetControlledDevice(), edit);
}

QByteArray helloWith(const Edit &edit)
{
    return edited(baseHello(), edit);
}

// A snapshot of the demo settings with one edit applied to its "settings" object.
QByteArray snapshotWith(const Edit &editSettings)
{
    QJsonObject settings = SettingsCodec::toJson(demoSettings());
    editSettings(settings);
    return compact({{u"type"_s, u"snapshot"_s},
                    {u"revision"_s, 7},
                    {u"user"_s, QJsonObject {{u"id"_s, u"alice"_s}, {u"name"_s, u"Alice"_s}}},
                    {u"settings"_s, settings}});
}

QJsonObject baseRuleChanged()
{
    return parsed(docRuleChanged);
}

QByteArray ruleChangedWith(const Edit &edit)
{
    return edited(baseRuleChanged(), edit);
}

// A ProtocolError that no decoder produces, so a test sees whether decode() overwrote it.
ProtocolError untouched()
{
    return {Code::Internal, u"untouched"_s, u"untouched"_s};
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    // Protocol
    void constants();
    void errorKeys_data();
    void errorKeys();
    void errorKeyRoundTrip();
    void unknownErrorKeys_data();
    void unknownErrorKeys();
    void mayReconnectAfter_data();
    void mayReconnectAfter();

    // RuleChange
    void ruleChangeIsEmpty();
    void ruleChangeAppliedTo_data();
    void ruleChangeAppliedTo();
    void ruleChangeBetween_data();
    void ruleChangeBetween();
    void ruleChangeMergedWith_data();
    void ruleChangeMergedWith();

    // The documentation's examples
    void examplesAreQuotedFromDoc();

    // ClientMessage
    void helloRoundTrip_data();
    void helloRoundTrip();
    void helloMatchesDoc();
    void helloOfAnotherVersionDecodes();
    void setRuleRoundTrip_data();
    void setRuleRoundTrip();
    void setRuleMatchesDoc();
    void setControlledDeviceRoundTrip_data();
    void setControlledDeviceRoundTrip();
    void setControlledDeviceMatchesDoc();
    void clientAccepts_data();
    void clientAccepts();
    void clientIgnoresUnknownMembers();
    void clientSizeLimit();
    void clientRefusals_data();
    void clientRefusals();
    void refusalTravelsBackWithItsId();

    // ServerMessage
    void snapshotRoundTrip_data();
    void snapshotRoundTrip();
    void snapshotMatchesDoc();
    void ackRoundTrip();
    void errorRoundTrip_data();
    void errorRoundTrip();
    void ruleChangedRoundTrip_data();
    void ruleChangedRoundTrip();
    void controlledDeviceChangedRoundTrip_data();
    void controlledDeviceChangedRoundTrip();
    void serverMatchesDoc();
    void unknownErrorCodeIsInternal();
    void serverRefusals_data();
    void serverRefusals();
    void unknownServerTypesAreUnsupported_data();
    void unknownServerTypesAreUnsupported();
};

// ---------------------------------------------------------------------------------------------
// Protocol

void TestProtocol::constants()
{
    QCOMPARE(Protocol::version, 1);
    QCOMPARE(Protocol::maxMessageBytes, qsizetype(65536));
    QCOMPARE(Protocol::defaultPort, quint16(8765));
    QCOMPARE(Protocol::maxRequestIdLength, 64);
    // Section 6 of docs/protocol.md.
    QCOMPARE(int(Protocol::CloseProtocolViolation), 4000);
    QCOMPARE(int(Protocol::CloseUnauthorized), 4001);
    QCOMPARE(int(Protocol::CloseUnsupportedVersion), 4002);
    QCOMPARE(int(Protocol::CloseRateLimited), 4029);
}

void TestProtocol::errorKeys_data()
{
    QTest::addColumn<Protocol::ErrorCode>("code");
    QTest::addColumn<QString>("key");

    // The keys of docs/protocol.md, sections 3.1 and 4.3.
    QTest::newRow("invalid") << Code::Invalid << u"invalid"_s;
    QTest::newRow("locked") << Code::Locked << u"locked"_s;
    QTest::newRow("forbidden") << Code::Forbidden << u"forbidden"_s;
    QTest::newRow("not_found") << Code::NotFound << u"not_found"_s;
    QTest::newRow("unsupported") << Code::Unsupported << u"unsupported"_s;
    QTest::newRow("too_large") << Code::TooLarge << u"too_large"_s;
    QTest::newRow("malformed") << Code::Malformed << u"malformed"_s;
    QTest::newRow("unauthorized") << Code::Unauthorized << u"unauthorized"_s;
    QTest::newRow("rate_limited") << Code::RateLimited << u"rate_limited"_s;
    QTest::newRow("internal") << Code::Internal << u"internal"_s;
}

void TestProtocol::errorKeys()
{
    QFETCH(Protocol::ErrorCode, code);
    QFETCH(QString, key);
    QCOMPARE(Protocol::errorKey(code), key);
    const auto decoded = Protocol::errorFromKey(key);
    QVERIFY(decoded);
    QCOMPARE(*decoded, code);
}

void TestProtocol::errorKeyRoundTrip()
{
    QSet<QString> keys;
    for (Code code : allCodes) {
        const QString key = Protocol::errorKey(code);
        QVERIFY2(!key.isEmpty(), qPrintable(QString::number(int(code))));
        keys.insert(key);
        const auto decoded = Protocol::errorFromKey(key);
        QVERIFY2(decoded, qPrintable(key));
        QCOMPARE(*decoded, code);
    }
    QCOMPARE(keys.size(), allCodes.size());
}

void TestProtocol::unknownErrorKeys_data()
{
    QTest::addColumn<QString>("key");

    QTest::newRow("empty") << QString();
    QTest::newRow("capitalized") << u"Invalid"_s;
    QTest::newRow("upper case") << u"LOCKED"_s;
    QTest::newRow("dash") << u"not-found"_s;
    QTest::newRow("camel case") << u"notFound"_s;
    QTest::newRow("leading space") << u" invalid"_s;
    QTest::newRow("trailing space") << u"invalid "_s;
    QTest::newRow("made up") << u"teapot"_s;
}

void TestProtocol::unknownErrorKeys()
{
    QFETCH(QString, key);
    QVERIFY(!Protocol::errorFromKey(key));
}

void TestProtocol::mayReconnectAfter_data()
{
    QTest::addColumn<int>("closeCode");
    QTest::addColumn<bool>("mayReconnect");

    QTest::newRow("1000 normal") << 1000 << true;
    QTest::newRow("1001 going away") << 1001 << true;
    QTest::newRow("1006 connection lost") << 1006 << true;
    QTest::newRow("4000 protocol violation") << 4000 << true;
    QTest::newRow("4001 unauthorized") << 4001 << false;
    QTest::newRow("4002 unsupported version") << 4002 << false;
    QTest::newRow("4029 rate limited") << 4029 << true;
}

void TestProtocol::mayReconnectAfter()
{
    QFETCH(int, closeCode);
    QFETCH(bool, mayReconnect);
    QCOMPARE(Protocol::mayReconnectAfter(quint16(closeCode)), mayReconnect);
}

// ---------------------------------------------------------------------------------------------
// RuleChange

void TestProtocol::ruleChangeIsEmpty()
{
    QVERIFY(RuleChange().isEmpty());
    QVERIFY(change(std::nullopt, std::nullopt, std::nullopt).isEmpty());
    // A field set to false or 0 is still a change.
    QVERIFY(!change(false, std::nullopt, std::nullopt).isEmpty());
    QVERIFY(!change(true, std::nullopt, std::nullopt).isEmpty());
    QVERIFY(!change(std::nullopt, 0, std::nullopt).isEmpty());
    QVERIFY(!change(std::nullopt, std::nullopt, 20).isEmpty());
    QVERIFY(!change(true, 5, 20).isEmpty());
}

void TestProtocol::ruleChangeAppliedTo_data()
{
    QTest::addColumn<RuleChange>("ruleChange");
    QTest::addColumn<RingRule>("before");
    QTest::addColumn<RingRule>("after");

    const RingRule base = rule(true, 5, 20);
    QTest::newRow("nothing") << RuleChange() << base << base;
    QTest::newRow("enabled false")
        << change(false, std::nullopt, std::nullopt) << base << rule(false, 5, 20);
    QTest::newRow("enabled true") << change(true, std::nullopt, std::nullopt) << rule(false, 5, 20)
                                  << rule(true, 5, 20);
    QTest::newRow("delay 0") << change(std::nullopt, 0, std::nullopt) << base << rule(true, 0, 20);
    QTest::newRow("timeout 600") << change(std::nullopt, std::nullopt, 600) << base
                                 << rule(true, 5, 600);
    QTest::newRow("delay and timeout")
        << change(std::nullopt, 300, 1) << base << rule(true, 300, 1);
    QTest::newRow("all") << change(false, 15, 45) << base << rule(false, 15, 45);
    QTest::newRow("same values") << change(true, 5, 20) << base << base;
}

void TestProtocol::ruleChangeAppliedTo()
{
    QFETCH(RuleChange, ruleChange);
    QFETCH(RingRule, before);
    QFETCH(RingRule, after);
    QCOMPARE(ruleChange.appliedTo(before), after);
}

void TestProtocol::ruleChangeBetween_data()
{
    QTest::addColumn<RingRule>("from");
    QTest::addColumn<RingRule>("to");
    QTest::addColumn<RuleChange>("expected");

    const RingRule base = rule(true, 5, 20);
    QTest::newRow("same") << base << base << RuleChange();
    QTest::newRow("enabled") << base << rule(false, 5, 20)
                             << change(false, std::nullopt, std::nullopt);
    QTest::newRow("delay") << base << rule(true, 0, 20) << change(std::nullopt, 0, std::nullopt);
    QTest::newRow("timeout") << base << rule(true, 5, 600)
                             << change(std::nullopt, std::nullopt, 600);
    QTest::newRow("delay and timeout")
        << base << rule(true, 10, 30) << change(std::nullopt, 10, 30);
    QTest::newRow("all") << base << rule(false, 0, 1) << change(false, 0, 1);
}

void TestProtocol::ruleChangeBetween()
{
    QFETCH(RingRule, from);
    QFETCH(RingRule, to);
    QFETCH(RuleChange, expected);
    const RuleChange actual = RuleChange::between(from, to);
    QCOMPARE(actual, expected);
    QCOMPARE(actual.isEmpty(), from == to);
    QCOMPARE(actual.appliedTo(from), to);
}

void TestProtocol::ruleChangeMergedWith_data()
{
    QTest::addColumn<RuleChange>("earlier");
    QTest::addColumn<RuleChange>("later");
    QTest::addColumn<RuleChange>("expected");

    const auto none = std::nullopt;
    QTest::newRow("both empty") << RuleChange() << RuleChange() << RuleChange();
    QTest::newRow("later empty") << change(true, 5, none) << RuleChange() << change(true, 5, none);
    QTest::newRow("earlier empty")
        << RuleChange() << change(none, none, 30) << change(none, none, 30);
    QTest::newRow("disjoint") << change(true, none, none) << change(none, 10, 30)
                              << change(true, 10, 30);
    QTest::newRow("later wins") << change(true, 5, 20) << change(false, 0, 600)
                                << change(false, 0, 600);
    QTest::newRow("later false wins")
        << change(true, none, none) << change(false, none, none) << change(false, none, none);
    QTest::newRow("partly overlapping")
        << change(true, 5, none) << change(none, 7, 40) << change(true, 7, 40);
}

void TestProtocol::ruleChangeMergedWith()
{
    QFETCH(RuleChange, earlier);
    QFETCH(RuleChange, later);
    QFETCH(RuleChange, expected);
    QCOMPARE(earlier.mergedWith(later), expected);
    // Applying the merged change is applying both, one after the other.
    const RingRule base = rule(false, 1, 2);
    QCOMPARE(earlier.mergedWith(later).appliedTo(base), later.appliedTo(earlier.appliedTo(base)));
}

// ---------------------------------------------------------------------------------------------
// The documentation's examples

void TestProtocol::examplesAreQuotedFromDoc()
{
    QFile file(QString::fromUtf8(FOLLOWME_SOURCE_DIR "/docs/protocol.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray doc = withoutWhitespace(file.readAll());
    const QList<QByteArray> examples = {
        docHello,
        docSetRule,
        docSetControlledDevice,
        docAck,
        docError,
        docRuleChanged,
        docControlledDeviceChanged,
        docExchangeHelloA,
        docExchangeHelloB,
        docExchangeSnapshot,
        docExchangeSetRule1,
        docExchangeAck1,
        docExchangeRuleChanged,
        docExchangeSetRule2,
        docExchangeError2,
        docExchangeSetRule3,
        docExchangeSetControlled4,
        docExchangeAck4,
    };
    for (const QByteArray &example : examples) {
        QVERIFY2(doc.contains(withoutWhitespace(example)), example.constData());
        QVERIFY2(!parsed(example).isEmpty(), example.constData());
    }
}

// ---------------------------------------------------------------------------------------------
// ClientMessage

void TestProtocol::helloRoundTrip_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("client");

    QTest::newRow("with client") << u"alice-secret-token"_s << u"FollowMe/0.1.0"_s;
    QTest::newRow("without client") << u"alice-token"_s << QString();
    QTest::newRow("unicode token") << u"tökén \"quoted\" ✓"_s << u"FollowMe/9.9"_s;
}

void TestProtocol::helloRoundTrip()
{
    QFETCH(QString, token);
    QFETCH(QString, client);

    const ClientMessage hello = ClientMessage::hello(token, client);
    QCOMPARE(hello.type, ClientMessage::Type::Hello);
    QCOMPARE(hello.protocol, Protocol::version);

    const QJsonObject json = hello.toJson();
    QStringList keys = {u"protocol"_s, u"token"_s, u"type"_s};
    if (!client.isEmpty())
        keys.append(u"client"_s);
    keys.sort();
    QCOMPARE(sortedKeys(json), keys);
    QCOMPARE(json.value(u"type"_s), QJsonValue(u"hello"_s));
    QCOMPARE(json.value(u"protocol"_s), QJsonValue(1));

    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(hello.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::Hello);
    QCOMPARE(decoded->protocol, 1);
    QCOMPARE(decoded->token, token);
    QCOMPARE(decoded->client, client);
}

void TestProtocol::helloMatchesDoc()
{
    QCOMPARE(ClientMessage::hello(u"alice-secret-token"_s, u"FollowMe/0.1.0"_s).toJson(),
             parsed(docHello));
    QCOMPARE(ClientMessage::hello(u"alice-token"_s, u"FollowMe/0.1.0"_s).toJson(),
             parsed(docExchangeHelloA));
    QCOMPARE(ClientMessage::hello(u"alice-token"_s, QString()).toJson(), parsed(docExchangeHelloB));

    ProtocolError error = untouched();
    auto decoded = ClientMessage::decode(docHello, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::Hello);
    QCOMPARE(decoded->protocol, 1);
    QCOMPARE(decoded->token, u"alice-secret-token"_s);
    QCOMPARE(decoded->client, u"FollowMe/0.1.0"_s);

    decoded = ClientMessage::decode(docExchangeHelloB, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::Hello);
    QCOMPARE(decoded->protocol, 1);
    QCOMPARE(decoded->token, u"alice-token"_s);
    QCOMPARE(decoded->client, QString());
}

void TestProtocol::helloOfAnotherVersionDecodes()
{
    // Whether the server speaks a version is the server's decision (error "unsupported",
    // close code 4002), not a malformed message.
    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(helloWith(setting(u"protocol"_s, 2)), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::Hello);
    QCOMPARE(decoded->protocol, 2);
}

void TestProtocol::setRuleRoundTrip_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("device");
    QTest::addColumn<CallKind>("callKind");
    QTest::addColumn<RuleChange>("ruleChange");

    // Every non-empty subset of the three fields, twice: once with the lower bounds and false,
    // once with the upper bounds and true, rotating the call kinds.
    const QList<CallKind> kinds = CallKinds::all();
    int row = 0;
    for (const bool low : {true, false}) {
        for (int mask = 1; mask < 8; ++mask) {
            RuleChange fields;
            QStringList names;
            if (mask & 1) {
                fields.enabled = !low;
                names.append(u"enabled"_s);
            }
            if (mask & 2) {
                fields.delay = low ? 0 : 300;
                names.append(u"delay"_s);
            }
            if (mask & 4) {
                fields.timeout = low ? 1 : 600;
                names.append(u"timeout"_s);
            }
            const CallKind kind = kinds.at(row % kinds.size());
            const QString tag =
                names.join(u'+') + (low ? u" low "_s : u" high "_s) + CallKinds::key(kind);
            QTest::newRow(qPrintable(tag))
                << u"req-%1"_s.arg(row) << u"dev_%1.x-y"_s.arg(row) << kind << fields;
            ++row;
        }
    }
    QTest::newRow("uuid id, example values") << u"6f1c7a3e-55b1-4c5e-9a7d-2f0e1d3c4b5a"_s
                                             << u"desk"_s << CallKind::Teams << change(true, 5, 20);
}

void TestProtocol::setRuleRoundTrip()
{
    QFETCH(QString, requestId);
    QFETCH(QString, device);
    QFETCH(CallKind, callKind);
    QFETCH(RuleChange, ruleChange);

    const ClientMessage message = ClientMessage::setRule(requestId, device, callKind, ruleChange);
    QCOMPARE(message.type, ClientMessage::Type::SetRule);

    const QJsonObject json = message.toJson();
    QStringList keys = {u"callKind"_s, u"device"_s, u"id"_s, u"type"_s};
    if (ruleChange.enabled)
        keys.append(u"enabled"_s);
    if (ruleChange.delay)
        keys.append(u"delay"_s);
    if (ruleChange.timeout)
        keys.append(u"timeout"_s);
    keys.sort();
    QCOMPARE(sortedKeys(json), keys);
    QCOMPARE(json.value(u"type"_s), QJsonValue(u"setRule"_s));
    QCOMPARE(json.value(u"id"_s), QJsonValue(requestId));
    QCOMPARE(json.value(u"device"_s), QJsonValue(device));
    QCOMPARE(json.value(u"callKind"_s), QJsonValue(CallKinds::key(callKind)));
    if (ruleChange.enabled)
        QCOMPARE(json.value(u"enabled"_s), QJsonValue(*ruleChange.enabled));
    if (ruleChange.delay)
        QCOMPARE(json.value(u"delay"_s), QJsonValue(*ruleChange.delay));
    if (ruleChange.timeout)
        QCOMPARE(json.value(u"timeout"_s), QJsonValue(*ruleChange.timeout));

    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetRule);
    QCOMPARE(decoded->requestId, requestId);
    QCOMPARE(decoded->deviceId, device);
    QCOMPARE(decoded->callKind, callKind);
    QCOMPARE(decoded->change, ruleChange);
}

void TestProtocol::setRuleMatchesDoc()
{
    QCOMPARE(ClientMessage::setRule(u"6f1c…"_s, u"desk"_s, CallKind::External, change(true, 5, 20))
                 .toJson(),
             parsed(docSetRule));
    QCOMPARE(ClientMessage::setRule(u"r-1"_s, u"desk"_s, CallKind::External,
                                    change(std::nullopt, 5, std::nullopt))
                 .toJson(),
             parsed(docExchangeSetRule1));
    QCOMPARE(ClientMessage::setRule(u"r-2"_s, u"reception"_s, CallKind::External,
                                    change(false, std::nullopt, std::nullopt))
                 .toJson(),
             parsed(docExchangeSetRule2));

    ProtocolError error = untouched();
    auto decoded = ClientMessage::decode(docSetRule, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetRule);
    QCOMPARE(decoded->requestId, u"6f1c…"_s);
    QCOMPARE(decoded->deviceId, u"desk"_s);
    QCOMPARE(decoded->callKind, CallKind::External);
    QCOMPARE(decoded->change, change(true, 5, 20));

    decoded = ClientMessage::decode(docExchangeSetRule1, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->requestId, u"r-1"_s);
    QCOMPARE(decoded->deviceId, u"desk"_s);
    QCOMPARE(decoded->callKind, CallKind::External);
    QCOMPARE(decoded->change, change(std::nullopt, 5, std::nullopt));

    decoded = ClientMessage::decode(docExchangeSetRule2, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->requestId, u"r-2"_s);
    QCOMPARE(decoded->deviceId, u"reception"_s);
    QCOMPARE(decoded->callKind, CallKind::External);
    QCOMPARE(decoded->change, change(false, std::nullopt, std::nullopt));

    // r-3's timeout of 900 s is refused as "invalid", answered with its id.
    error = untouched();
    decoded = ClientMessage::decode(docExchangeSetRule3, &error);
    QVERIFY(!decoded);
    QCOMPARE(error.code, Code::Invalid);
    QCOMPARE(error.requestId, u"r-3"_s);
    QVERIFY2(error.message.contains(u"timeout"_s), qPrintable(error.message));
}

void TestProtocol::setControlledDeviceRoundTrip_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("device");

    QTest::newRow("device") << u"r-4"_s << u"softphone"_s;
    QTest::newRow("none") << u"r-5"_s << QString();
    QTest::newRow("64 character id") << QString(64, u'x') << QString(64, u'd');
}

void TestProtocol::setControlledDeviceRoundTrip()
{
    QFETCH(QString, requestId);
    QFETCH(QString, device);

    const ClientMessage message = ClientMessage::setControlledDevice(requestId, device);
    QCOMPARE(message.type, ClientMessage::Type::SetControlledDevice);

    const QJsonObject json = message.toJson();
    QCOMPARE(sortedKeys(json), (QStringList {u"device"_s, u"id"_s, u"type"_s}));
    QCOMPARE(json.value(u"type"_s), QJsonValue(u"setControlledDevice"_s));
    QCOMPARE(json.value(u"id"_s), QJsonValue(requestId));
    // "null for none", never an empty string.
    QCOMPARE(json.value(u"device"_s), device.isEmpty() ? QJsonValue() : QJsonValue(device));

    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetControlledDevice);
    QCOMPARE(decoded->requestId, requestId);
    QCOMPARE(decoded->deviceId, device);
}

void TestProtocol::setControlledDeviceMatchesDoc()
{
    QCOMPARE(ClientMessage::setControlledDevice(u"a41d…"_s, u"softphone"_s).toJson(),
             parsed(docSetControlledDevice));
    QCOMPARE(ClientMessage::setControlledDevice(u"r-4"_s, u"reception"_s).toJson(),
             parsed(docExchangeSetControlled4));

    ProtocolError error = untouched();
    auto decoded = ClientMessage::decode(docSetControlledDevice, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetControlledDevice);
    QCOMPARE(decoded->requestId, u"a41d…"_s);
    QCOMPARE(decoded->deviceId, u"softphone"_s);

    decoded = ClientMessage::decode(docExchangeSetControlled4, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->requestId, u"r-4"_s);
    QCOMPARE(decoded->deviceId, u"reception"_s);
}

void TestProtocol::clientAccepts_data()
{
    QTest::addColumn<QByteArray>("text");

    // The bases the refusal rows break, and the edges of every bound.
    QTest::newRow("base hello") << compact(baseHello());
    QTest::newRow("base setRule") << compact(baseSetRule());
    QTest::newRow("base setControlledDevice") << compact(baseSetControlledDevice());
    QTest::newRow("setControlledDevice null")
        << setControlledDeviceWith(setting(u"device"_s, QJsonValue()));
    QTest::newRow("protocol 1.0") << R"({"type":"hello","protocol":1.0,"token":"t"})"_ba;
    QTest::newRow("id of 1 character") << setRuleWith(setting(u"id"_s, u"x"_s));
    QTest::newRow("id of 64 characters") << setRuleWith(setting(u"id"_s, QString(64, u'x')));
    QTest::newRow("device of 64 characters")
        << setRuleWith(setting(u"device"_s, QString(64, u'd')));
    QTest::newRow("callKind internal") << setRuleWith(setting(u"callKind"_s, u"internal"_s));
    QTest::newRow("callKind teams") << setRuleWith(setting(u"callKind"_s, u"teams"_s));
    QTest::newRow("enabled false") << setRuleWith(setting(u"enabled"_s, false));
    QTest::newRow("delay 0") << setRuleWith(setting(u"delay"_s, 0));
    QTest::newRow("delay 300") << setRuleWith(setting(u"delay"_s, 300));
    QTest::newRow("delay 5.0")
        << R"({"type":"setRule","id":"r-1","device":"desk","callKind":"external","delay":5.0})"_ba;
    QTest::newRow("timeout 1") << setRuleWith(setting(u"timeout"_s, 1));
    QTest::newRow("timeout 600") << setRuleWith(setting(u"timeout"_s, 600));
    QTest::newRow("only delay") << edited(baseSetRule(), [](QJsonObject &object) {
        object.remove(u"enabled"_s);
        object.insert(u"delay"_s, 7);
    });
    QTest::newRow("only timeout") << edited(baseSetRule(), [](QJsonObject &object) {
        object.remove(u"enabled"_s);
        object.insert(u"timeout"_s, 7);
    });
    QTest::newRow("whitespace around") << "  \n"_ba + compact(baseSetRule()) + "\n\t "_ba;
}

void TestProtocol::clientAccepts()
{
    QFETCH(QByteArray, text);
    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(text, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QVERIFY(ClientMessage::decode(text, nullptr));
    // What was read is what is written again.
    const QJsonObject original = parsed(text);
    QCOMPARE(decoded->toJson(), original);
}

void TestProtocol::clientIgnoresUnknownMembers()
{
    const QJsonObject extra {{u"nested"_s, QJsonArray {1, 2}}};
    ProtocolError error = untouched();

    auto decoded = ClientMessage::decode(helloWith([&](QJsonObject &object) {
                                             object.insert(u"locale"_s, u"de"_s);
                                             object.insert(u"capabilities"_s, extra);
                                         }),
                                         &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::Hello);
    QCOMPARE(decoded->protocol, 1);
    QCOMPARE(decoded->token, u"alice-token"_s);

    decoded = ClientMessage::decode(setRuleWith([&](QJsonObject &object) {
                                        object.insert(u"comment"_s, u"from the tray"_s);
                                        object.insert(u"future"_s, extra);
                                        object.insert(u"delay"_s, 9);
                                    }),
                                    &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetRule);
    QCOMPARE(decoded->requestId, u"r-1"_s);
    QCOMPARE(decoded->deviceId, u"desk"_s);
    QCOMPARE(decoded->callKind, CallKind::External);
    QCOMPARE(decoded->change, change(true, 9, std::nullopt));

    decoded = ClientMessage::decode(setControlledDeviceWith([&](QJsonObject &object) {
                                        object.insert(u"reason"_s, QJsonValue());
                                        object.insert(u"x"_s, extra);
                                    }),
                                    &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ClientMessage::Type::SetControlledDevice);
    QCOMPARE(decoded->requestId, u"r-4"_s);
    QCOMPARE(decoded->deviceId, u"dect"_s);
}

void TestProtocol::clientSizeLimit()
{
    // Padded with whitespace, which JSON allows after the object, to an exact size.
    const QByteArray message = compact(baseSetRule());
    const QByteArray atLimit =
        message + QByteArray(Protocol::maxMessageBytes - message.size(), ' ');
    QCOMPARE(atLimit.size(), Protocol::maxMessageBytes);
    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(atLimit, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->requestId, u"r-1"_s);

    error = untouched();
    QVERIFY(!ClientMessage::decode(atLimit + ' ', &error));
    QCOMPARE(error.code, Code::TooLarge);
    QCOMPARE(error.requestId, QString());
    QVERIFY(!error.message.isEmpty());
}

void TestProtocol::clientRefusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Protocol::ErrorCode>("code");
    QTest::addColumn<QString>("requestId"); // empty: the id could not be read
    QTest::addColumn<QString>("mentions"); // a word the message must hold, empty for any

    const QString noId;
    const QString any;
    const QString r1 = u"r-1"_s;
    const QString r4 = u"r-4"_s;

    // Size, checked before anything else.
    const QByteArray hugeValid =
        setRuleWith(setting(u"padding"_s, QString(Protocol::maxMessageBytes, u'p')));
    QTest::newRow("over-size valid message") << hugeValid << Code::TooLarge << noId << any;
    QTest::newRow("over-size garbage")
        << QByteArray(Protocol::maxMessageBytes + 1, '{') << Code::TooLarge << noId << any;

    // Not a message at all.
    QTest::newRow("empty") << QByteArray() << Code::Malformed << noId << any;
    QTest::newRow("not JSON") << "hello"_ba << Code::Malformed << noId << any;
    QTest::newRow("truncated JSON")
        << R"({"type":"setRule","id":"r-1")"_ba << Code::Malformed << noId << any;
    QTest::newRow("trailing garbage")
        << compact(baseSetRule()) + "x"_ba << Code::Malformed << noId << any;
    QTest::newRow("array") << R"([{"type":"hello","protocol":1,"token":"t"}])"_ba << Code::Malformed
                           << noId << any;
    QTest::newRow("string") << R"("hello")"_ba << Code::Malformed << noId << any;
    QTest::newRow("number") << "1"_ba << Code::Malformed << noId << any;
    QTest::newRow("null") << "null"_ba << Code::Malformed << noId << any;
    QTest::newRow("missing type") << R"({"protocol":1,"token":"t"})"_ba << Code::Malformed << noId
                                  << u"type"_s;
    QTest::newRow("type number") << R"({"type":1,"protocol":1,"token":"t"})"_ba << Code::Malformed
                                 << noId << u"type"_s;
    QTest::newRow("type null") << R"({"type":null,"protocol":1,"token":"t"})"_ba << Code::Malformed
                               << noId << u"type"_s;
    QTest::newRow("type object") << R"({"type":{"name":"hello"},"protocol":1,"token":"t"})"_ba
                                 << Code::Malformed << noId << u"type"_s;

    // Unknown types.
    QTest::newRow("unknown type with id")
        << R"({"type":"setName","id":"r-9","device":"desk","name":"x"})"_ba << Code::Unsupported
        << u"r-9"_s << u"setName"_s;
    QTest::newRow("unknown type without id")
        << R"({"type":"subscribe"})"_ba << Code::Unsupported << noId << u"subscribe"_s;
    QTest::newRow("type in other case")
        << R"({"type":"Hello","protocol":1,"token":"t"})"_ba << Code::Unsupported << noId << any;
    QTest::newRow("empty type") << R"({"type":""})"_ba << Code::Unsupported << noId << any;
    QTest::newRow("server type") << R"({"type":"ack","id":"r-1","revision":3})"_ba
                                 << Code::Unsupported << r1 << any;

    // hello
    QTest::newRow("hello without token")
        << helloWith(removing(u"token"_s)) << Code::Malformed << noId << u"token"_s;
    QTest::newRow("hello with empty token")
        << helloWith(setting(u"token"_s, u""_s)) << Code::Malformed << noId << u"token"_s;
    QTest::newRow("hello with null token")
        << helloWith(setting(u"token"_s, QJsonValue())) << Code::Malformed << noId << u"token"_s;
    QTest::newRow("hello with number token")
        << helloWith(setting(u"token"_s, 42)) << Code::Malformed << noId << u"token"_s;
    QTest::newRow("hello without protocol")
        << helloWith(removing(u"protocol"_s)) << Code::Malformed << noId << u"protocol"_s;
    QTest::newRow("hello with protocol \"1\"")
        << helloWith(setting(u"protocol"_s, u"1"_s)) << Code::Malformed << noId << u"protocol"_s;
    QTest::newRow("hello with protocol true")
        << helloWith(setting(u"protocol"_s, true)) << Code::Malformed << noId << u"protocol"_s;
    QTest::newRow("hello with protocol null") << helloWith(setting(u"protocol"_s, QJsonValue()))
                                              << Code::Malformed << noId << u"protocol"_s;
    QTest::newRow("hello with protocol 1.5")
        << helloWith(setting(u"protocol"_s, 1.5)) << Code::Malformed << noId << u"protocol"_s;
    QTest::newRow("hello with number client")
        << helloWith(setting(u"client"_s, 1)) << Code::Malformed << noId << u"client"_s;

    // setRule: the request id
    QTest::newRow("setRule without id")
        << setRuleWith(removing(u"id"_s)) << Code::Invalid << noId << u"id"_s;
    QTest::newRow("setRule with empty id")
        << setRuleWith(setting(u"id"_s, u""_s)) << Code::Invalid << noId << u"id"_s;
    QTest::newRow("setRule with 65 character id")
        << setRuleWith(setting(u"id"_s, QString(65, u'x'))) << Code::Invalid << noId << u"id"_s;
    QTest::newRow("setRule with number id")
        << setRuleWith(setting(u"id"_s, 1)) << Code::Invalid << noId << u"id"_s;
    QTest::newRow("setRule with null id")
        << setRuleWith(setting(u"id"_s, QJsonValue())) << Code::Invalid << noId << u"id"_s;

    // setRule: the device
    QTest::newRow("setRule without device")
        << setRuleWith(removing(u"device"_s)) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with null device")
        << setRuleWith(setting(u"device"_s, QJsonValue())) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with empty device")
        << setRuleWith(setting(u"device"_s, u""_s)) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with device holding a space")
        << setRuleWith(setting(u"device"_s, u"desk phone"_s)) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with device holding a slash")
        << setRuleWith(setting(u"device"_s, u"../desk"_s)) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with non-ASCII device")
        << setRuleWith(setting(u"device"_s, u"tälefon"_s)) << Code::Invalid << r1 << u"device"_s;
    QTest::newRow("setRule with 65 character device")
        << setRuleWith(setting(u"device"_s, QString(65, u'd'))) << Code::Invalid << r1
        << u"device"_s;
    QTest::newRow("setRule with number device")
        << setRuleWith(setting(u"device"_s, 5)) << Code::Invalid << r1 << u"device"_s;

    // setRule: the call kind
    QTest::newRow("setRule without callKind")
        << setRuleWith(removing(u"callKind"_s)) << Code::Invalid << r1 << u"callKind"_s;
    QTest::newRow("setRule with unknown callKind")
        << setRuleWith(setting(u"callKind"_s, u"fax"_s)) << Code::Invalid << r1 << u"callKind"_s;
    QTest::newRow("setRule with capitalized callKind")
        << setRuleWith(setting(u"callKind"_s, u"External"_s)) << Code::Invalid << r1
        << u"callKind"_s;
    QTest::newRow("setRule with number callKind")
        << setRuleWith(setting(u"callKind"_s, 0)) << Code::Invalid << r1 << u"callKind"_s;

    // setRule: the fields
    QTest::newRow("enabled \"true\"")
        << setRuleWith(setting(u"enabled"_s, u"true"_s)) << Code::Invalid << r1 << u"enabled"_s;
    QTest::newRow("enabled 1") << setRuleWith(setting(u"enabled"_s, 1)) << Code::Invalid << r1
                               << u"enabled"_s;
    QTest::newRow("enabled null") << setRuleWith(setting(u"enabled"_s, QJsonValue()))
                                  << Code::Invalid << r1 << u"enabled"_s;
    QTest::newRow("delay 2.5") << setRuleWith(setting(u"delay"_s, 2.5)) << Code::Invalid << r1
                               << u"delay"_s;
    QTest::newRow("delay \"5\"") << setRuleWith(setting(u"delay"_s, u"5"_s)) << Code::Invalid << r1
                                 << u"delay"_s;
    QTest::newRow("delay true") << setRuleWith(setting(u"delay"_s, true)) << Code::Invalid << r1
                                << u"delay"_s;
    QTest::newRow("delay -1") << setRuleWith(setting(u"delay"_s, -1)) << Code::Invalid << r1
                              << u"delay"_s;
    QTest::newRow("delay 301") << setRuleWith(setting(u"delay"_s, 301)) << Code::Invalid << r1
                               << u"delay"_s;
    QTest::newRow("delay 1e12") << setRuleWith(setting(u"delay"_s, 1e12)) << Code::Invalid << r1
                                << u"delay"_s;
    QTest::newRow("timeout 0") << setRuleWith(setting(u"timeout"_s, 0)) << Code::Invalid << r1
                               << u"timeout"_s;
    QTest::newRow("timeout 601") << setRuleWith(setting(u"timeout"_s, 601)) << Code::Invalid << r1
                                 << u"timeout"_s;
    QTest::newRow("timeout 20.5") << setRuleWith(setting(u"timeout"_s, 20.5)) << Code::Invalid << r1
                                  << u"timeout"_s;
    QTest::newRow("timeout \"20\"")
        << setRuleWith(setting(u"timeout"_s, u"20"_s)) << Code::Invalid << r1 << u"timeout"_s;
    QTest::newRow("no field at all")
        << setRuleWith(removing(u"enabled"_s)) << Code::Invalid << r1 << any;

    // setControlledDevice
    QTest::newRow("setControlledDevice device 5")
        << setControlledDeviceWith(setting(u"device"_s, 5)) << Code::Invalid << r4 << u"device"_s;
    QTest::newRow("setControlledDevice device true")
        << setControlledDeviceWith(setting(u"device"_s, true)) << Code::Invalid << r4
        << u"device"_s;
    QTest::newRow("setControlledDevice without device")
        << setControlledDeviceWith(removing(u"device"_s)) << Code::Invalid << r4 << u"device"_s;
    QTest::newRow("setControlledDevice empty device")
        << setControlledDeviceWith(setting(u"device"_s, u""_s)) << Code::Invalid << r4
        << u"device"_s;
    QTest::newRow("setControlledDevice bad device")
        << setControlledDeviceWith(setting(u"device"_s, u"soft phone"_s)) << Code::Invalid << r4
        << u"device"_s;
    QTest::newRow("setControlledDevice without id")
        << setControlledDeviceWith(removing(u"id"_s)) << Code::Invalid << noId << u"id"_s;
    QTest::newRow("setControlledDevice with 65 character id")
        << setControlledDeviceWith(setting(u"id"_s, QString(65, u'x'))) << Code::Invalid << noId
        << u"id"_s;
}

void TestProtocol::clientRefusals()
{
    QFETCH(QByteArray, text);
    QFETCH(Protocol::ErrorCode, code);
    QFETCH(QString, requestId);
    QFETCH(QString, mentions);

    ProtocolError error = untouched();
    const auto decoded = ClientMessage::decode(text, &error);
    QVERIFY(!decoded);
    QCOMPARE(error.code, code);
    QCOMPARE(error.requestId, requestId);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(error.message != u"untouched"_s);
    if (!mentions.isEmpty())
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    // Without a place for the error, decode() still refuses.
    QVERIFY(!ClientMessage::decode(text, nullptr));
}

void TestProtocol::refusalTravelsBackWithItsId()
{
    // The server refuses a client's edit and sends the refusal back; the client reads the id.
    ProtocolError refused = untouched();
    QVERIFY(!ClientMessage::decode(setRuleWith(setting(u"delay"_s, 301)), &refused));
    const QJsonObject answer = ServerMessage::failure(refused).toJson();
    QCOMPARE(answer.value(u"id"_s), QJsonValue(u"r-1"_s));
    QCOMPARE(answer.value(u"code"_s), QJsonValue(u"invalid"_s));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(compact(answer), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Error);
    QCOMPARE(decoded->requestId, u"r-1"_s);
    QCOMPARE(decoded->error.code, Code::Invalid);
    QCOMPARE(decoded->error.requestId, u"r-1"_s);
    QCOMPARE(decoded->error.message, refused.message);
}

// ---------------------------------------------------------------------------------------------
// ServerMessage

void TestProtocol::snapshotRoundTrip_data()
{
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("userName");

    QTest::newRow("first revision") << qint64(1) << u"alice"_s << u"Alice Example"_s;
    QTest::newRow("beyond 32 bits") << qint64(5'000'000'000) << u"bob"_s << u"Bob Ünicode ✓"_s;
}

void TestProtocol::snapshotRoundTrip()
{
    QFETCH(qint64, revision);
    QFETCH(QString, userId);
    QFETCH(QString, userName);

    const FollowMeSettings settings = demoSettings();
    QCOMPARE(settings.devices.size(), 6);
    const ServerMessage message = ServerMessage::snapshot(revision, userId, userName, settings);
    QCOMPARE(message.type, ServerMessage::Type::Snapshot);

    const QJsonObject json = message.toJson();
    QCOMPARE(sortedKeys(json), (QStringList {u"revision"_s, u"settings"_s, u"type"_s, u"user"_s}));
    QCOMPARE(json.value(u"type"_s), QJsonValue(u"snapshot"_s));
    QCOMPARE(json.value(u"revision"_s).toInteger(), revision);
    QCOMPARE(json.value(u"user"_s).toObject(),
             (QJsonObject {{u"id"_s, userId}, {u"name"_s, userName}}));
    QCOMPARE(json.value(u"settings"_s).toObject(), SettingsCodec::toJson(settings));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Snapshot);
    QCOMPARE(decoded->revision, revision);
    QCOMPARE(decoded->userId, userId);
    QCOMPARE(decoded->userName, userName);
    QCOMPARE(decoded->settings, settings);
}

void TestProtocol::snapshotMatchesDoc()
{
    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(docExchangeSnapshot, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Snapshot);
    QCOMPARE(decoded->revision, qint64(3));
    QCOMPARE(decoded->userId, u"alice"_s);
    QCOMPARE(decoded->userName, u"Alice Example"_s);
    const FollowMeSettings &settings = decoded->settings;
    QCOMPARE(settings.controlledDeviceId, u"desk"_s);
    QCOMPARE(settings.devices.size(), 2);
    const Device &desk = settings.devices.at(0);
    QCOMPARE(desk.id, u"desk"_s);
    QCOMPARE(desk.name, u"Desk phone"_s);
    QCOMPARE(desk.number, u"201"_s);
    QVERIFY(desk.userConfigurable);
    QCOMPARE(desk.workspace, QString());
    QCOMPARE(desk.rule(CallKind::External), rule(true, 0, 25));
    QCOMPARE(desk.rule(CallKind::Internal), rule(true, 0, 30));
    QCOMPARE(desk.rule(CallKind::Teams), rule(true, 0, 20));
    const Device &reception = settings.devices.at(1);
    QCOMPARE(reception.id, u"reception"_s);
    QCOMPARE(reception.name, u"Reception phone"_s);
    QCOMPARE(reception.number, u"100"_s);
    QVERIFY(!reception.userConfigurable);
    QCOMPARE(reception.workspace, u"Front desk"_s);
    QCOMPARE(reception.rule(CallKind::External), rule(true, 15, 30));
    QCOMPARE(reception.rule(CallKind::Internal), rule(false, 0, 20));
    QCOMPARE(reception.rule(CallKind::Teams), rule(true, 0, 40));

    // Written again, it is the documented object.
    QCOMPARE(ServerMessage::snapshot(3, u"alice"_s, u"Alice Example"_s, settings).toJson(),
             parsed(docExchangeSnapshot));
}

void TestProtocol::ackRoundTrip()
{
    const ServerMessage message = ServerMessage::ack(u"r-1"_s, 5'000'000'001);
    QCOMPARE(message.type, ServerMessage::Type::Ack);
    const QJsonObject json = message.toJson();
    QCOMPARE(json,
             (QJsonObject {{u"type"_s, u"ack"_s},
                           {u"id"_s, u"r-1"_s},
                           {u"revision"_s, qint64(5'000'000'001)}}));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Ack);
    QCOMPARE(decoded->requestId, u"r-1"_s);
    QCOMPARE(decoded->revision, qint64(5'000'000'001));
}

void TestProtocol::errorRoundTrip_data()
{
    QTest::addColumn<Protocol::ErrorCode>("code");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("message");

    for (Code code : allCodes) {
        const QString key = Protocol::errorKey(code);
        QTest::newRow(qPrintable(key + u" with id"_s))
            << code << u"6f1c…"_s << u"\"Reception phone\" — %1"_s.arg(key);
        QTest::newRow(qPrintable(key + u" without id"_s)) << code << QString() << key;
    }
    QTest::newRow("empty message") << Code::Internal << u"r-1"_s << QString();
}

void TestProtocol::errorRoundTrip()
{
    QFETCH(Protocol::ErrorCode, code);
    QFETCH(QString, requestId);
    QFETCH(QString, message);

    const ServerMessage failure = ServerMessage::failure({code, message, requestId});
    QCOMPARE(failure.type, ServerMessage::Type::Error);
    QCOMPARE(failure.requestId, requestId);

    const QJsonObject json = failure.toJson();
    QStringList keys = {u"code"_s, u"message"_s, u"type"_s};
    if (!requestId.isEmpty())
        keys.append(u"id"_s); // an error whose id could not be read has no "id"
    keys.sort();
    QCOMPARE(sortedKeys(json), keys);
    QCOMPARE(json.value(u"type"_s), QJsonValue(u"error"_s));
    QCOMPARE(json.value(u"code"_s), QJsonValue(Protocol::errorKey(code)));
    QCOMPARE(json.value(u"message"_s), QJsonValue(message));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(failure.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Error);
    QCOMPARE(decoded->requestId, requestId);
    QCOMPARE(decoded->error.code, code);
    QCOMPARE(decoded->error.message, message);
    QCOMPARE(decoded->error.requestId, requestId);
}

void TestProtocol::ruleChangedRoundTrip_data()
{
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<QString>("device");
    QTest::addColumn<CallKind>("callKind");
    QTest::addColumn<RingRule>("ringRule");

    QTest::newRow("external") << qint64(9) << u"desk"_s << CallKind::External << rule(true, 0, 30);
    QTest::newRow("internal") << qint64(10) << u"soft_phone.2"_s << CallKind::Internal
                              << rule(false, 300, 600);
    QTest::newRow("teams") << qint64(5'000'000'000) << u"dect"_s << CallKind::Teams
                           << rule(true, 15, 1);
}

void TestProtocol::ruleChangedRoundTrip()
{
    QFETCH(qint64, revision);
    QFETCH(QString, device);
    QFETCH(CallKind, callKind);
    QFETCH(RingRule, ringRule);

    const ServerMessage message = ServerMessage::ruleChanged(revision, device, callKind, ringRule);
    QCOMPARE(message.type, ServerMessage::Type::RuleChanged);
    const QJsonObject json = message.toJson();
    QCOMPARE(json,
             (QJsonObject {{u"type"_s, u"ruleChanged"_s},
                           {u"revision"_s, revision},
                           {u"device"_s, device},
                           {u"callKind"_s, CallKinds::key(callKind)},
                           {u"rule"_s,
                            QJsonObject {{u"enabled"_s, ringRule.enabled},
                                         {u"delay"_s, ringRule.delay},
                                         {u"timeout"_s, ringRule.timeout}}}}));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::RuleChanged);
    QCOMPARE(decoded->revision, revision);
    QCOMPARE(decoded->deviceId, device);
    QCOMPARE(decoded->callKind, callKind);
    QCOMPARE(decoded->rule, ringRule);
}

void TestProtocol::controlledDeviceChangedRoundTrip_data()
{
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<QString>("device");

    QTest::newRow("device") << qint64(10) << u"dect"_s;
    QTest::newRow("none") << qint64(11) << QString();
}

void TestProtocol::controlledDeviceChangedRoundTrip()
{
    QFETCH(qint64, revision);
    QFETCH(QString, device);

    const ServerMessage message = ServerMessage::controlledDeviceChanged(revision, device);
    QCOMPARE(message.type, ServerMessage::Type::ControlledDeviceChanged);
    const QJsonObject json = message.toJson();
    QCOMPARE(json,
             (QJsonObject {{u"type"_s, u"controlledDeviceChanged"_s},
                           {u"revision"_s, revision},
                           {u"device"_s, device.isEmpty() ? QJsonValue() : QJsonValue(device)}}));

    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(message.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::ControlledDeviceChanged);
    QCOMPARE(decoded->revision, revision);
    QCOMPARE(decoded->deviceId, device);
}

void TestProtocol::serverMatchesDoc()
{
    // Section 4.3
    QCOMPARE(ServerMessage::ack(u"6f1c…"_s, 8).toJson(), parsed(docAck));
    const QString lockedMessage = u"\"Reception phone\" is managed by your administrator"_s;
    QCOMPARE(ServerMessage::failure({Code::Locked, lockedMessage, u"6f1c…"_s}).toJson(),
             parsed(docError));
    // Section 5
    QCOMPARE(
        ServerMessage::ruleChanged(9, u"desk"_s, CallKind::Internal, rule(true, 0, 30)).toJson(),
        parsed(docRuleChanged));
    QCOMPARE(ServerMessage::controlledDeviceChanged(10, u"dect"_s).toJson(),
             parsed(docControlledDeviceChanged));
    // Section 7
    QCOMPARE(ServerMessage::ack(u"r-1"_s, 4).toJson(), parsed(docExchangeAck1));
    QCOMPARE(
        ServerMessage::ruleChanged(4, u"desk"_s, CallKind::External, rule(true, 5, 25)).toJson(),
        parsed(docExchangeRuleChanged));
    QCOMPARE(ServerMessage::failure({Code::Locked, lockedMessage, u"r-2"_s}).toJson(),
             parsed(docExchangeError2));
    QCOMPARE(ServerMessage::ack(u"r-4"_s, 6).toJson(), parsed(docExchangeAck4));

    ProtocolError error = untouched();
    auto decoded = ServerMessage::decode(docAck, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Ack);
    QCOMPARE(decoded->requestId, u"6f1c…"_s);
    QCOMPARE(decoded->revision, qint64(8));

    decoded = ServerMessage::decode(docError, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Error);
    QCOMPARE(decoded->requestId, u"6f1c…"_s);
    QCOMPARE(decoded->error.code, Code::Locked);
    QCOMPARE(decoded->error.message, lockedMessage);
    QCOMPARE(decoded->error.requestId, u"6f1c…"_s);

    decoded = ServerMessage::decode(docRuleChanged, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::RuleChanged);
    QCOMPARE(decoded->revision, qint64(9));
    QCOMPARE(decoded->deviceId, u"desk"_s);
    QCOMPARE(decoded->callKind, CallKind::Internal);
    QCOMPARE(decoded->rule, rule(true, 0, 30));

    decoded = ServerMessage::decode(docControlledDeviceChanged, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::ControlledDeviceChanged);
    QCOMPARE(decoded->revision, qint64(10));
    QCOMPARE(decoded->deviceId, u"dect"_s);

    decoded = ServerMessage::decode(docExchangeRuleChanged, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->revision, qint64(4));
    QCOMPARE(decoded->callKind, CallKind::External);
    QCOMPARE(decoded->rule, rule(true, 5, 25));

    decoded = ServerMessage::decode(docExchangeError2, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->requestId, u"r-2"_s);
    QCOMPARE(decoded->error.code, Code::Locked);
}

void TestProtocol::unknownErrorCodeIsInternal()
{
    // A code from a newer server is still an error, of the most general kind.
    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(
        R"({"type":"error","id":"r-7","code":"quota_exceeded","message":"m"})"_ba, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->type, ServerMessage::Type::Error);
    QCOMPARE(decoded->error.code, Code::Internal);
    QCOMPARE(decoded->requestId, u"r-7"_s);
    QCOMPARE(decoded->error.message, u"m"_s);
}

void TestProtocol::serverRefusals_data()
{
    QTest::addColumn<QByteArray>("text");

    // Not an object
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << "snapshot"_ba;
    QTest::newRow("truncated") << R"({"type":"ack","id":"r-1")"_ba;
    QTest::newRow("array") << R"([{"type":"ack","id":"r-1","revision":1}])"_ba;
    QTest::newRow("string") << R"("ack")"_ba;
    QTest::newRow("null") << "null"_ba;

    // Unknown types
    QTest::newRow("missing type") << R"({"id":"r-1","revision":1})"_ba;
    QTest::newRow("type number") << R"({"type":3,"id":"r-1","revision":1})"_ba;

    // Snapshots with invalid settings
    QTest::newRow("snapshot without settings")
        << snapshotWith([](QJsonObject &settings) { settings = QJsonObject(); });
    QTest::newRow("snapshot settings version 2") << snapshotWith(setting(u"version"_s, 2));
    QTest::newRow("snapshot without devices") << snapshotWith(removing(u"devices"_s));
    QTest::newRow("snapshot unknown controlled device")
        << snapshotWith(setting(u"controlledDevice"_s, u"nowhere"_s));
    QTest::newRow("snapshot delay 301") << snapshotWith([](QJsonObject &settings) {
        QJsonArray devices = settings.value(u"devices"_s).toArray();
        QJsonObject desk = devices.at(DemoRow::desk).toObject();
        QJsonObject rules = desk.value(u"rules"_s).toObject();
        QJsonObject external = rules.value(u"external"_s).toObject();
        external.insert(u"delay"_s, 301);
        rules.insert(u"external"_s, external);
        desk.insert(u"rules"_s, rules);
        devices.replace(DemoRow::desk, desk);
        settings.insert(u"devices"_s, devices);
    });
    QTest::newRow("snapshot duplicate device id") << snapshotWith([](QJsonObject &settings) {
        QJsonArray devices = settings.value(u"devices"_s).toArray();
        QJsonObject softphone = devices.at(DemoRow::softphone).toObject();
        softphone.insert(u"id"_s, u"desk"_s);
        devices.replace(DemoRow::softphone, softphone);
        settings.insert(u"devices"_s, devices);
    });
    QTest::newRow("snapshot settings array")
        << R"({"type":"snapshot","revision":1,"user":{"id":"a","name":"A"},"settings":[]})"_ba;

    // ruleChanged with a bad rule or call kind
    QTest::newRow("ruleChanged without rule") << ruleChangedWith(removing(u"rule"_s));
    QTest::newRow("ruleChanged rule array") << ruleChangedWith(setting(u"rule"_s, QJsonArray()));
    QTest::newRow("ruleChanged timeout 0") << ruleChangedWith(
        setting(u"rule"_s, QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 0}, {u"timeout"_s, 0}}));
    QTest::newRow("ruleChanged delay 301") << ruleChangedWith(setting(
        u"rule"_s, QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 301}, {u"timeout"_s, 20}}));
    QTest::newRow("ruleChanged delay 2.5") << ruleChangedWith(setting(
        u"rule"_s, QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 2.5}, {u"timeout"_s, 20}}));
    QTest::newRow("ruleChanged enabled \"yes\"") << ruleChangedWith(setting(
        u"rule"_s, QJsonObject {{u"enabled"_s, u"yes"_s}, {u"delay"_s, 0}, {u"timeout"_s, 20}}));
    QTest::newRow("ruleChanged rule without timeout")
        << ruleChangedWith(setting(u"rule"_s, QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 0}}));
    QTest::newRow("ruleChanged unknown callKind")
        << ruleChangedWith(setting(u"callKind"_s, u"fax"_s));
    QTest::newRow("ruleChanged without callKind") << ruleChangedWith(removing(u"callKind"_s));
    QTest::newRow("ruleChanged without device") << ruleChangedWith(removing(u"device"_s));
    QTest::newRow("ruleChanged null device") << ruleChangedWith(setting(u"device"_s, QJsonValue()));
    QTest::newRow("ruleChanged empty device") << ruleChangedWith(setting(u"device"_s, u""_s));
    QTest::newRow("ruleChanged device with a space")
        << ruleChangedWith(setting(u"device"_s, u"desk "_s));
    QTest::newRow("ruleChanged device 5") << ruleChangedWith(setting(u"device"_s, 5));

    // snapshot without a valid user
    QTest::newRow("snapshot without user")
        << R"({"type":"snapshot","revision":1,"settings":{"version":1,"devices":[]}})"_ba;
    QTest::newRow("snapshot with an empty user id")
        << R"({"type":"snapshot","revision":1,"user":{"id":"","name":"A"},)"
           R"("settings":{"version":1,"devices":[]}})"_ba;
    QTest::newRow("snapshot without user name")
        << R"({"type":"snapshot","revision":1,"user":{"id":"a"},)"
           R"("settings":{"version":1,"devices":[]}})"_ba;

    // ack without an id
    QTest::newRow("ack without id") << R"({"type":"ack","revision":4})"_ba;
    QTest::newRow("ack with empty id") << R"({"type":"ack","id":"","revision":4})"_ba;
    QTest::newRow("ack with number id") << R"({"type":"ack","id":4,"revision":4})"_ba;

    // controlledDeviceChanged with a device that is neither an id nor null
    QTest::newRow("controlledDeviceChanged device 5")
        << R"({"type":"controlledDeviceChanged","revision":10,"device":5})"_ba;
    // None is null: "" is no device id, and reading it as none would change the device.
    QTest::newRow("controlledDeviceChanged empty device")
        << R"({"type":"controlledDeviceChanged","revision":10,"device":""})"_ba;
    QTest::newRow("controlledDeviceChanged without revision")
        << R"({"type":"controlledDeviceChanged","device":"desk"})"_ba;
}

void TestProtocol::serverRefusals()
{
    QFETCH(QByteArray, text);
    ProtocolError error = untouched();
    const auto decoded = ServerMessage::decode(text, &error);
    QVERIFY(!decoded);
    QCOMPARE(error.code, Code::Malformed);
    QCOMPARE(error.requestId, QString());
    QVERIFY(!error.message.isEmpty());
    QVERIFY(error.message != u"untouched"_s);
    QVERIFY(!ServerMessage::decode(text, nullptr));
}

// A type this client doesn't know may be a later server's push (protocol.md section 8): told
// apart from a malformed message, so that the client can ignore it; looked at before the
// members, which a later type need not have.
void TestProtocol::unknownServerTypesAreUnsupported_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("unknown type") << R"({"type":"deviceAdded","revision":1})"_ba;
    QTest::newRow("unknown type without revision") << R"({"type":"deviceAdded"})"_ba;
    QTest::newRow("type in other case") << R"({"type":"Ack","id":"r-1","revision":1})"_ba;
    QTest::newRow("client type") << R"({"type":"hello","protocol":1,"token":"t"})"_ba;
    QTest::newRow("admin type") << R"({"type":"adminReady","protocol":1})"_ba;
}

void TestProtocol::unknownServerTypesAreUnsupported()
{
    QFETCH(QByteArray, text);
    ProtocolError error = untouched();
    QVERIFY(!ServerMessage::decode(text, &error));
    QCOMPARE(error.code, Code::Unsupported);
    QCOMPARE(error.requestId, QString());
    QVERIFY(error.message != u"untouched"_s);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
