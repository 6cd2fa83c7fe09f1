// SPDX-License-Identifier: GPL-3.0-or-later
// docs/protocol.md and the code agree: every example message is read by the codec the way the
// document says, and the limits the document names are the ones the code uses.
#include "ClientMessage.h"
#include "ProtocolDocExamples.h"
#include "ServerMessage.h"
#include "StrictJson.h"

#include <QHash>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestProtocolDoc : public QObject
{
    Q_OBJECT

private slots:
    void examplesAreFound();
    void clientExamples_data();
    void clientExamples();
    void serverExamples_data();
    void serverExamples();
    void everyErrorCodeIsDocumented();
    void limitsAreTheCodesLimits();
};

void TestProtocolDoc::examplesAreFound()
{
    const auto examples = protocolDocExamples();
    // 11 marked blocks and the complete messages of section 7.
    QVERIFY2(examples.size() >= 20, qPrintable(QString::number(examples.size())));
}

void TestProtocolDoc::clientExamples_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonObject>("answer"); // the doc's error answer to it, if any
    const auto examples = protocolDocExamples();
    QHash<QString, QJsonObject> errors;
    for (const auto &example : examples) {
        const auto object = StrictJson::parseObject(example.text.toUtf8(), nullptr);
        if (example.from == ProtocolDocExample::From::Server && object
            && object->value(u"type"_s) == u"error"_s)
            errors.insert(object->value(u"id"_s).toString(), *object);
    }
    for (const auto &example : examples) {
        if (example.from != ProtocolDocExample::From::Client)
            continue;
        const auto object = StrictJson::parseObject(example.text.toUtf8(), nullptr);
        const QString id = object ? ClientMessage::readableId(*object) : QString();
        QTest::newRow(qPrintable(u"line %1"_s.arg(example.line)))
            << example.text << errors.value(id);
    }
}

void TestProtocolDoc::clientExamples()
{
    QFETCH(QString, text);
    QFETCH(QJsonObject, answer);
    ProtocolError error;
    const auto object = ClientMessage::readObject(text.toUtf8(), &error);
    QVERIFY2(object, qPrintable(error.message));
    if (object->value(u"type"_s) == u"admin"_s) {
        QVERIFY(!ClientMessage::readableId(*object).isEmpty());
        return; // read by the server's admin handler, not by ClientMessage
    }
    const auto message = ClientMessage::fromJson(*object, &error);
    // A refusal the message alone explains (not one that needs the server's state, like
    // "locked") comes from the codec, with the doc's code and the doc's words.
    const QString answerCode = answer.value(u"code"_s).toString();
    if (answerCode == u"invalid" || answerCode == u"malformed" || answerCode == u"unsupported") {
        QVERIFY(!message);
        QCOMPARE(Protocol::errorKey(error.code), answerCode);
        QCOMPARE(error.message, answer.value(u"message"_s).toString());
        QCOMPARE(error.requestId, answer.value(u"id"_s).toString());
        return;
    }
    QVERIFY2(message, qPrintable(error.message));
    // What the codec writes for it says the same.
    const auto again = ClientMessage::decode(message->encode(), &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(again->toJson(), message->toJson());
}

void TestProtocolDoc::serverExamples_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &example : protocolDocExamples()) {
        if (example.from == ProtocolDocExample::From::Server)
            QTest::newRow(qPrintable(u"line %1"_s.arg(example.line))) << example.text;
    }
}

void TestProtocolDoc::serverExamples()
{
    QFETCH(QString, text);
    QString reason;
    const auto object = StrictJson::parseObject(text.toUtf8(), &reason);
    QVERIFY2(object, qPrintable(reason));
    const QString type = object->value(u"type"_s).toString();
    if (type == u"adminReady" || type == u"userChanged" || object->contains(u"result"_s))
        return; // admin answers and pushes: read by admin clients, not by the desktop client
    ProtocolError error;
    const auto message = ServerMessage::decode(text.toUtf8(), &error);
    QVERIFY2(message, qPrintable(error.message));
    if (type == u"error") {
        QVERIFY2(Protocol::errorFromKey(object->value(u"code"_s).toString()),
                 qPrintable(object->value(u"code"_s).toString()));
        QCOMPARE(message->requestId, object->value(u"id"_s).toString());
    }
    // What the client's codec writes for it is read back the same.
    const auto again = ServerMessage::decode(message->encode(), &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(again->toJson(), message->toJson());
}

void TestProtocolDoc::everyErrorCodeIsDocumented()
{
    const QString doc = protocolDocText();
    for (int i = 0; i <= int(Protocol::ErrorCode::Internal); ++i) {
        const QString key = Protocol::errorKey(Protocol::ErrorCode(i));
        QVERIFY2(doc.contains(u"| `%1` |"_s.arg(key)), qPrintable(key));
    }
}

void TestProtocolDoc::limitsAreTheCodesLimits()
{
    const QString doc = protocolDocText();
    QVERIFY(doc.contains(u"**%1 bytes**"_s.arg(
        QLocale(QLocale::English).toString(qlonglong(Protocol::maxMessageBytes)))));
    QVERIFY(doc.contains(u"nest at most **%1** deep"_s.arg(StrictJson::maxDepth)));
    QVERIFY(doc.contains(u"1–%1 UTF-16 code units"_s.arg(Protocol::maxRequestIdLength)));
    QVERIFY(doc.contains(u"`\"version\": %1`"_s.arg(Protocol::version)));
}

QTEST_GUILESS_MAIN(TestProtocolDoc)
#include "tst_protocoldoc.moc"
