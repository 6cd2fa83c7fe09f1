// ScheduleFollower keeps an --offline document's profile on time, with a clock the test moves:
// the switch is made (and announced as a change, which the file store writes), the next wake is
// the next boundary, and an override that ended is dropped.

#include "ClientMessage.h"
#include "DemoData.h"
#include "ScheduleFollower.h"
#include "SettingsDocument.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class tst_ScheduleFollower : public QObject
{
    Q_OBJECT

private slots:
    void followsTheClock();
    void dropsAnEndedOverride();
};

namespace {

// Weekdays 08:00–17:00 the standard plan, "home" otherwise, in Berlin.
FollowMeSettings scheduled(const QDateTime &now)
{
    SettingsDocument document;
    if (document.reset(demoSettings()))
        return {};
    document.editProfiles(ClientMessage::addProfile({}, u"home"_s, u"Home office"_s), now);
    WeekSchedule schedule;
    schedule.timeZone = "Europe/Berlin";
    schedule.otherwise = u"home"_s;
    for (int day = 1; day <= 5; ++day)
        schedule.ranges.append({day, 8 * 60, 17 * 60, RingProfile::standardId});
    document.editProfiles(ClientMessage::setSchedule({}, schedule), now);
    return document.settings();
}

} // namespace

void tst_ScheduleFollower::followsTheClock()
{
    // Friday 4 December 2026, 10:00 in Berlin.
    QDateTime now(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());
    SettingsDocument document;
    QVERIFY(!document.reset(scheduled(now)));
    QCOMPARE(document.settings().activeProfileId(), RingProfile::standardId);
    ScheduleFollower follower(&document, [&now] { return now; });
    QCOMPARE(follower.nextWake(), QDateTime(QDate(2026, 12, 4), QTime(16, 0), QTimeZone::utc()));

    QSignalSpy changes(&document, &SettingsDocument::changed);
    now = follower.nextWake();
    follower.follow();
    QCOMPARE(document.settings().activeProfileId(), u"home"_s);
    QCOMPARE(document.settings().active.by, ActiveProfile::By::Schedule);
    QCOMPARE(changes.count(), 1);
    // Monday 08:00 Berlin.
    QCOMPARE(follower.nextWake(), QDateTime(QDate(2026, 12, 7), QTime(7, 0), QTimeZone::utc()));
}

void tst_ScheduleFollower::dropsAnEndedOverride()
{
    QDateTime now(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());
    SettingsDocument document;
    QVERIFY(!document.reset(scheduled(now)));
    QVERIFY(!document.editProfiles(
        ClientMessage::setActiveProfile({}, RingProfile::doNotDisturbId, now.addSecs(1800)), now));
    QVERIFY(document.settings().doNotDisturb());
    ScheduleFollower follower(&document, [&now] { return now; });
    QCOMPARE(follower.nextWake(), now.addSecs(1800));
    now = now.addSecs(1800);
    follower.follow();
    QVERIFY(!document.settings().doNotDisturb());
    QVERIFY(!document.settings().active.override);
    QCOMPARE(document.settings().activeProfileId(), RingProfile::standardId);
}

QTEST_GUILESS_MAIN(tst_ScheduleFollower)
#include "tst_schedulefollower.moc"
