// Tests for TimelineDecorations: the warning lines, gap markers, row warnings, ending and
// summary of one call kind, as the page, the chart and the exporter show them (RingSpec.h
// explains the plan notation).

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "GapMarker.h"
#include "PlanSummary.h"
#include "RingSpec.h"
#include "RingWarning.h"
#include "RingWarnings.h"
#include "TimelineDecorations.h"
#include "UnansweredCall.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<UnansweredCall>)

namespace {

QString warningText(const FollowMeSettings &settings, RingWarning::Kind kind,
                    const QString &deviceId, int from, int to,
                    CallKind callKind = CallKind::External)
{
    const Device *device = settings.device(deviceId);
    return RingWarning {kind, callKind, deviceId, device ? device->name : QString(), from, to}
        .message();
}

} // namespace

inline char *toString(const GapMarker &marker)
{
    return QTest::toString(u"[%1, %2) %3"_s.arg(QString::number(marker.from),
                                                QString::number(marker.to), marker.text));
}

class TestTimelineDecorations : public QObject
{
    Q_OBJECT

private slots:
    void demoHasNoWarnings();
    void ending_data();
    void ending();
    void endingKeepsNumberAsItIs();
    void silentGap();
    void noDeviceEnabled();
    void controlledDeviceIsNotARowWarning();
    void lastWarningOfARowWins();
    void rowsAreDeviceIndexes();
    void onlyTheCallKindAsked();
    void equality();
};

void TestTimelineDecorations::demoHasNoWarnings()
{
    const FollowMeSettings demo = demoSettings();
    for (CallKind kind : CallKinds::all()) {
        const TimelineDecorations decorations = TimelineDecorations::of(demo, kind);
        QCOMPARE(decorations.warningLines, QStringList());
        QCOMPARE(decorations.gaps, QList<GapMarker>());
        QCOMPARE(decorations.rowWarnings, (QHash<int, QString>()));
        QCOMPARE(decorations.summary, PlanSummary::describe(demo, kind));
    }
    QCOMPARE(TimelineDecorations::of(demo, CallKind::External).ending, u"→ voicemail"_s);
    QCOMPARE(TimelineDecorations::of(demo, CallKind::Internal).ending, u"→ +49 30 1234"_s);
    QCOMPARE(TimelineDecorations::of(demo, CallKind::Teams).ending, u"→ call ends"_s);
    QCOMPARE(TimelineDecorations::of(demo, CallKind::External).summary,
             u"External calls: Desk phone 0–25 s, Desktop softphone 0–25 s, DECT handset 5–35 s, "
             u"Mobile app 10–35 s, Reception phone 15–45 s, Private mobile 30–45 s, then "
             u"voicemail."_s);
}

void TestTimelineDecorations::ending_data()
{
    QTest::addColumn<bool>("anyDevice");
    QTest::addColumn<std::optional<UnansweredCall>>("unanswered");
    QTest::addColumn<QString>("expected");

    for (bool anyDevice : {true, false}) {
        const char *const devices = anyDevice ? "devices" : "no device";
        QTest::addRow("%s, unknown", devices)
            << anyDevice << std::optional<UnansweredCall>() << QString();
        QTest::addRow("%s, voicemail", devices)
            << anyDevice << std::optional(UnansweredCall::voicemail()) << u"→ voicemail"_s;
        QTest::addRow("%s, number", devices)
            << anyDevice << std::optional(UnansweredCall::forwardTo(u"+49 30 1234"_s))
            << u"→ +49 30 1234"_s;
        QTest::addRow("%s, hangup", devices)
            << anyDevice << std::optional(UnansweredCall::hangup()) << u"→ call ends"_s;
    }
}

void TestTimelineDecorations::ending()
{
    QFETCH(bool, anyDevice);
    QFETCH(std::optional<UnansweredCall>, unanswered);
    QFETCH(QString, expected);

    for (CallKind kind : CallKinds::all()) {
        FollowMeSettings settings =
            anyDevice ? RingSpec::settings(u"a=desk_phone@0+20"_s, kind) : FollowMeSettings {};
        settings.unansweredCall(kind) = unanswered;
        const TimelineDecorations decorations = TimelineDecorations::of(settings, kind);
        QCOMPARE(decorations.ending, expected);
        QCOMPARE(decorations.summary, PlanSummary::describe(settings, kind));
    }
}

void TestTimelineDecorations::endingKeepsNumberAsItIs()
{
    FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+20"_s);
    settings.unansweredCall(CallKind::External) = UnansweredCall::forwardTo(u"100%1 %2"_s);
    QCOMPARE(TimelineDecorations::of(settings, CallKind::External).ending, u"→ 100%1 %2"_s);
}

void TestTimelineDecorations::silentGap()
{
    // C rings on past B's start, so B's only warning is the gap before it.
    FollowMeSettings settings =
        RingSpec::settings(u"a=desk_phone@0+20 b=dect@25+10 c=softphone@30+10"_s);
    settings.unansweredCall(CallKind::External) = UnansweredCall::hangup();
    const QString gap = warningText(settings, RingWarning::Kind::SilentGap, u"b"_s, 20, 25);
    QVERIFY(gap.startsWith(u"Nothing rings from 20 s to 25 s"_s));

    const TimelineDecorations decorations = TimelineDecorations::of(settings, CallKind::External);
    QCOMPARE(decorations.warningLines, QStringList {u"⚠ "_s + gap});
    QCOMPARE(decorations.gaps, (QList<GapMarker> {{20.0, 25.0, gap}}));
    QCOMPARE(decorations.rowWarnings, (QHash<int, QString> {{1, gap}}));
    QCOMPARE(decorations.ending, u"→ call ends"_s);
    QCOMPARE(decorations.summary,
             u"External calls: A 0–20 s, B 25–35 s, C 30–40 s, then the call ends."_s);
}

