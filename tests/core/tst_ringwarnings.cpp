// Tests for RingWarnings: each warning fires exactly when it should, on small hand-built plans
// (RingSpec.h explains the notation), and the demo plan has none.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "RingSpec.h"
#include "RingWarning.h"
#include "RingWarnings.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString kindName(RingWarning::Kind kind)
{
    switch (kind) {
    case RingWarning::Kind::NoDeviceEnabled:
        return u"NoDeviceEnabled"_s;
    case RingWarning::Kind::SilentGap:
        return u"SilentGap"_s;
    case RingWarning::Kind::VoicemailRisk:
        return u"VoicemailRisk"_s;
    case RingWarning::Kind::StartsAfterAllStopped:
        return u"StartsAfterAllStopped"_s;
    case RingWarning::Kind::ControlledDeviceNeverRings:
        return u"ControlledDeviceNeverRings"_s;
    }
    Q_UNREACHABLE();
}

// "SilentGap:b:20-25": kind, device id and seconds, so a failing QCOMPARE reads at a glance.
QStringList described(const QList<RingWarning> &warnings)
{
    QStringList lines;
    for (const RingWarning &warning : warnings)
        lines.append(u"%1:%2:%3-%4"_s.arg(kindName(warning.kind), warning.deviceId)
                         .arg(warning.from)
                         .arg(warning.to));
    return lines;
}

} // namespace

class TestRingWarnings : public QObject
{
    Q_OBJECT

private slots:
    void constant();
    void check_data();
    void check();
    void onlyTheCallKindAsked();
    void fieldsAndNames();
    void controlledDevice_data();
    void controlledDevice();
    void messages();
    void messageKeepsPercentInName();
    void messagesKeepPlaceholdersInNames_data();
    void messagesKeepPlaceholdersInNames();
    void demoHasNone();
};

void TestRingWarnings::constant()
{
    QCOMPARE(RingWarnings::voicemailRiskSeconds, 20);
}

