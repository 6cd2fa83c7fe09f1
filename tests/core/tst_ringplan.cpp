// Tests for RingPlan: which devices ring when, computed from the demo document.
//
// The demo devices, by index, and their rules as { enabled, delay, timeout } → ring window
// [delay, delay + timeout), worked out by hand from resources/demo/demo-settings.json:
//
//   index  id               external           internal            teams
//   0      desk             on  0 25 → [0,25)  on  0 30 → [0,30)   on  0 20 → [0,20)
//   1      softphone        on  0 25 → [0,25)  on  0 30 → [0,30)   on  0 20 → [0,20)
//   2      mobile           on 10 25 → [10,35) on 15 20 → [15,35)  off 5 15
//   3      dect             on  5 30 → [5,35)  off 5 25            on 10 20 → [10,30)
//   4      reception        on 15 30 → [15,45) off 0 20            on  0 40 → [0,40)
//   5      private-mobile   on 30 15 → [30,45) off 30 15           off 20 20
//
// So: external rings all six devices and the last one stops at 45 s; internal rings devices
// 0, 1 and 2 and ends at 35 s; teams rings devices 0, 1, 3 and 4 and ends at 40 s.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "RingPlan.h"
#include "SettingsCodec.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestRingPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void entries_data();
    void entries();
    void lastRingEnd_data();
    void lastRingEnd();
    void ringingAt_data();
    void ringingAt();
    void noneEnabled();
    void noDevices();
    void followsDeviceOrderNotStartTime();

private:
    FollowMeSettings m_demo;
};

void TestRingPlan::initTestCase()
{
    ValidationError error;
    const auto demo = SettingsCodec::decode(CoreTestSupport::demoJson(), &error);
    QVERIFY2(demo, qPrintable(error.message()));
    m_demo = *demo;
    QCOMPARE(m_demo.devices.size(), 6);
}

void TestRingPlan::entries_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QList<int>>("indexes");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QList<int>>("starts");
    QTest::addColumn<QList<int>>("ends");

    QTest::newRow("external") << CallKinds::index(CallKind::External)
                              << QList<int> {0, 1, 2, 3, 4, 5}
                              << QStringList {u"desk"_s, u"softphone"_s, u"mobile"_s,
                                              u"dect"_s, u"reception"_s, u"private-mobile"_s}
                              << QList<int> {0, 0, 10, 5, 15, 30}
                              << QList<int> {25, 25, 35, 35, 45, 45};
    QTest::newRow("internal") << CallKinds::index(CallKind::Internal) << QList<int> {0, 1, 2}
                              << QStringList {u"desk"_s, u"softphone"_s, u"mobile"_s}
                              << QList<int> {0, 0, 15} << QList<int> {30, 30, 35};
    QTest::newRow("teams") << CallKinds::index(CallKind::Teams) << QList<int> {0, 1, 3, 4}
                           << QStringList {u"desk"_s, u"softphone"_s, u"dect"_s, u"reception"_s}
                           << QList<int> {0, 0, 10, 0} << QList<int> {20, 20, 30, 40};
}

void TestRingPlan::entries()
{
    QFETCH(int, kind);
    QFETCH(QList<int>, indexes);
    QFETCH(QStringList, ids);
    QFETCH(QList<int>, starts);
    QFETCH(QList<int>, ends);

    const RingPlan plan(m_demo, CallKinds::fromIndex(kind));
    QCOMPARE(plan.callKind(), CallKinds::fromIndex(kind));
    QVERIFY(!plan.isEmpty());
    const QList<RingPlan::Entry> &entries = plan.entries();
    QCOMPARE(entries.size(), indexes.size());
    for (int i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries.at(i).deviceIndex, indexes.at(i));
        QCOMPARE(entries.at(i).deviceId, ids.at(i));
        QCOMPARE(entries.at(i).window, (RingWindow {starts.at(i), ends.at(i)}));
    }
}

void TestRingPlan::lastRingEnd_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("end");

    QTest::newRow("external") << CallKinds::index(CallKind::External) << 45; // reception, mobile
    QTest::newRow("internal") << CallKinds::index(CallKind::Internal) << 35; // mobile 15 + 20
    QTest::newRow("teams") << CallKinds::index(CallKind::Teams) << 40; // reception 0 + 40
}

void TestRingPlan::lastRingEnd()
{
    QFETCH(int, kind);
    QFETCH(int, end);
    QCOMPARE(RingPlan(m_demo, CallKinds::fromIndex(kind)).lastRingEnd(), end);
}

