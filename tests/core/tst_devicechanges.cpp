// Tests for DeviceChanges: what the administrator changed is told in one sentence each, what the
// user may have changed themselves is not, and device names stay exactly as they are.

#include "CoreTestSupport.h"
#include "DeviceChanges.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Rules = std::array<RingRule, CallKinds::count>;

namespace {

Device tablet()
{
    Device device;
    device.id = u"tablet"_s;
    device.name = u"Tablet"_s;
    device.kind = DeviceKind::MobileApp;
    device.number = u"205"_s;
    for (CallKind kind : CallKinds::all())
        device.rule(kind) = {true, 0, 20};
    return device;
}

} // namespace

class TestDeviceChanges : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_demo = demoSettings(); }

    void identicalSaysNothing()
    {
        QCOMPARE(DeviceChanges::describe(m_demo, m_demo), QStringList());
        QCOMPARE(DeviceChanges::describe({}, {}), QStringList());
    }

    void lockedAndUnlocked()
    {
        FollowMeSettings after = m_demo;
        after.devices[DemoRow::desk].userConfigurable = false;
        after.devices[DemoRow::reception].userConfigurable = true;
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"Desk phone is now managed by your administrator."_s,
                               u"You can change Reception phone again."_s}));
    }

    void renamedAndNumberChanged()
    {
        FollowMeSettings after = m_demo;
        after.devices[DemoRow::desk].name = u"Front desk"_s;
        after.devices[DemoRow::desk].number = u"202"_s;
        after.devices[DemoRow::mobile].number = u"+49 170 1234"_s;
        // The later sentences use the name the user sees now.
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"Desk phone is now called Front desk."_s,
                               u"Front desk now has the number 202."_s,
                               u"Mobile app now has the number +49 170 1234."_s}));
    }

    void workspaceChanged()
    {
        FollowMeSettings after = m_demo;
        after.devices[DemoRow::desk].workspace = u"Warehouse"_s;
        after.devices[DemoRow::dect].workspace.clear();
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {
                     u"Desk phone now comes to you through the workspace Warehouse."_s,
                     u"DECT handset is now assigned to you directly, not through a workspace."_s}));
    }

    void addedDevice_data()
    {
        QTest::addColumn<Rules>("rules");
        QTest::addColumn<QString>("sentence");

        QTest::newRow("same window for every kind")
            << Rules {RingRule {true, 0, 20}, RingRule {true, 0, 20}, RingRule {true, 0, 20}}
            << u"New device Tablet rings from 0 s to 20 s."_s;
        QTest::newRow("off for every kind")
            << Rules {RingRule {false, 0, 20}, RingRule {false, 5, 20}, RingRule {false, 0, 9}}
            << u"New device Tablet is off: it rings for no calls."_s;
        QTest::newRow("different windows")
            << Rules {RingRule {true, 0, 20}, RingRule {true, 5, 20}, RingRule {true, 0, 20}}
            << u"New device Tablet rings for External calls from 0 s to 20 s, Internal calls "
               u"from 5 s to 25 s, Teams calls from 0 s to 20 s."_s;
        QTest::newRow("some kinds off")
            << Rules {RingRule {false, 0, 20}, RingRule {true, 10, 30}, RingRule {false, 0, 20}}
            << u"New device Tablet rings for Internal calls from 10 s to 40 s."_s;
        QTest::newRow("same window, one kind off")
            << Rules {RingRule {true, 0, 20}, RingRule {true, 0, 20}, RingRule {false, 0, 20}}
            << u"New device Tablet rings for External calls from 0 s to 20 s, Internal calls "
               u"from 0 s to 20 s."_s;
    }

    void addedDevice()
    {
        QFETCH(Rules, rules);
        QFETCH(QString, sentence);
        FollowMeSettings after = m_demo;
        Device added = tablet();
        added.rules = rules;
        after.devices.insert(1, added);
        QCOMPARE(DeviceChanges::describe(m_demo, after), QStringList {sentence});
    }

    void removedDevice()
    {
        FollowMeSettings after = m_demo;
        after.devices.removeAt(DemoRow::mobile);
        after.devices.removeAt(DemoRow::softphone);
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"Desktop softphone was removed by your administrator."_s,
                               u"Mobile app was removed by your administrator."_s}));
    }

    void removedControlledDevice()
    {
        FollowMeSettings after = m_demo;
        after.devices.removeAt(DemoRow::desk);
        after.controlledDeviceId.clear();
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 QStringList {u"Desk phone was removed by your administrator, so Client controls "
                              u"is now No device."_s});
        // A server that picks another device instead says which.
        after.controlledDeviceId = u"dect"_s;
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 QStringList {u"Desk phone was removed by your administrator, so Client controls "
                              u"is now DECT handset."_s});
    }

    // Devices match by id, not by place: a move is no change, a new id in the old place is one
    // device removed and one added.
    void matchesById()
    {
        FollowMeSettings after = m_demo;
        after.devices.move(DemoRow::desk, DemoRow::privateMobile);
        QCOMPARE(DeviceChanges::describe(m_demo, after), QStringList());

        after = m_demo;
        after.devices[DemoRow::mobile].id = u"mobile-2"_s;
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"New device Mobile app rings for External calls from 10 s to 35 s, "
                               u"Internal calls from 15 s to 35 s."_s,
                               u"Mobile app was removed by your administrator."_s}));
    }

    // Those can be the user's own edits from another session.
    void rulesOfEditableDevicesAndTheControlledDeviceAreNotTold()
    {
        FollowMeSettings after = m_demo;
        after.devices[DemoRow::desk].rule(CallKind::External) = {false, 5, 40};
        after.devices[DemoRow::mobile].rule(CallKind::Teams).enabled = true;
        after.controlledDeviceId = u"softphone"_s;
        QCOMPARE(DeviceChanges::describe(m_demo, after), QStringList());
        // Nor those of a device locked or unlocked at the same time: it was or is the user's.
        after = m_demo;
        after.devices[DemoRow::desk].userConfigurable = false;
        after.devices[DemoRow::desk].rule(CallKind::External).delay = 9;
        after.devices[DemoRow::reception].userConfigurable = true;
        after.devices[DemoRow::reception].rule(CallKind::External).delay = 9;
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"Desk phone is now managed by your administrator."_s,
                               u"You can change Reception phone again."_s}));
    }

    // Only the administrator can change a device that stays locked.
    void rulesOfALockedDeviceAreTold()
    {
        FollowMeSettings after = m_demo;
        Device &reception = after.devices[DemoRow::reception];
        reception.rule(CallKind::External).timeout = 45; // 15–45 s → 15–60 s
        reception.rule(CallKind::Internal).enabled = true; // 0–20 s
        reception.rule(CallKind::Teams).enabled = false;
        QCOMPARE(DeviceChanges::describe(m_demo, after),
                 (QStringList {u"Reception phone now rings for External calls from 15 s to 60 s."_s,
                               u"Reception phone now rings for Internal calls from 0 s to 20 s."_s,
                               u"Reception phone no longer rings for Teams calls."_s}));
        // A disabled rule's seconds don't ring: no news.
        after = m_demo;
        after.devices[DemoRow::reception].rule(CallKind::Internal).delay = 30;
        QCOMPARE(DeviceChanges::describe(m_demo, after), QStringList());
    }

    // Names are the user's data, never placeholders: "Line %2" must stay "Line %2".
    void placeholdersInNamesStayLiteral()
    {
        FollowMeSettings before = m_demo;
        before.devices[DemoRow::desk].name = u"Line %2"_s;
        before.devices[DemoRow::reception].name = u"Front %1"_s;
        FollowMeSettings after = before;
        after.devices[DemoRow::desk].name = u"Line %1"_s;
        after.devices[DemoRow::desk].number = u"%3"_s;
        after.devices[DemoRow::desk].workspace = u"Hall %1"_s;
        after.devices[DemoRow::desk].userConfigurable = false;
        after.devices[DemoRow::reception].rule(CallKind::External).timeout = 45;
        Device added = tablet();
        added.name = u"Line %2"_s;
        added.id = u"line2"_s;
        after.devices.append(added);
        added.id = u"line3"_s;
        added.rule(CallKind::Teams).enabled = false;
        after.devices.append(added);
        added.id = u"line4"_s;
        added.rules = {};
        after.devices.append(added);
        after.devices.removeAt(DemoRow::mobile);
        QCOMPARE(DeviceChanges::describe(before, after),
                 (QStringList {
                     u"Line %2 is now called Line %1."_s,
                     u"Line %1 now has the number %3."_s,
                     u"Line %1 now comes to you through the workspace Hall %1."_s,
                     u"Line %1 is now managed by your administrator."_s,
                     u"Front %1 now rings for External calls from 15 s to 60 s."_s,
                     u"New device Line %2 rings from 0 s to 20 s."_s,
                     u"New device Line %2 rings for External calls from 0 s to 20 s, Internal "
                     u"calls from 0 s to 20 s."_s,
                     u"New device Line %2 is off: it rings for no calls."_s,
                     u"Mobile app was removed by your administrator."_s,
                 }));

        // The controlled device's name too.
        after = before;
        after.devices.removeAt(DemoRow::desk);
        after.controlledDeviceId = u"dect"_s;
        after.devices[DemoRow::dect - 1].name = u"%1 handset"_s;
        QCOMPARE(DeviceChanges::describe(before, after),
                 (QStringList {u"DECT handset is now called %1 handset."_s,
                               u"Line %2 was removed by your administrator, so Client controls "
                               u"is now %1 handset."_s}));
    }

private:
    FollowMeSettings m_demo;
};

QTEST_GUILESS_MAIN(TestDeviceChanges)
#include "tst_devicechanges.moc"
