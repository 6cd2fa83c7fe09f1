// SPDX-License-Identifier: GPL-3.0-or-later
// StrictJson: RFC 8259 to the letter plus the protocol's rules (docs/protocol.md §2.1), and the
// client's reading of server messages through it.
#include "ServerMessage.h"
#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <limits>

using namespace Qt::StringLiterals;

class TestStrictJson : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void nestingLimitIsExact_data();
    void nestingLimitIsExact();
    void keepsAByteOrderMarkInsideStrings();
    void clientRefusesLaxServerMessages_data();
    void clientRefusesLaxServerMessages();
    void parsesConcurrently();
};

void TestStrictJson::accepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("integer") << QByteArray(R"({"a":5})") << u"a"_s << QJsonValue(5);
    QTest::newRow("5.0 is five") << QByteArray(R"({"a":5.0})") << u"a"_s << QJsonValue(5);
    QTest::newRow("1e1 is ten") << QByteArray(R"({"a":1e1})") << u"a"_s << QJsonValue(10);
    QTest::newRow("fraction") << QByteArray(R"({"a":2.5})") << u"a"_s << QJsonValue(2.5);
    QTest::newRow("-0") << QByteArray(R"({"a":-0})") << u"a"_s << QJsonValue(0);
    QTest::newRow("2^63 - 1") << QByteArray(R"({"a":9223372036854775807})") << u"a"_s
                              << QJsonValue(std::numeric_limits<qint64>::max());
    QTest::newRow("standard escapes") << QByteArray(R"({"a":"\"\\\/\b\f\n\r\t\u0041"})") << u"a"_s
                                      << QJsonValue(u"\"\\/\b\f\n\r\tA"_s);
    QTest::newRow("escaped U+0000")
        << QByteArray(R"({"a":"x\u0000y"})") << u"a"_s << QJsonValue(u"x"_s + QChar(0) + u"y"_s);
    QTest::newRow("surrogate pair") << QByteArray(R"({"a":"\ud83d\ude00"})") << u"a"_s
                                    << QJsonValue(QString::fromUcs4(U"\U0001F600", 1));
    QTest::newRow("raw UTF-8") << QByteArray("{\"a\":\"Gr\xc3\xbc\xc3\x9f\x65\"}") << u"a"_s
                               << QJsonValue(u"Grüße"_s);
    QTest::newRow("whitespace around")
        << QByteArray(" \t\r\n{\"a\" : true}\n") << u"a"_s << QJsonValue(true);
    QTest::newRow("null") << QByteArray(R"({"a":null})") << u"a"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("same key in two objects") << QByteArray(R"({"a":{"k":1},"b":{"k":2}})") << u"b"_s
                                             << QJsonValue(QJsonObject {{u"k"_s, 2}});
}

void TestStrictJson::accepts()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QString error;
    const auto object = StrictJson::parseObject(text, &error);
    QVERIFY2(object, qPrintable(error));
    QCOMPARE(object->value(key), value);
}

void TestStrictJson::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason"); // a part of the explanation

    QTest::newRow("raw U+0001") << QByteArray("{\"a\":\"x\x01y\"}") << u"control character"_s;
    QTest::newRow("raw U+0000") << QByteArray("{\"a\":\"x\0y\"}", 10) << u"control character"_s;
    QTest::newRow("raw line feed") << QByteArray("{\"a\":\"x\ny\"}") << u"control character"_s;
    QTest::newRow("raw tab") << QByteArray("{\"a\":\"x\ty\"}") << u"control character"_s;
    QTest::newRow("\\x41") << QByteArray(R"({"a":"de\x63t"})") << u"escape"_s;
    QTest::newRow("\\q") << QByteArray(R"({"a":"\q"})") << u"escape"_s;
    QTest::newRow("\\U0041") << QByteArray(R"({"a":"\U0041"})") << u"escape"_s;
    QTest::newRow("lone high surrogate") << QByteArray(R"({"a":"\ud800"})") << u"surrogate"_s;
    QTest::newRow("lone low surrogate") << QByteArray(R"({"a":"\udc00x"})") << u"surrogate"_s;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << u"UTF-8"_s;
    QTest::newRow("UTF-8 surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << u"UTF-8"_s;
    QTest::newRow("truncated UTF-8") << QByteArray("{\"a\":\"\xe2\x82\"}") << u"UTF-8"_s;
    QTest::newRow("Latin-1") << QByteArray("{\"a\":\"Gr\xfc\xdf\x65\"}") << u"UTF-8"_s;
    // The WebSocket layer drops one before a message, SettingsCodec::decode one before a file.
    QTest::newRow("byte order mark before the object")
        << QByteArray("\xef\xbb\xbf{\"a\":1}") << u"not valid JSON"_s;
    QTest::newRow("byte order mark after the object")
        << QByteArray("{\"a\":1}\xef\xbb\xbf") << u"not valid JSON"_s;
    QTest::newRow("duplicate member") << QByteArray(R"({"a":1,"a":2})") << u"\"a\""_s;
    QTest::newRow("duplicate member, nested")
        << QByteArray(R"({"a":{"id":"x","id":"y"}})") << u"\"id\""_s;
    QTest::newRow("duplicate member, escaped spelling")
        << QByteArray(R"({"a":1,"\u0061":2})") << u"\"a\""_s;
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})") << u"number"_s;
    QTest::newRow("beyond 64 bits")
        << QByteArray(R"({"a":99999999999999999999999})") << u"number"_s;
    QTest::newRow("beyond double") << QByteArray(R"({"a":1e400})") << u"number"_s;
    QTest::newRow("NaN") << QByteArray(R"({"a":NaN})") << u"not valid JSON"_s;
    QTest::newRow("+1") << QByteArray(R"({"a":+1})") << u"not valid JSON"_s;
    QTest::newRow(".5") << QByteArray(R"({"a":.5})") << u"not valid JSON"_s;
    QTest::newRow("True") << QByteArray(R"({"a":True})") << u"not valid JSON"_s;
    QTest::newRow("single quotes") << QByteArray(R"({'a':1})") << u"not valid JSON"_s;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << u"not valid JSON"_s;
    QTest::newRow("comment") << QByteArray("{\"a\":1 /* no */}") << u"not valid JSON"_s;
    QTest::newRow("two objects") << QByteArray(R"({"a":1}{"b":2})") << u"not valid JSON"_s;
    QTest::newRow("something after") << QByteArray(R"({"a":1} x)") << u"not valid JSON"_s;
    QTest::newRow("unclosed string") << QByteArray(R"({"a":"x)") << u""_s;
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("an array") << QByteArray("[1]") << u"JSON object"_s;
    QTest::newRow("a string") << QByteArray("\"x\"") << u"JSON object"_s;
    QTest::newRow("deep") << QByteArray("{\"a\":" + QByteArray(10000, '[') + QByteArray(10000, ']')
                                        + "}")
                          << u"nested"_s;
}