void TestRingWarnings::check_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    const QString noDevice = u"NoDeviceEnabled::0-0"_s;

    // No device enabled.
    QTest::newRow("no devices at all") << QString() << QStringList {noDevice};
    QTest::newRow("only disabled")
        << u"!a=desk_phone@0+20 !b=dect@5+10"_s << QStringList {noDevice};
    QTest::newRow("one enabled") << u"a=desk_phone@0+20"_s << none;
    QTest::newRow("one enabled among disabled") << u"!a=desk_phone@0+20 b=dect@5+10"_s << none;
    QTest::newRow("locked counts as ringing") << u"#a=desk_phone@0+20"_s << none;

    // Silent gaps: only between windows, never before the first one.
    QTest::newRow("one device late") << u"a=desk_phone@30+20"_s << none;
    QTest::newRow("all late, together") << u"a=desk_phone@30+20 b=dect@30+10"_s << none;
    QTest::newRow("overlap by 1 s") << u"a=desk_phone@0+20 b=dect@19+10"_s << none;
    QTest::newRow("gap of 1 s") << u"a=desk_phone@0+20 b=dect@21+10"_s
                                << QStringList {u"SilentGap:b:20-21"_s,
                                                u"StartsAfterAllStopped:b:20-21"_s};
    QTest::newRow("gap of 5 s") << u"a=desk_phone@0+20 b=dect@25+10"_s
                                << QStringList {u"SilentGap:b:20-25"_s,
                                                u"StartsAfterAllStopped:b:20-25"_s};
    // A gap of 0 s is no gap, but b still only starts once a has stopped.
    QTest::newRow("gap of 0 s") << u"a=desk_phone@0+20 b=dect@20+10"_s
                                << QStringList {u"StartsAfterAllStopped:b:20-20"_s};
    QTest::newRow("gap bridged by a third")
        << u"a=desk_phone@0+20 b=dect@25+10 c=softphone@15+15"_s << none;
    QTest::newRow("bridged exactly up to the gap's end")
        << u"a=desk_phone@0+20 b=dect@25+10 c=softphone@15+10"_s
        << QStringList {u"StartsAfterAllStopped:b:25-25"_s};
    QTest::newRow("bridge ends 1 s early")
        << u"a=desk_phone@0+20 b=dect@25+10 c=softphone@15+9"_s
        << QStringList {u"SilentGap:b:24-25"_s, u"StartsAfterAllStopped:b:24-25"_s};
    QTest::newRow("a disabled bridge does not count")
        << u"a=desk_phone@0+20 b=dect@25+10 !c=softphone@15+15"_s
        << QStringList {u"SilentGap:b:20-25"_s, u"StartsAfterAllStopped:b:20-25"_s};
    QTest::newRow("a locked bridge counts")
        << u"a=desk_phone@0+20 b=dect@25+10 #c=softphone@15+15"_s << none;
    QTest::newRow("a long first window covers later ones")
        << u"a=desk_phone@0+60 b=dect@10+5 c=softphone@30+5"_s << none;
    QTest::newRow("two gaps, earliest first, whatever the device order")
        << u"c=softphone@30+5 a=desk_phone@0+10 b=dect@15+5"_s
        << QStringList {u"SilentGap:b:10-15"_s, u"SilentGap:c:20-30"_s,
                        u"StartsAfterAllStopped:c:20-30"_s};
    QTest::newRow("gap ended by two at once names the first in device order")
        << u"a=desk_phone@0+10 c=softphone@15+5 b=dect@15+9"_s
        << QStringList {u"SilentGap:c:10-15"_s};

    // Voicemail risk: an enabled external number ringing 20 s or more.
    QTest::newRow("external 19 s") << u"m=external@0+19"_s << none;
    QTest::newRow("external 20 s")
        << u"m=external@0+20"_s << QStringList {u"VoicemailRisk:m:0-20"_s};
    QTest::newRow("external 25 s after a delay")
        << u"a=desk_phone@0+40 m=external@5+25"_s << QStringList {u"VoicemailRisk:m:5-30"_s};
    QTest::newRow("external disabled") << u"a=desk_phone@0+20 !m=external@0+60"_s << none;
    QTest::newRow("external locked")
        << u"#m=external@0+25"_s << QStringList {u"VoicemailRisk:m:0-25"_s};
    QTest::newRow("mobile app is not an external number") << u"m=mobile_app@0+60"_s << none;
    QTest::newRow("two external numbers")
        << u"m=external@0+20 a=desk_phone@0+30 n=external@0+19 o=external@1+30"_s
        << QStringList {u"VoicemailRisk:m:0-20"_s, u"VoicemailRisk:o:1-31"_s};

    // Starts only after every other enabled device has stopped.
    QTest::newRow("starts 1 s before the others stop")
        << u"a=desk_phone@0+20 b=dect@19+5"_s << none;
    QTest::newRow("the latest end counts")
        << u"a=desk_phone@0+10 b=dect@5+20 c=softphone@20+5"_s << none;
    QTest::newRow("same start, not after each other")
        << u"a=desk_phone@0+20 b=dect@20+10 c=softphone@20+10"_s << none;
    QTest::newRow("identical windows") << u"a=desk_phone@0+10 b=dect@0+10"_s << none;
    QTest::newRow("others disabled: no other") << u"!a=desk_phone@0+10 b=dect@20+10"_s << none;
    QTest::newRow("locked other counts")
        << u"#a=desk_phone@0+10 b=dect@10+10"_s << QStringList {u"StartsAfterAllStopped:b:10-10"_s};
    QTest::newRow("late external: all three at once")
        << u"a=desk_phone@0+10 m=external@15+30"_s
        << QStringList {u"SilentGap:m:10-15"_s, u"VoicemailRisk:m:15-45"_s,
                        u"StartsAfterAllStopped:m:10-15"_s};
}

void TestRingWarnings::check()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, expected);
    const FollowMeSettings settings = RingSpec::settings(spec);
    QCOMPARE(described(RingWarnings::check(settings, CallKind::External)), expected);
}