void TestRingPlan::ringingAt_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("second");
    QTest::addColumn<QList<int>>("ringing");

    const int external = CallKinds::index(CallKind::External);
    QTest::newRow("external -1") << external << -1 << QList<int> {};
    QTest::newRow("external 0") << external << 0 << QList<int> {0, 1};
    QTest::newRow("external 4") << external << 4 << QList<int> {0, 1};
    QTest::newRow("external 5 (dect starts)") << external << 5 << QList<int> {0, 1, 3};
    QTest::newRow("external 10 (mobile starts)") << external << 10 << QList<int> {0, 1, 2, 3};
    QTest::newRow("external 15 (reception starts)") << external << 15 << QList<int> {0, 1, 2, 3, 4};
    QTest::newRow("external 24") << external << 24 << QList<int> {0, 1, 2, 3, 4};
    QTest::newRow("external 25 (desk, softphone stop)") << external << 25 << QList<int> {2, 3, 4};
    QTest::newRow("external 29") << external << 29 << QList<int> {2, 3, 4};
    QTest::newRow("external 30 (private mobile starts)")
        << external << 30 << QList<int> {2, 3, 4, 5};
    QTest::newRow("external 34") << external << 34 << QList<int> {2, 3, 4, 5};
    QTest::newRow("external 35 (mobile, dect stop)") << external << 35 << QList<int> {4, 5};
    QTest::newRow("external 44") << external << 44 << QList<int> {4, 5};
    QTest::newRow("external 45 (all stopped)") << external << 45 << QList<int> {};

    const int internal = CallKinds::index(CallKind::Internal);
    QTest::newRow("internal 0") << internal << 0 << QList<int> {0, 1};
    QTest::newRow("internal 14") << internal << 14 << QList<int> {0, 1};
    QTest::newRow("internal 15 (mobile starts)") << internal << 15 << QList<int> {0, 1, 2};
    QTest::newRow("internal 29") << internal << 29 << QList<int> {0, 1, 2};
    QTest::newRow("internal 30 (desk, softphone stop)") << internal << 30 << QList<int> {2};
    QTest::newRow("internal 34") << internal << 34 << QList<int> {2};
    QTest::newRow("internal 35 (all stopped)") << internal << 35 << QList<int> {};

    const int teams = CallKinds::index(CallKind::Teams);
    QTest::newRow("teams 0") << teams << 0 << QList<int> {0, 1, 4};
    QTest::newRow("teams 9") << teams << 9 << QList<int> {0, 1, 4};
    QTest::newRow("teams 10 (dect starts)") << teams << 10 << QList<int> {0, 1, 3, 4};
    QTest::newRow("teams 19") << teams << 19 << QList<int> {0, 1, 3, 4};
    QTest::newRow("teams 20 (desk, softphone stop)") << teams << 20 << QList<int> {3, 4};
    QTest::newRow("teams 29") << teams << 29 << QList<int> {3, 4};
    QTest::newRow("teams 30 (dect stops)") << teams << 30 << QList<int> {4};
    QTest::newRow("teams 39") << teams << 39 << QList<int> {4};
    QTest::newRow("teams 40 (all stopped)") << teams << 40 << QList<int> {};
}

void TestRingPlan::ringingAt()
{
    QFETCH(int, kind);
    QFETCH(int, second);
    QFETCH(QList<int>, ringing);
    QCOMPARE(RingPlan(m_demo, CallKinds::fromIndex(kind)).ringingAt(second), ringing);
}

void TestRingPlan::noneEnabled()
{
    FollowMeSettings settings = m_demo;
    for (Device &device : settings.devices) {
        for (CallKind kind : CallKinds::all())
            device.rule(kind).enabled = false;
    }
    for (CallKind kind : CallKinds::all()) {
        const RingPlan plan(settings, kind);
        QVERIFY(plan.isEmpty());
        QVERIFY(plan.entries().isEmpty());
        QCOMPARE(plan.lastRingEnd(), 0);
        QVERIFY(plan.ringingAt(0).isEmpty());
        QVERIFY(plan.ringingAt(10).isEmpty());
    }

    // One device switched back on is enough to give the plan an end.
    settings.devices[3].rule(CallKind::Internal).enabled = true; // dect: 5 + 25 → [5, 30)
    const RingPlan internal(settings, CallKind::Internal);
    QCOMPARE(internal.entries().size(), 1);
    QCOMPARE(internal.entries().at(0).deviceIndex, 3);
    QCOMPARE(internal.lastRingEnd(), 30);
    QCOMPARE(internal.ringingAt(4), QList<int> {});
    QCOMPARE(internal.ringingAt(5), QList<int> {3});
    QCOMPARE(internal.ringingAt(29), QList<int> {3});
    QCOMPARE(internal.ringingAt(30), QList<int> {});
}

void TestRingPlan::noDevices()
{
    const RingPlan plan(FollowMeSettings {}, CallKind::Teams);
    QVERIFY(plan.isEmpty());
    QCOMPARE(plan.lastRingEnd(), 0);
    QCOMPARE(plan.callKind(), CallKind::Teams);
    QVERIFY(plan.ringingAt(0).isEmpty());
}

void TestRingPlan::followsDeviceOrderNotStartTime()
{
    // Reversing the devices reverses the entries: the plan keeps the settings' order even
    // though the windows start at different times.
    FollowMeSettings reversed = m_demo;
    std::reverse(reversed.devices.begin(), reversed.devices.end());
    const RingPlan plan(reversed, CallKind::External);
    QCOMPARE(plan.entries().size(), 6);
    QCOMPARE(plan.entries().at(0).deviceId, u"private-mobile"_s);
    QCOMPARE(plan.entries().at(0).deviceIndex, 0);
    QCOMPARE(plan.entries().at(0).window, (RingWindow {30, 45}));
    QCOMPARE(plan.entries().at(5).deviceId, u"desk"_s);
    QCOMPARE(plan.entries().at(5).deviceIndex, 5);
    QCOMPARE(plan.ringingAt(30), (QList<int> {0, 1, 2, 3})); // private-mobile, reception, dect,
                                                             // mobile
    QCOMPARE(plan.lastRingEnd(), 45);
}

QTEST_APPLESS_MAIN(TestRingPlan)
#include "tst_ringplan.moc"