void TestTimelineDecorations::noDeviceEnabled()
{
    const FollowMeSettings settings = RingSpec::settings(u"!a=desk_phone@0+20"_s);
    const TimelineDecorations decorations = TimelineDecorations::of(settings, CallKind::External);
    QCOMPARE(decorations.warningLines,
             QStringList {u"⚠ "_s + RingWarning {}.message()}); // NoDeviceEnabled
    QCOMPARE(decorations.gaps, QList<GapMarker>());
    QCOMPARE(decorations.rowWarnings, (QHash<int, QString>()));
    QCOMPARE(decorations.ending, QString());
    QCOMPARE(decorations.summary, u"External calls: no device rings."_s);
}

void TestTimelineDecorations::controlledDeviceIsNotARowWarning()
{
    FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+20 !c=softphone@0+20"_s);
    settings.controlledDeviceId = u"c"_s;
    const QString never =
        warningText(settings, RingWarning::Kind::ControlledDeviceNeverRings, u"c"_s, 0, 0);

    const TimelineDecorations decorations = TimelineDecorations::of(settings, CallKind::External);
    QCOMPARE(decorations.warningLines, QStringList {u"⚠ "_s + never});
    QCOMPARE(decorations.rowWarnings, (QHash<int, QString>()));
}

void TestTimelineDecorations::lastWarningOfARowWins()
{
    // M gets a silent gap (10–15 s), a voicemail risk (25 s) and starts after A stopped.
    const FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+10 m=external@15+25"_s);
    const QString gap = warningText(settings, RingWarning::Kind::SilentGap, u"m"_s, 10, 15);
    const QString risk = warningText(settings, RingWarning::Kind::VoicemailRisk, u"m"_s, 15, 40);
    const QString late =
        warningText(settings, RingWarning::Kind::StartsAfterAllStopped, u"m"_s, 10, 15);

    const TimelineDecorations decorations = TimelineDecorations::of(settings, CallKind::External);
    QCOMPARE(decorations.warningLines,
             (QStringList {u"⚠ "_s + gap, u"⚠ "_s + risk, u"⚠ "_s + late}));
    QCOMPARE(decorations.gaps, (QList<GapMarker> {{10.0, 15.0, gap}}));
    QCOMPARE(decorations.rowWarnings, (QHash<int, QString> {{1, late}}));
}

void TestTimelineDecorations::rowsAreDeviceIndexes()
{
    // Listed out of time order, with a disabled device first: rows are indexes in devices,
    // not positions in the plan.
    const FollowMeSettings settings =
        RingSpec::settings(u"!x=dect@0+5 b=dect@30+5 a=desk_phone@0+20"_s);
    const QString gap = warningText(settings, RingWarning::Kind::SilentGap, u"b"_s, 20, 30);
    const QString late =
        warningText(settings, RingWarning::Kind::StartsAfterAllStopped, u"b"_s, 20, 30);

    const TimelineDecorations decorations = TimelineDecorations::of(settings, CallKind::External);
    QCOMPARE(decorations.gaps, (QList<GapMarker> {{20.0, 30.0, gap}}));
    QCOMPARE(decorations.rowWarnings, (QHash<int, QString> {{1, late}}));
}

void TestTimelineDecorations::onlyTheCallKindAsked()
{
    FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+20 b=dect@25+10"_s);
    settings.unansweredCall(CallKind::External) = UnansweredCall::voicemail();
    const TimelineDecorations internal = TimelineDecorations::of(settings, CallKind::Internal);
    QCOMPARE(internal.gaps, QList<GapMarker>());
    QCOMPARE(internal.warningLines,
             QStringList {u"⚠ "_s + RingWarning {}.message()}); // NoDeviceEnabled
    QCOMPARE(internal.ending, QString());
    QCOMPARE(internal.summary, u"Internal calls: no device rings."_s);
    QVERIFY(internal != TimelineDecorations::of(settings, CallKind::External));
}

void TestTimelineDecorations::equality()
{
    const GapMarker gap {20, 25, u"gap"_s};
    QVERIFY(gap == (GapMarker {20, 25, u"gap"_s}));
    QVERIFY(gap != (GapMarker {21, 25, u"gap"_s}));
    QVERIFY(gap != (GapMarker {20, 26, u"gap"_s}));
    QVERIFY(gap != (GapMarker {20, 25, u"other"_s}));

    const TimelineDecorations base {{u"line"_s}, {gap}, {{1, u"row"_s}}, u"end"_s, u"sum"_s};
    QVERIFY(base == base);
    TimelineDecorations other = base;
    QVERIFY(!(other != base));
    other.warningLines.append(u"more"_s);
    QVERIFY(other != base);
    other = base;
    other.gaps.first().text = u"changed"_s;
    QVERIFY(other != base);
    other = base;
    other.rowWarnings.insert(2, u"row"_s);
    QVERIFY(other != base);
    other = base;
    other.ending.clear();
    QVERIFY(other != base);
    other = base;
    other.summary = u"other"_s;
    QVERIFY(other != base);

    // The same settings give equal decorations, so callers can skip a redraw.
    const FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+20 b=dect@25+10"_s);
    QCOMPARE(TimelineDecorations::of(settings, CallKind::External),
             TimelineDecorations::of(settings, CallKind::External));
}

QTEST_GUILESS_MAIN(TestTimelineDecorations)
#include "tst_timelinedecorations.moc"
