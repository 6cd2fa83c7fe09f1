// Tests for the settings document's optional "unanswered" part: reading, writing, round trips,
// validation of settings built in code, and one refusal (code and field) for every bad input.
// Documents without it must stay valid and be written back without it.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"
#include "UnansweredCall.h"
#include "ValidationError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The demo document with "unanswered" set to `value` (removed when undefined).
QByteArray demoWithUnanswered(const QJsonValue &value)
{
    QJsonObject root = CoreTestSupport::demoObject();
    if (value.isUndefined())
        root.remove(u"unanswered"_s);
    else
        root.insert(u"unanswered"_s, value);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// The demo settings with nothing known about unanswered calls, whatever the demo file says.
FollowMeSettings demoWithoutUnanswered()
{
    FollowMeSettings settings = demoSettings();
    settings.unanswered = {};
    return settings;
}

FollowMeSettings allThree()
{
    FollowMeSettings settings = demoWithoutUnanswered();
    settings.unansweredCall(CallKind::External) = UnansweredCall::voicemail();
    settings.unansweredCall(CallKind::Internal) = UnansweredCall::forwardTo(u"+49 30 1234"_s);
    settings.unansweredCall(CallKind::Teams) = UnansweredCall::hangup();
    return settings;
}

} // namespace

class TestUnansweredCall : public QObject
{
    Q_OBJECT

private slots:
    void actionKeys();
    void olderDocumentHasNone();
    void readsAllThree();
    void writesOnlyWhatIsKnown();
    void roundTrip_data();
    void roundTrip();
    void equality();
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void validateBuiltInCode_data();
    void validateBuiltInCode();
    void documentUpdateAnnouncesIt();
};

void TestUnansweredCall::actionKeys()
{
    using Action = UnansweredCall::Action;
    QCOMPARE(UnansweredCall::actionKey(Action::Voicemail), u"voicemail"_s);
    QCOMPARE(UnansweredCall::actionKey(Action::Number), u"number"_s);
    QCOMPARE(UnansweredCall::actionKey(Action::Hangup), u"hangup"_s);
    for (Action action : {Action::Voicemail, Action::Number, Action::Hangup})
        QCOMPARE(UnansweredCall::actionFromKey(UnansweredCall::actionKey(action)), action);
    QVERIFY(!UnansweredCall::actionFromKey(u"Voicemail"_s));
    QVERIFY(!UnansweredCall::actionFromKey(u"forward"_s));
    QVERIFY(!UnansweredCall::actionFromKey(QString()));

    QCOMPARE(UnansweredCall::voicemail().action, Action::Voicemail);
    QVERIFY(UnansweredCall::voicemail().number.isEmpty());
    QCOMPARE(UnansweredCall::forwardTo(u"123"_s).action, Action::Number);
    QCOMPARE(UnansweredCall::forwardTo(u"123"_s).number, u"123"_s);
    QCOMPARE(UnansweredCall::hangup().action, Action::Hangup);
}

void TestUnansweredCall::olderDocumentHasNone()
{
    // A document from before "unanswered" reads, with nothing known...
    const QByteArray older = demoWithUnanswered(QJsonValue::Undefined);
    ValidationError error;
    const auto settings = SettingsCodec::decode(older, &error);
    QVERIFY2(settings, qPrintable(error.message()));
    for (CallKind kind : CallKinds::all())
        QVERIFY(!settings->unansweredCall(kind));
    QCOMPARE(*settings, demoWithoutUnanswered());
    // ...and is written back as it was, member for member, without "unanswered".
    const QJsonObject written = SettingsCodec::toJson(*settings);
    QVERIFY(!written.contains(u"unanswered"_s));
    QCOMPARE(written, QJsonDocument::fromJson(older).object());
}

void TestUnansweredCall::readsAllThree()
{
    const QJsonObject unanswered {
        {u"external"_s, QJsonObject {{u"action"_s, u"voicemail"_s}}},
        {u"internal"_s, QJsonObject {{u"action"_s, u"number"_s}, {u"number"_s, u"+49 30 1234"_s}}},
        {u"teams"_s, QJsonObject {{u"action"_s, u"hangup"_s}}},
    };
    ValidationError error;
    const auto settings = SettingsCodec::decode(demoWithUnanswered(unanswered), &error);
    QVERIFY2(settings, qPrintable(error.message()));
    QCOMPARE(settings->unansweredCall(CallKind::External), UnansweredCall::voicemail());
    QCOMPARE(settings->unansweredCall(CallKind::Internal),
             UnansweredCall::forwardTo(u"+49 30 1234"_s));
    QCOMPARE(settings->unansweredCall(CallKind::Teams), UnansweredCall::hangup());
    QCOMPARE(*settings, allThree());
    QCOMPARE(SettingsCodec::toJson(*settings).value(u"unanswered"_s).toObject(), unanswered);
}