void TestStrictJson::refuses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    QString error;
    const auto object = StrictJson::parseObject(text, &error);
    if (object)
        QFAIL(QJsonDocument(*object).toJson(QJsonDocument::Compact).constData());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestStrictJson::nestingLimitIsExact_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<QByteArray>("innermost");
    QTest::addColumn<QByteArray>("close");
    QTest::newRow("arrays, empty") << QByteArray("[") << QByteArray() << QByteArray("]");
    QTest::newRow("arrays around a number")
        << QByteArray("[") << QByteArray("1") << QByteArray("]");
    QTest::newRow("arrays around an object member")
        << QByteArray("[") << QByteArray("{\"a\":1}") << QByteArray("]");
    QTest::newRow("objects around a number")
        << QByteArray("{\"a\":") << QByteArray("1") << QByteArray("}");
}

void TestStrictJson::nestingLimitIsExact()
{
    QFETCH(QByteArray, open);
    QFETCH(QByteArray, innermost);
    QFETCH(QByteArray, close);
    // The outermost object is level 1; `innermost`, if it is an object, is one level more.
    const int ownLevel = innermost.startsWith('{') ? 1 : 0;
    const auto nested = [&](int levels) -> QByteArray {
        const int wrappers = levels - 1 - ownLevel;
        return "{\"m\":" + open.repeated(wrappers) + innermost + close.repeated(wrappers) + "}";
    };
    QString error;
    QVERIFY2(StrictJson::parseObject(nested(StrictJson::maxDepth), &error), qPrintable(error));
    QVERIFY(!StrictJson::parseObject(nested(StrictJson::maxDepth + 1), &error));
    QVERIFY2(error.contains(QString::number(StrictJson::maxDepth)), qPrintable(error));
}

void TestStrictJson::keepsAByteOrderMarkInsideStrings()
{
    // QJsonDocument drops a U+FEFF at the start of a string (so "\ufeffdect" would edit "dect").
    const QString bom(QChar(0xfeff));
    QString error;
    const auto escaped =
        StrictJson::parseObject(R"({"a":"\ufeffdect","\ufeffk":"\ufeff"})", &error);
    QVERIFY2(escaped, qPrintable(error));
    QCOMPARE(escaped->value(u"a"_s).toString(), bom + u"dect"_s);
    QCOMPARE(escaped->value(bom + u"k"_s).toString(), bom);
    const auto raw = StrictJson::parseObject("{\"a\":\"\xef\xbb\xbf\xef\xbb\xbf"
                                             "abc\"}",
                                             &error);
    QVERIFY2(raw, qPrintable(error));
    QCOMPARE(raw->value(u"a"_s).toString(), bom + bom + u"abc"_s);
}

void TestStrictJson::clientRefusesLaxServerMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("raw control character in a push") << QByteArray(
        "{\"type\":\"controlledDeviceChanged\",\"revision\":2,\"device\":\"de\x01sk\"}");
    QTest::newRow("invalid escape in an ack")
        << QByteArray(R"({"type":"ack","id":"r\q","revision":2})");
    QTest::newRow("duplicate revision")
        << QByteArray(R"({"type":"ack","id":"r","revision":2,"revision":3})");
}

void TestStrictJson::clientRefusesLaxServerMessages()
{
    QFETCH(QByteArray, text);
    ProtocolError error;
    QVERIFY(!ServerMessage::decode(text, &error));
    QCOMPARE(error.code, Protocol::ErrorCode::Malformed);
    QVERIFY2(error.message.contains(u"not valid JSON"_s), qPrintable(error.message));
    // The same message written correctly is read.
    QVERIFY(ServerMessage::decode(R"({"type":"ack","id":"r","revision":2})", &error));
}

void TestStrictJson::parsesConcurrently()
{
    // Each thread has its own parser; results don't mix.
    QList<QThread *> threads;
    QAtomicInt failures = 0;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([t, &failures] {
            for (int i = 0; i < 200; ++i) {
                const QByteArray text = "{\"n\":" + QByteArray::number(t * 1000 + i) + "}";
                const auto object = StrictJson::parseObject(text, nullptr);
                if (!object || object->value(u"n"_s).toInt() != t * 1000 + i)
                    failures.fetchAndAddRelaxed(1);
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(QDeadlineTimer(30000)));
        delete thread;
    }
    QCOMPARE(failures.loadRelaxed(), 0);
}

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