void TestRingWarnings::onlyTheCallKindAsked()
{
    // The spec's rules are for Teams; External and Internal have every rule disabled.
    const FollowMeSettings settings =
        RingSpec::settings(u"a=desk_phone@0+10 m=external@15+30"_s, CallKind::Teams);
    const QList<RingWarning> teams = RingWarnings::check(settings, CallKind::Teams);
    QCOMPARE(described(teams),
             (QStringList {u"SilentGap:m:10-15"_s, u"VoicemailRisk:m:15-45"_s,
                           u"StartsAfterAllStopped:m:10-15"_s}));
    for (const RingWarning &warning : teams)
        QCOMPARE(warning.callKind, CallKind::Teams);

    for (CallKind kind : {CallKind::External, CallKind::Internal}) {
        const QList<RingWarning> warnings = RingWarnings::check(settings, kind);
        QCOMPARE(described(warnings), QStringList {u"NoDeviceEnabled::0-0"_s});
        QCOMPARE(warnings.first().callKind, kind);
    }
}

void TestRingWarnings::fieldsAndNames()
{
    const FollowMeSettings settings = RingSpec::settings(u"a=desk_phone@0+10 m=external@15+30"_s);
    const QList<RingWarning> warnings = RingWarnings::check(settings, CallKind::External);
    QCOMPARE(warnings.size(), 3);
    const RingWarning &gap = warnings.at(0);
    QCOMPARE(gap.kind, RingWarning::Kind::SilentGap);
    QCOMPARE(gap.callKind, CallKind::External);
    QCOMPARE(gap.deviceId, u"m"_s);
    QCOMPARE(gap.deviceName, u"M"_s);
    QCOMPARE(gap.from, 10);
    QCOMPARE(gap.to, 15);
    QVERIFY(gap == warnings.at(0));
    QVERIFY(gap != warnings.at(1));

    const QList<RingWarning> none = RingWarnings::check(RingSpec::settings({}), CallKind::Internal);
    QCOMPARE(none.size(), 1);
    QCOMPARE(none.first().kind, RingWarning::Kind::NoDeviceEnabled);
    QCOMPARE(none.first().callKind, CallKind::Internal);
    QVERIFY(none.first().deviceId.isEmpty());
}

void TestRingWarnings::controlledDevice_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("controlled");
    // For each call kind: whether the controlled device's rule is enabled.
    QTest::addColumn<QList<bool>>("enabled");
    QTest::addColumn<bool>("warns");

    const QString spec = u"c=desk_phone@0+20 s=softphone@0+20"_s;
    QTest::newRow("off everywhere") << spec << u"c"_s << QList<bool> {false, false, false} << true;
    QTest::newRow("on for external") << spec << u"c"_s << QList<bool> {true, false, false} << false;
    QTest::newRow("on for teams only")
        << spec << u"c"_s << QList<bool> {false, false, true} << false;
    QTest::newRow("on everywhere") << spec << u"c"_s << QList<bool> {true, true, true} << false;
    QTest::newRow("no controlled device")
        << spec << QString() << QList<bool> {false, false, false} << false;
    QTest::newRow("locked and off everywhere") << u"#c=dect@0+20 s=softphone@0+20"_s << u"c"_s
                                               << QList<bool> {false, false, false} << true;
}

void TestRingWarnings::controlledDevice()
{
    QFETCH(QString, spec);
    QFETCH(QString, controlled);
    QFETCH(QList<bool>, enabled);
    QFETCH(bool, warns);

    FollowMeSettings settings = RingSpec::settings(spec);
    settings.controlledDeviceId = controlled;
    // The softphone rings for every kind, so only the controlled device's warning can appear.
    for (CallKind kind : CallKinds::all())
        settings.devices[1].rule(kind) = {true, 0, 20};
    for (CallKind kind : CallKinds::all())
        settings.devices[0].rule(kind).enabled = enabled.at(CallKinds::index(kind));

    // Not about one call kind, so in every call kind's list alike.
    for (CallKind kind : CallKinds::all()) {
        const QList<RingWarning> warnings = RingWarnings::check(settings, kind);
        if (!warns) {
            QCOMPARE(described(warnings), QStringList());
            continue;
        }
        QCOMPARE(described(warnings), QStringList {u"ControlledDeviceNeverRings:c:0-0"_s});
        QCOMPARE(warnings.first().callKind, kind);
        QCOMPARE(warnings.first().deviceName, u"C"_s);
    }
}