void TestUnansweredCall::writesOnlyWhatIsKnown()
{
    FollowMeSettings settings = demoWithoutUnanswered();
    settings.unansweredCall(CallKind::Internal) = UnansweredCall::voicemail();
    settings.unansweredCall(CallKind::Teams) = UnansweredCall::forwardTo(u"0800"_s);
    const QJsonObject root = SettingsCodec::toJson(settings);
    QCOMPARE(root.value(u"unanswered"_s).toObject(),
             (QJsonObject {
                 {u"internal"_s, QJsonObject {{u"action"_s, u"voicemail"_s}}},
                 {u"teams"_s, QJsonObject {{u"action"_s, u"number"_s}, {u"number"_s, u"0800"_s}}},
             }));
}

void TestUnansweredCall::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("action"); // -1: not known
    QTest::addColumn<QString>("number");

    for (CallKind kind : CallKinds::all()) {
        const QByteArray key = CallKinds::key(kind).toUtf8();
        const int k = CallKinds::index(kind);
        QTest::addRow("%s unknown", key.constData()) << k << -1 << QString();
        QTest::addRow("%s voicemail", key.constData())
            << k << int(UnansweredCall::Action::Voicemail) << QString();
        QTest::addRow("%s number", key.constData())
            << k << int(UnansweredCall::Action::Number) << u"+49 (30) 1234-5 ☎"_s;
        QTest::addRow("%s 64-unit number", key.constData())
            << k << int(UnansweredCall::Action::Number) << QString(64, u'9');
        QTest::addRow("%s hangup", key.constData())
            << k << int(UnansweredCall::Action::Hangup) << QString();
    }
}

void TestUnansweredCall::roundTrip()
{
    QFETCH(int, kind);
    QFETCH(int, action);
    QFETCH(QString, number);

    FollowMeSettings settings = demoWithoutUnanswered();
    if (action >= 0)
        settings.unanswered.at(kind) =
            UnansweredCall {static_cast<UnansweredCall::Action>(action), number};
    QVERIFY(!SettingsCodec::validate(settings));

    ValidationError error;
    const auto viaBytes = SettingsCodec::decode(SettingsCodec::encode(settings), &error);
    QVERIFY2(viaBytes, qPrintable(error.message()));
    QCOMPARE(*viaBytes, settings);
    const auto viaObject = SettingsCodec::fromJson(SettingsCodec::toJson(settings), &error);
    QVERIFY2(viaObject, qPrintable(error.message()));
    QCOMPARE(*viaObject, settings);
    QCOMPARE(SettingsCodec::encode(*viaBytes), SettingsCodec::encode(settings));
}

void TestUnansweredCall::equality()
{
    const FollowMeSettings base = allThree();
    FollowMeSettings other = base;
    QCOMPARE(other, base);
    other.unansweredCall(CallKind::Teams).reset();
    QVERIFY(other != base);
    other = base;
    other.unansweredCall(CallKind::Internal) = UnansweredCall::forwardTo(u"+49 30 1235"_s);
    QVERIFY(other != base);
    other = base;
    other.unansweredCall(CallKind::External) = UnansweredCall::hangup();
    QVERIFY(other != base);
}

