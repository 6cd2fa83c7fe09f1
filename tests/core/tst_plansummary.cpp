// Tests for PlanSummary: the one-sentence description of a plan and what a caller meets when
// nobody answers, for each unanswered action, for no device at all, and for the demo.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "PlanSummary.h"
#include "RingSpec.h"
#include "UnansweredCall.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<UnansweredCall>)

namespace {

// Desk phone 0–20 s and Mobile app 10–35 s, listed in the opposite order, and a disabled DECT.
FollowMeSettings twoDevices(CallKind kind)
{
    FollowMeSettings settings =
        RingSpec::settings(u"mobile=mobile_app@10+25 !dect=dect@0+60 desk=desk_phone@0+20"_s, kind);
    settings.devices[0].name = u"Mobile app"_s;
    settings.devices[2].name = u"Desk phone"_s;
    return settings;
}

} // namespace

class TestPlanSummary : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void outcome_data();
    void outcome();
    void otherCallKindsUnansweredDoesNotLeak();
    void tiesKeepDeviceOrder();
    void placeholdersInTextStayLiteral();
    void demo();
};

void TestPlanSummary::describe_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("anyDevice");
    QTest::addColumn<std::optional<UnansweredCall>>("unanswered");
    QTest::addColumn<QString>("expected");

    const int external = CallKinds::index(CallKind::External);
    const int internal = CallKinds::index(CallKind::Internal);
    const int teams = CallKinds::index(CallKind::Teams);
    const std::optional<UnansweredCall> unknown;
    const QString list = u"Desk phone 0–20 s, Mobile app 10–35 s"_s;

    QTest::newRow("unknown") << external << true << unknown
                             << u"External calls: "_s + list + u", nobody rings after 35 s."_s;
    QTest::newRow("voicemail") << external << true << std::optional(UnansweredCall::voicemail())
                               << u"External calls: "_s + list + u", then voicemail."_s;
    QTest::newRow("number") << internal << true
                            << std::optional(UnansweredCall::forwardTo(u"+49 30 1234"_s))
                            << u"Internal calls: "_s + list + u", then +49 30 1234."_s;
    QTest::newRow("hangup") << teams << true << std::optional(UnansweredCall::hangup())
                            << u"Teams calls: "_s + list + u", then the call ends."_s;

    QTest::newRow("none, unknown")
        << external << false << unknown << u"External calls: no device rings."_s;
    QTest::newRow("none, voicemail")
        << internal << false << std::optional(UnansweredCall::voicemail())
        << u"Internal calls: no device rings, calls go straight to voicemail."_s;
    QTest::newRow("none, number")
        << teams << false << std::optional(UnansweredCall::forwardTo(u"0800 123"_s))
        << u"Teams calls: no device rings, calls go straight to 0800 123."_s;
    QTest::newRow("none, hangup") << external << false << std::optional(UnansweredCall::hangup())
                                  << u"External calls: no device rings, calls end at once."_s;
}

void TestPlanSummary::describe()
{
    QFETCH(int, kind);
    QFETCH(bool, anyDevice);
    QFETCH(std::optional<UnansweredCall>, unanswered);
    QFETCH(QString, expected);

    const CallKind callKind = CallKinds::fromIndex(kind);
    FollowMeSettings settings = anyDevice ? twoDevices(callKind) : FollowMeSettings {};
    settings.unansweredCall(callKind) = unanswered;
    QCOMPARE(PlanSummary::describe(settings, callKind), expected);
}

void TestPlanSummary::outcome_data()
{
    QTest::addColumn<bool>("anyDevice");
    QTest::addColumn<std::optional<UnansweredCall>>("unanswered");
    QTest::addColumn<QString>("expected");

    const std::optional<UnansweredCall> unknown;
    QTest::newRow("unknown") << true << unknown << u"After 35 s nobody rings any more."_s;
    QTest::newRow("voicemail") << true << std::optional(UnansweredCall::voicemail())
                               << u"After 35 s the call goes to voicemail."_s;
    QTest::newRow("number") << true << std::optional(UnansweredCall::forwardTo(u"+49 30 1234"_s))
                            << u"After 35 s the call goes to +49 30 1234."_s;
    QTest::newRow("hangup") << true << std::optional(UnansweredCall::hangup())
                            << u"After 35 s the call ends."_s;

    QTest::newRow("none, unknown")
        << false << unknown << u"No device rings: the caller reaches nobody."_s;
    QTest::newRow("none, voicemail") << false << std::optional(UnansweredCall::voicemail())
                                     << u"No device rings: the call goes to voicemail at once."_s;
    QTest::newRow("none, number") << false
                                  << std::optional(UnansweredCall::forwardTo(u"+49 30 1234"_s))
                                  << u"No device rings: the call goes to +49 30 1234 at once."_s;
    QTest::newRow("none, hangup") << false << std::optional(UnansweredCall::hangup())
                                  << u"No device rings: the call ends at once."_s;
}