void TestRingWarnings::messages()
{
    RingWarning warning;
    warning.kind = RingWarning::Kind::NoDeviceEnabled;
    QCOMPARE(warning.message(),
             u"No device rings for these calls: the same as do-not-disturb, callers reach "
             u"nobody."_s);

    warning = {RingWarning::Kind::SilentGap, CallKind::External, u"b"_s, u"DECT"_s, 20, 25};
    QCOMPARE(warning.message(),
             u"Nothing rings from 20 s to 25 s: the caller waits 5 s with nobody able to answer "
             u"until DECT starts."_s);

    warning = {
        RingWarning::Kind::VoicemailRisk, CallKind::External, u"m"_s, u"Private mobile"_s, 5, 30};
    QCOMPARE(warning.message(),
             u"Private mobile rings for 25 s: after about 20 s its carrier's voicemail may take "
             u"the call before anyone else can answer."_s);

    warning = {
        RingWarning::Kind::StartsAfterAllStopped, CallKind::Teams, u"b"_s, u"DECT"_s, 20, 25};
    QCOMPARE(warning.message(),
             u"DECT starts at 25 s, only after every other device has stopped at 20 s: callers "
             u"who hang up before then never reach it."_s);

    warning = {RingWarning::Kind::ControlledDeviceNeverRings,
               CallKind::Internal,
               u"desk"_s,
               u"Desk phone"_s,
               0,
               0};
    QCOMPARE(warning.message(),
             u"Desk phone, the device this client controls, is switched off for every kind of "
             u"call, so it never rings."_s);

    // Without a name the id stands in.
    warning.deviceName.clear();
    QVERIFY(warning.message().startsWith(u"desk, "_s));
}

void TestRingWarnings::messageKeepsPercentInName()
{
    const RingWarning warning {
        RingWarning::Kind::VoicemailRisk, CallKind::External, u"m"_s, u"Mobile %2 %1"_s, 0, 30};
    QCOMPARE(warning.message(),
             u"Mobile %2 %1 rings for 30 s: after about 20 s its carrier's voicemail may take the "
             u"call before anyone else can answer."_s);
}

void TestRingWarnings::messagesKeepPlaceholdersInNames_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");

    // The name goes in at each message's own position (first or last), next to numbers.
    QTest::newRow("silent gap")
        << int(RingWarning::Kind::SilentGap)
        << u"Nothing rings from 20 s to 25 s: the caller waits 5 s with nobody able to answer "
           u"until NAME starts."_s;
    QTest::newRow("voicemail risk")
        << int(RingWarning::Kind::VoicemailRisk)
        << u"NAME rings for 5 s: after about 20 s its carrier's voicemail may take the call "
           u"before anyone else can answer."_s;
    QTest::newRow("starts after all stopped")
        << int(RingWarning::Kind::StartsAfterAllStopped)
        << u"NAME starts at 25 s, only after every other device has stopped at 20 s: callers "
           u"who hang up before then never reach it."_s;
    QTest::newRow("controlled device never rings")
        << int(RingWarning::Kind::ControlledDeviceNeverRings)
        << u"NAME, the device this client controls, is switched off for every kind of call, so "
           u"it never rings."_s;
}

void TestRingWarnings::messagesKeepPlaceholdersInNames()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);

    for (const QString &name : {u"Line %2"_s, u"100%1"_s, u"%3 %4 %1"_s}) {
        const RingWarning warning {
            RingWarning::Kind(kind), CallKind::External, u"d"_s, name, 20, 25};
        QCOMPARE(warning.message(), QString(expected).replace(u"NAME"_s, name));
        // Without a name, the id stands in just as literally.
        const RingWarning unnamed {RingWarning::Kind(kind), CallKind::External, name, {}, 20, 25};
        QCOMPARE(unnamed.message(), QString(expected).replace(u"NAME"_s, name));
    }
}

void TestRingWarnings::demoHasNone()
{
    const FollowMeSettings demo = demoSettings();
    for (CallKind kind : CallKinds::all())
        QCOMPARE(described(RingWarnings::check(demo, kind)), QStringList());
}

QTEST_GUILESS_MAIN(TestRingWarnings)
#include "tst_ringwarnings.moc"