void TestUnansweredCall::accepted_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<int>>("actions"); // per call kind; -1: not known
    QTest::addColumn<QString>("number"); // of the first "number" action, if any

    const QJsonObject voicemail {{u"action"_s, u"voicemail"_s}};
    const QList<int> none {-1, -1, -1};
    const int vm = int(UnansweredCall::Action::Voicemail);
    const int nr = int(UnansweredCall::Action::Number);
    const int hu = int(UnansweredCall::Action::Hangup);

    QTest::newRow("absent") << demoWithUnanswered(QJsonValue::Undefined) << none << QString();
    QTest::newRow("null") << demoWithUnanswered(QJsonValue::Null) << none << QString();
    QTest::newRow("empty object") << demoWithUnanswered(QJsonObject {}) << none << QString();
    QTest::newRow("null entry") << demoWithUnanswered(QJsonObject {{u"teams"_s, QJsonValue::Null}})
                                << none << QString();
    QTest::newRow("one kind") << demoWithUnanswered(QJsonObject {{u"internal"_s, voicemail}})
                              << QList<int> {-1, vm, -1} << QString();
    QTest::newRow("unknown member ignored") << demoWithUnanswered(
        QJsonObject {{u"external"_s,
                      QJsonObject {{u"action"_s, u"hangup"_s}, {u"comment"_s, u"after hours"_s}}}})
                                            << QList<int> {hu, -1, -1} << QString();
    QTest::newRow("number ignored for voicemail") << demoWithUnanswered(QJsonObject {
        {u"external"_s, QJsonObject {{u"action"_s, u"voicemail"_s}, {u"number"_s, 5}}}})
                                                  << QList<int> {vm, -1, -1} << QString();
    QTest::newRow("number of 64 code units") << demoWithUnanswered(QJsonObject {
        {u"teams"_s, QJsonObject {{u"action"_s, u"number"_s}, {u"number"_s, QString(64, u'1')}}}})
                                             << QList<int> {-1, -1, nr} << QString(64, u'1');
    QTest::newRow("number with spaces around") << demoWithUnanswered(QJsonObject {
        {u"teams"_s, QJsonObject {{u"action"_s, u"number"_s}, {u"number"_s, u" 123 "_s}}}})
                                               << QList<int> {-1, -1, nr} << u" 123 "_s;
}

void TestUnansweredCall::accepted()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<int>, actions);
    QFETCH(QString, number);

    ValidationError error;
    const auto settings = SettingsCodec::decode(json, &error);
    QVERIFY2(settings, qPrintable(error.message()));
    for (CallKind kind : CallKinds::all()) {
        const auto &call = settings->unansweredCall(kind);
        const int expected = actions.at(CallKinds::index(kind));
        QCOMPARE(call.has_value(), expected >= 0);
        if (!call)
            continue;
        QCOMPARE(int(call->action), expected);
        QCOMPARE(call->number, call->action == UnansweredCall::Action::Number ? number : QString());
    }
    // Whatever was accepted is written back so that it reads the same.
    QCOMPARE(SettingsCodec::decode(SettingsCodec::encode(*settings)), settings);
}

void TestUnansweredCall::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const auto entry = [](const QString &kind, const QJsonValue &value) {
        return demoWithUnanswered(QJsonObject {{kind, value}});
    };
    const auto forwardTo = [&](const QJsonValue &number) {
        return entry(u"internal"_s,
                     QJsonObject {{u"action"_s, u"number"_s}, {u"number"_s, number}});
    };

    QTest::newRow("not an object: array")
        << demoWithUnanswered(QJsonArray {}) << u"wrong_type"_s << u"unanswered"_s;
    QTest::newRow("not an object: string")
        << demoWithUnanswered(u"voicemail"_s) << u"wrong_type"_s << u"unanswered"_s;
    QTest::newRow("not an object: false")
        << demoWithUnanswered(false) << u"wrong_type"_s << u"unanswered"_s;
    QTest::newRow("unknown call kind") << entry(u"fax"_s, QJsonObject {{u"action"_s, u"hangup"_s}})
                                       << u"unknown_call_kind"_s << u"unanswered.fax"_s;
    QTest::newRow("call kind in the wrong case")
        << entry(u"External"_s, QJsonObject {{u"action"_s, u"hangup"_s}}) << u"unknown_call_kind"_s
        << u"unanswered.External"_s;
    QTest::newRow("unknown call kind, null")
        << entry(u"fax"_s, QJsonValue::Null) << u"unknown_call_kind"_s << u"unanswered.fax"_s;
    QTest::newRow("entry not an object")
        << entry(u"external"_s, u"voicemail"_s) << u"wrong_type"_s << u"unanswered.external"_s;
    QTest::newRow("entry an array")
        << entry(u"teams"_s, QJsonArray {}) << u"wrong_type"_s << u"unanswered.teams"_s;
    QTest::newRow("action missing")
        << entry(u"external"_s, QJsonObject {}) << u"missing"_s << u"unanswered.external.action"_s;
    QTest::newRow("action not a string") << entry(u"external"_s, QJsonObject {{u"action"_s, 1}})
                                         << u"wrong_type"_s << u"unanswered.external.action"_s;
    QTest::newRow("action null") << entry(u"external"_s, QJsonObject {{u"action"_s, QJsonValue()}})
                                 << u"wrong_type"_s << u"unanswered.external.action"_s;
    QTest::newRow("unknown action") << entry(u"teams"_s, QJsonObject {{u"action"_s, u"forward"_s}})
                                    << u"invalid"_s << u"unanswered.teams.action"_s;
    QTest::newRow("action in the wrong case")
        << entry(u"teams"_s, QJsonObject {{u"action"_s, u"Voicemail"_s}}) << u"invalid"_s
        << u"unanswered.teams.action"_s;
    QTest::newRow("empty action") << entry(u"teams"_s, QJsonObject {{u"action"_s, u""_s}})
                                  << u"invalid"_s << u"unanswered.teams.action"_s;
    QTest::newRow("number missing")
        << entry(u"internal"_s, QJsonObject {{u"action"_s, u"number"_s}}) << u"missing"_s
        << u"unanswered.internal.number"_s;
    QTest::newRow("number not a string")
        << forwardTo(301) << u"wrong_type"_s << u"unanswered.internal.number"_s;
    QTest::newRow("number null") << forwardTo(QJsonValue::Null) << u"wrong_type"_s
                                 << u"unanswered.internal.number"_s;
    QTest::newRow("number empty") << forwardTo(u""_s) << u"invalid"_s
                                  << u"unanswered.internal.number"_s;
    QTest::newRow("number blank") << forwardTo(u"  \t"_s) << u"invalid"_s
                                  << u"unanswered.internal.number"_s;
    QTest::newRow("number 65 code units")
        << forwardTo(QString(65, u'1')) << u"too_large"_s << u"unanswered.internal.number"_s;
}