void TestPlanSummary::outcome()
{
    QFETCH(bool, anyDevice);
    QFETCH(std::optional<UnansweredCall>, unanswered);
    QFETCH(QString, expected);

    for (CallKind kind : CallKinds::all()) {
        FollowMeSettings settings = anyDevice ? twoDevices(kind) : FollowMeSettings {};
        settings.unansweredCall(kind) = unanswered;
        QCOMPARE(PlanSummary::outcome(settings, kind), expected);
    }
}

void TestPlanSummary::otherCallKindsUnansweredDoesNotLeak()
{
    FollowMeSettings settings = twoDevices(CallKind::External);
    settings.unansweredCall(CallKind::Internal) = UnansweredCall::voicemail();
    settings.unansweredCall(CallKind::Teams) = UnansweredCall::hangup();
    QCOMPARE(PlanSummary::describe(settings, CallKind::External),
             u"External calls: Desk phone 0–20 s, Mobile app 10–35 s, nobody rings after 35 s."_s);
    QCOMPARE(PlanSummary::outcome(settings, CallKind::External),
             u"After 35 s nobody rings any more."_s);
    // The other kinds have no device enabled, but their own unanswered action.
    QCOMPARE(PlanSummary::describe(settings, CallKind::Internal),
             u"Internal calls: no device rings, calls go straight to voicemail."_s);
    QCOMPARE(PlanSummary::outcome(settings, CallKind::Teams),
             u"No device rings: the call ends at once."_s);
}

void TestPlanSummary::tiesKeepDeviceOrder()
{
    FollowMeSettings settings =
        RingSpec::settings(u"b=dect@5+10 a=desk_phone@0+5 c=softphone@5+1 d=softphone@0+5"_s);
    settings.devices[3].name = u"D %1"_s; // a placeholder in a name stays as it is
    QCOMPARE(PlanSummary::describe(settings, CallKind::External),
             u"External calls: A 0–5 s, D %1 0–5 s, B 5–15 s, C 5–6 s, nobody rings after 15 s."_s);
}

void TestPlanSummary::placeholdersInTextStayLiteral()
{
    // A name or number with "%1"/"%2" in it goes in as it is, wherever in the sentence it lands.
    FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+20 b=dect@5+10"_s);
    settings.devices[0].name = u"Line %2"_s;
    settings.devices[1].name = u"100%1"_s;
    const CallKind kind = CallKind::External;

    QCOMPARE(PlanSummary::describe(settings, kind),
             u"External calls: Line %2 0–20 s, 100%1 5–15 s, nobody rings after 20 s."_s);
    settings.unansweredCall(kind) = UnansweredCall::voicemail();
    QCOMPARE(PlanSummary::describe(settings, kind),
             u"External calls: Line %2 0–20 s, 100%1 5–15 s, then voicemail."_s);
    settings.unansweredCall(kind) = UnansweredCall::forwardTo(u"100%1"_s);
    QCOMPARE(PlanSummary::describe(settings, kind),
             u"External calls: Line %2 0–20 s, 100%1 5–15 s, then 100%1."_s);
    QCOMPARE(PlanSummary::outcome(settings, kind), u"After 20 s the call goes to 100%1."_s);
    settings.unansweredCall(kind) = UnansweredCall::forwardTo(u"Line %2"_s);
    QCOMPARE(PlanSummary::outcome(settings, kind), u"After 20 s the call goes to Line %2."_s);

    const FollowMeSettings none = RingSpec::settings(u"!a=desk_phone@0+20"_s);
    FollowMeSettings forwarded = none;
    forwarded.unansweredCall(kind) = UnansweredCall::forwardTo(u"Line %2"_s);
    QCOMPARE(PlanSummary::describe(forwarded, kind),
             u"External calls: no device rings, calls go straight to Line %2."_s);
    forwarded.unansweredCall(kind) = UnansweredCall::forwardTo(u"100%1"_s);
    QCOMPARE(PlanSummary::outcome(forwarded, kind),
             u"No device rings: the call goes to 100%1 at once."_s);
}

void TestPlanSummary::demo()
{
    FollowMeSettings demo = demoSettings();
    demo.unanswered = {}; // whatever the demo file says
    QCOMPARE(PlanSummary::describe(demo, CallKind::External),
             u"External calls: Desk phone 0–25 s, Desktop softphone 0–25 s, DECT handset 5–35 s, "
             u"Mobile app 10–35 s, Reception phone 15–45 s, Private mobile 30–45 s, nobody rings "
             u"after 45 s."_s);
    QCOMPARE(PlanSummary::outcome(demo, CallKind::External),
             u"After 45 s nobody rings any more."_s);
    demo.unansweredCall(CallKind::Internal) = UnansweredCall::forwardTo(u"+49 30 1234"_s);
    QCOMPARE(PlanSummary::describe(demo, CallKind::Internal),
             u"Internal calls: Desk phone 0–30 s, Desktop softphone 0–30 s, Mobile app 15–35 s, "
             u"then +49 30 1234."_s);
    demo.unansweredCall(CallKind::Teams) = UnansweredCall::voicemail();
    QCOMPARE(PlanSummary::outcome(demo, CallKind::Teams),
             u"After 40 s the call goes to voicemail."_s);
}

QTEST_GUILESS_MAIN(TestPlanSummary)
#include "tst_plansummary.moc"