void TestUnansweredCall::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, field);

    ValidationError error;
    QVERIFY(!SettingsCodec::decode(json, &error));
    QCOMPARE(ValidationError::codeKey(error.code), code);
    QCOMPARE(error.field, field);
    QVERIFY(!error.reason.isEmpty());
}

void TestUnansweredCall::validateBuiltInCode_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("code"); // empty: valid
    QTest::addColumn<QString>("field");

    const int external = CallKinds::index(CallKind::External);
    const int teams = CallKinds::index(CallKind::Teams);
    const int vm = int(UnansweredCall::Action::Voicemail);
    const int nr = int(UnansweredCall::Action::Number);
    const int hu = int(UnansweredCall::Action::Hangup);

    QTest::newRow("voicemail") << external << vm << QString() << QString() << QString();
    QTest::newRow("voicemail with a number")
        << external << vm << u"123"_s << u"invalid"_s << u"unanswered.external.number"_s;
    QTest::newRow("hangup with a number")
        << teams << hu << u"123"_s << u"invalid"_s << u"unanswered.teams.number"_s;
    QTest::newRow("number") << teams << nr << u"123"_s << QString() << QString();
    QTest::newRow("number empty") << teams << nr << QString() << u"invalid"_s
                                  << u"unanswered.teams.number"_s;
    QTest::newRow("number 65") << external << nr << QString(65, u'5') << u"too_large"_s
                               << u"unanswered.external.number"_s;
}

void TestUnansweredCall::validateBuiltInCode()
{
    QFETCH(int, kind);
    QFETCH(int, action);
    QFETCH(QString, number);
    QFETCH(QString, code);
    QFETCH(QString, field);

    FollowMeSettings settings = demoSettings();
    settings.unanswered.at(kind) =
        UnansweredCall {static_cast<UnansweredCall::Action>(action), number};
    const auto problem = SettingsCodec::validate(settings);
    if (code.isEmpty()) {
        QVERIFY2(!problem, problem ? qPrintable(problem->message()) : "");
        return;
    }
    QVERIFY(problem);
    QCOMPARE(ValidationError::codeKey(problem->code), code);
    QCOMPARE(problem->field, field);

    // The document refuses such settings as a whole, like any other invalid settings.
    SettingsDocument document;
    QVERIFY(document.reset(settings));
    QVERIFY(document.update(settings));
}

void TestUnansweredCall::documentUpdateAnnouncesIt()
{
    SettingsDocument document;
    QVERIFY(!document.reset(demoWithoutUnanswered()));
    QSignalSpy changed(&document, &SettingsDocument::changed);
    QSignalSpy reset(&document, &SettingsDocument::settingsReset);

    FollowMeSettings next = document.settings();
    next.unansweredCall(CallKind::External) = UnansweredCall::voicemail();
    QVERIFY(!document.update(next));
    QCOMPARE(document.settings(), next);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0); // the same devices: no reset, the views keep their state

    QVERIFY(!document.update(next)); // nothing new, nothing announced
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestUnansweredCall)
#include "tst_unansweredcall.moc"
