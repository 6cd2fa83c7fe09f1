// Profiles and their weekly schedule (core): which profile the schedule chooses at an instant,
// when it next switches (week wrap, both daylight-saving changes in Europe/Berlin and
// America/New_York, an exception over a range, an override expiring), how a switch moves the
// rules (locked devices and Do not disturb), and the settings document's profile members.

#include "CoreTestSupport.h"
#include "ProfileCodec.h"
#include "ProfileEditing.h"
#include "ProfileSwitch.h"
#include "ScheduleEvaluator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(const QString &text)
{
    QDateTime instant = QDateTime::fromString(text, Qt::ISODate);
    instant.setTimeZone(QTimeZone::utc());
    return instant;
}

// Office Monday to Friday 08:00–17:00, home office otherwise.
WeekSchedule officeWeek(const QByteArray &zone)
{
    WeekSchedule schedule;
    schedule.timeZone = zone;
    schedule.otherwise = u"home"_s;
    for (int day = 1; day <= 5; ++day)
        schedule.ranges.append({day, 8 * 60, 17 * 60, u"office"_s});
    return schedule;
}

FollowMeSettings twoDevices()
{
    FollowMeSettings settings;
    Device desk;
    desk.id = u"desk"_s;
    desk.name = u"Desk phone"_s;
    for (RingRule &rule : desk.rules)
        rule = {true, 0, 25};
    Device reception;
    reception.id = u"reception"_s;
    reception.name = u"Reception"_s;
    reception.userConfigurable = false;
    for (RingRule &rule : reception.rules)
        rule = {true, 15, 30};
    settings.devices = {desk, reception};
    return settings;
}

} // namespace

class tst_ProfileSchedule : public QObject
{
    Q_OBJECT

private slots:
    void choosesByWallClock_data();
    void choosesByWallClock();
    void nextSwitchWrapsTheWeek();
    void daylightSavingBerlin();
    void daylightSavingNewYork();
    void boundaryInsideTheSkippedHour();
    void exceptionOverARange();
    void overrideExpires();
    void overrideUntilChanged();
    void emptyScheduleLeavesTheChoice();
    void refusesOverlaps();
    void refusesUnknownZone();
    void switchMovesTheRules();
    void doNotDisturbKeepsLockedDevices();
    void addedDeviceGetsItsRulesEverywhere();
    void documentRoundTrip();
    void documentWithoutProfilesIsWrittenAsBefore();
    void profilesWithoutTheActiveOneAreRefused();
    void overrideWithoutActiveProfileIsRead();
    void aTimedOverrideOverAnotherKeepsWhereToGoBack();
    void aSwitchMissedMeanwhileIsDueAtOnce();
    void aTimedOverrideOverAnUntimedOneGoesBackToIt();
    void followingIsStableThroughTheDocument();
    void documentRefusals_data();
    void documentRefusals();
};

void tst_ProfileSchedule::choosesByWallClock_data()
{
    QTest::addColumn<QString>("instant");
    QTest::addColumn<QString>("profile");
    // 2026-12-04 is a Friday; Berlin is UTC+1 in winter.
    QTest::newRow("friday 07:59 local") << u"2026-12-04T06:59:00Z"_s << u"home"_s;
    QTest::newRow("friday 08:00 local") << u"2026-12-04T07:00:00Z"_s << u"office"_s;
    QTest::newRow("friday 16:59 local") << u"2026-12-04T15:59:59Z"_s << u"office"_s;
    QTest::newRow("friday 17:00 local") << u"2026-12-04T16:00:00Z"_s << u"home"_s;
    QTest::newRow("saturday noon") << u"2026-12-05T11:00:00Z"_s << u"home"_s;
    // 2026-07-06 is a Monday; Berlin is UTC+2 in summer.
    QTest::newRow("summer monday 08:00 local") << u"2026-07-06T06:00:00Z"_s << u"office"_s;
    QTest::newRow("summer monday 07:30 local") << u"2026-07-06T05:30:00Z"_s << u"home"_s;
}

void tst_ProfileSchedule::choosesByWallClock()
{
    QFETCH(QString, instant);
    QFETCH(QString, profile);
    const ScheduleEvaluator evaluator(officeWeek("Europe/Berlin"), std::nullopt);
    const auto choice = evaluator.choiceAt(utc(instant));
    QVERIFY(choice);
    QCOMPARE(choice->profileId, profile);
    QCOMPARE(choice->by, ActiveProfile::By::Schedule);
}

void tst_ProfileSchedule::nextSwitchWrapsTheWeek()
{
    const ScheduleEvaluator evaluator(officeWeek("Europe/Berlin"), std::nullopt);
    // Friday 17:00 local: home office until Monday 08:00 local.
    const auto next = evaluator.nextSwitch(utc(u"2026-12-04T16:00:00Z"_s), u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-12-07T07:00:00Z"_s));
    QCOMPARE(next->to.profileId, u"office"_s);
    // Sunday: the same Monday, through the end of the week.
    const auto fromSunday = evaluator.nextSwitch(utc(u"2026-12-06T22:59:00Z"_s), u"home"_s);
    QVERIFY(fromSunday);
    QCOMPARE(fromSunday->at, utc(u"2026-12-07T07:00:00Z"_s));
    // In the office on Friday: home at 17:00 local.
    const auto fromOffice = evaluator.nextSwitch(utc(u"2026-12-04T09:00:00Z"_s), u"office"_s);
    QVERIFY(fromOffice);
    QCOMPARE(fromOffice->at, utc(u"2026-12-04T16:00:00Z"_s));
    QCOMPARE(fromOffice->to.profileId, u"home"_s);
}

void tst_ProfileSchedule::daylightSavingBerlin()
{
    WeekSchedule schedule = officeWeek("Europe/Berlin");
    // Sundays 08:00–17:00 too, so that the change days (both Sundays) have a range.
    schedule.ranges.append({7, 8 * 60, 17 * 60, u"office"_s});
    const ScheduleEvaluator evaluator(schedule, std::nullopt);
    // Spring forward: 2026-03-29 02:00 CET becomes 03:00 CEST. Saturday 17:00 is 16:00Z (UTC+1);
    // Sunday 08:00 is 06:00Z (UTC+2).
    auto next = evaluator.nextSwitch(utc(u"2026-03-28T16:00:00Z"_s), u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-03-29T06:00:00Z"_s));
    next = evaluator.nextSwitch(next->at, u"office"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-03-29T15:00:00Z"_s));
    // Fall back: 2026-10-25 03:00 CEST becomes 02:00 CET. Sunday 08:00 is 07:00Z (UTC+1).
    next = evaluator.nextSwitch(utc(u"2026-10-24T15:00:00Z"_s), u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-10-25T07:00:00Z"_s));
    next = evaluator.nextSwitch(next->at, u"office"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-10-25T16:00:00Z"_s));
}

void tst_ProfileSchedule::daylightSavingNewYork()
{
    WeekSchedule schedule = officeWeek("America/New_York");
    schedule.ranges.append({7, 1 * 60 + 30, 9 * 60, u"office"_s});
    const ScheduleEvaluator evaluator(schedule, std::nullopt);
    // Spring forward: 2026-03-08 02:00 EST becomes 03:00 EDT. Sunday 09:00 EDT is 13:00Z.
    auto next = evaluator.nextSwitch(utc(u"2026-03-08T07:00:00Z"_s), u"office"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-03-08T13:00:00Z"_s));
    // Monday 08:00 EDT is 12:00Z.
    next = evaluator.nextSwitch(next->at, u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-03-09T12:00:00Z"_s));
    // Fall back: 2026-11-01 02:00 EDT becomes 01:00 EST, so 01:30 comes twice: the range starts
    // at its first occurrence (05:30Z) and holds through the repeated hour until 09:00 EST.
    QCOMPARE(evaluator.instantsOf(QDate(2026, 11, 1), QTime(1, 30)),
             (QList<QDateTime> {utc(u"2026-11-01T05:30:00Z"_s), utc(u"2026-11-01T06:30:00Z"_s)}));
    next = evaluator.nextSwitch(utc(u"2026-10-31T12:00:00Z"_s), u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-11-01T05:30:00Z"_s));
    // 01:15 EST, the repeated hour: still in the range, which began at the first 01:30.
    QCOMPARE(evaluator.choiceAt(utc(u"2026-11-01T06:15:00Z"_s))->profileId, u"office"_s);
    QCOMPARE(evaluator.choiceAt(utc(u"2026-11-01T05:29:00Z"_s))->profileId, u"home"_s);
    next = evaluator.nextSwitch(next->at, u"office"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-11-01T14:00:00Z"_s));
}

void tst_ProfileSchedule::boundaryInsideTheSkippedHour()
{
    // 02:30 doesn't exist in Berlin on 2026-03-29: the range starts when the clocks jump.
    WeekSchedule schedule;
    schedule.timeZone = "Europe/Berlin";
    schedule.otherwise = u"home"_s;
    schedule.ranges.append({7, 2 * 60 + 30, 12 * 60, u"office"_s});
    const ScheduleEvaluator evaluator(schedule, std::nullopt);
    QVERIFY(evaluator.instantsOf(QDate(2026, 3, 29), QTime(2, 30)).isEmpty());
    const auto next = evaluator.nextSwitch(utc(u"2026-03-28T23:00:00Z"_s), u"home"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-03-29T01:00:00Z"_s));
    QCOMPARE(next->to.profileId, u"office"_s);
}

void tst_ProfileSchedule::exceptionOverARange()
{
    WeekSchedule schedule = officeWeek("Europe/Berlin");
    // Do not disturb over Christmas: 24–26 December 2026 (Thursday to Saturday).
    schedule.exceptions.append({QDate(2026, 12, 24), QTime(0, 0), QDate(2026, 12, 27), QTime(0, 0),
                                RingProfile::doNotDisturbId, u"Christmas"_s});
    const ScheduleEvaluator evaluator(schedule, std::nullopt);
    QCOMPARE(evaluator.choiceAt(utc(u"2026-12-24T10:00:00Z"_s))->profileId,
             RingProfile::doNotDisturbId);
    QCOMPARE(evaluator.choiceAt(utc(u"2026-12-23T10:00:00Z"_s))->profileId, u"office"_s);
    // Wednesday in the office: home at 17:00, Do not disturb from midnight, home again on
    // Sunday, the office on Monday.
    auto next = evaluator.nextSwitch(utc(u"2026-12-23T10:00:00Z"_s), u"office"_s);
    QCOMPARE(next->at, utc(u"2026-12-23T16:00:00Z"_s));
    next = evaluator.nextSwitch(next->at, next->to.profileId);
    QCOMPARE(next->at, utc(u"2026-12-23T23:00:00Z"_s));
    QCOMPARE(next->to.profileId, RingProfile::doNotDisturbId);
    next = evaluator.nextSwitch(next->at, next->to.profileId);
    QCOMPARE(next->at, utc(u"2026-12-26T23:00:00Z"_s));
    QCOMPARE(next->to.profileId, u"home"_s);
    next = evaluator.nextSwitch(next->at, next->to.profileId);
    QCOMPARE(next->at, utc(u"2026-12-28T07:00:00Z"_s));
    QCOMPARE(next->to.profileId, u"office"_s);
}

void tst_ProfileSchedule::overrideExpires()
{
    const ActiveProfile::Override away {
        u"away"_s, utc(u"2026-12-04T12:00:00Z"_s), ActiveProfile::By::User, {}};
    const ScheduleEvaluator evaluator(officeWeek("Europe/Berlin"), away);
    const auto during = evaluator.choiceAt(utc(u"2026-12-04T09:00:00Z"_s));
    QCOMPARE(during->profileId, u"away"_s);
    QCOMPARE(during->by, ActiveProfile::By::User);
    const auto next = evaluator.nextSwitch(utc(u"2026-12-04T09:00:00Z"_s), u"away"_s);
    QVERIFY(next);
    QCOMPARE(next->at, utc(u"2026-12-04T12:00:00Z"_s));
    QCOMPARE(next->to, (ScheduleEvaluator::Choice {u"office"_s, ActiveProfile::By::Schedule}));
}

void tst_ProfileSchedule::overrideUntilChanged()
{
    const ActiveProfile::Override away {u"away"_s, {}, ActiveProfile::By::Administrator, {}};
    const ScheduleEvaluator evaluator(officeWeek("Europe/Berlin"), away);
    QCOMPARE(evaluator.choiceAt(utc(u"2030-01-01T09:00:00Z"_s))->profileId, u"away"_s);
    QVERIFY(!evaluator.nextSwitch(utc(u"2026-12-04T09:00:00Z"_s), u"away"_s));
}

void tst_ProfileSchedule::emptyScheduleLeavesTheChoice()
{
    const ScheduleEvaluator evaluator(WeekSchedule {}, std::nullopt);
    QVERIFY(!evaluator.choiceAt(utc(u"2026-12-04T09:00:00Z"_s)));
    QVERIFY(!evaluator.nextSwitch(utc(u"2026-12-04T09:00:00Z"_s), u"office"_s));
    // Ranges without a default leave the time between them to whatever is active.
    WeekSchedule mornings;
    mornings.timeZone = "UTC";
    mornings.ranges.append({5, 8 * 60, 12 * 60, u"office"_s});
    const ScheduleEvaluator partial(mornings, std::nullopt);
    QVERIFY(!partial.choiceAt(utc(u"2026-12-04T13:00:00Z"_s)));
    QCOMPARE(partial.nextSwitch(utc(u"2026-12-04T13:00:00Z"_s), u"home"_s)->at,
             utc(u"2026-12-11T08:00:00Z"_s));
}

void tst_ProfileSchedule::refusesOverlaps()
{
    WeekSchedule schedule = officeWeek("Europe/Berlin");
    QVERIFY(!schedule.problem());
    schedule.ranges.append({3, 12 * 60, 13 * 60, u"away"_s});
    const auto problem = schedule.problem();
    QVERIFY(problem);
    QVERIFY2(problem->contains(u"08:00–17:00"_s) && problem->contains(u"12:00–13:00"_s),
             qPrintable(*problem));
    // Touching ranges don't overlap.
    schedule.ranges.removeLast();
    schedule.ranges.append({3, 17 * 60, 18 * 60, u"away"_s});
    QVERIFY(!schedule.problem());

    WeekSchedule holidays;
    holidays.timeZone = "UTC";
    holidays.exceptions.append(
        {QDate(2026, 12, 24), QTime(0, 0), QDate(2026, 12, 27), QTime(0, 0), u"dnd"_s, {}});
    holidays.exceptions.append(
        {QDate(2026, 12, 26), QTime(0, 0), QDate(2027, 1, 2), QTime(0, 0), u"away"_s, {}});
    QVERIFY(holidays.problem());
}

void tst_ProfileSchedule::refusesUnknownZone()
{
    WeekSchedule schedule = officeWeek("Mars/Olympus_Mons");
    QVERIFY(schedule.problem());
}

void tst_ProfileSchedule::switchMovesTheRules()
{
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    RingProfile home = ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home office"_s);
    home.rules[u"desk"_s].at(0) = {false, 5, 10};
    home.rules[u"reception"_s].at(0) = {false, 0, 1}; // locked: never applied
    settings.profiles.append(home);

    const QDateTime at = utc(u"2026-12-04T16:00:00Z"_s);
    QVERIFY(ProfileSwitch::activate(settings, u"home"_s, ActiveProfile::By::Schedule, at));
    QCOMPARE(settings.activeProfileId(), u"home"_s);
    QCOMPARE(settings.active.since, at);
    QCOMPARE(settings.devices.at(0).rules.at(0), (RingRule {false, 5, 10}));
    QCOMPARE(settings.devices.at(1).rules.at(0), (RingRule {true, 15, 30}));
    // The plan that was active went back into its profile.
    QCOMPARE(settings.profile(RingProfile::standardId)->rules.value(u"desk"_s).at(0),
             (RingRule {true, 0, 25}));
    QVERIFY(settings.profile(u"home"_s)->rules.isEmpty());
    QVERIFY(!ProfileSwitch::activate(settings, u"home"_s, ActiveProfile::By::User, at));
    QVERIFY(!ProfileSwitch::activate(settings, u"nowhere"_s, ActiveProfile::By::User, at));
    QVERIFY(
        ProfileSwitch::activate(settings, RingProfile::standardId, ActiveProfile::By::User, at));
    QCOMPARE(settings.devices.at(0).rules.at(0), (RingRule {true, 0, 25}));
}

void tst_ProfileSchedule::doNotDisturbKeepsLockedDevices()
{
    FollowMeSettings settings = twoDevices();
    QVERIFY(ProfileSwitch::activate(settings, RingProfile::doNotDisturbId, ActiveProfile::By::User,
                                    utc(u"2026-12-04T16:00:00Z"_s)));
    QVERIFY(settings.doNotDisturb());
    for (const RingRule &rule : settings.devices.at(0).rules)
        QVERIFY(!rule.enabled);
    QCOMPARE(settings.devices.at(1).rules.at(0), (RingRule {true, 15, 30}));
    QVERIFY(!SettingsCodec::validate(settings));
    // Turning it off brings the plan back.
    QVERIFY(ProfileSwitch::activate(settings, RingProfile::standardId, ActiveProfile::By::User,
                                    utc(u"2026-12-04T17:00:00Z"_s)));
    QCOMPARE(settings.devices.at(0).rules.at(0), (RingRule {true, 0, 25}));
}

void tst_ProfileSchedule::addedDeviceGetsItsRulesEverywhere()
{
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    settings.profiles.append(ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home"_s));
    Device mobile;
    mobile.id = u"mobile"_s;
    mobile.name = u"Mobile"_s;
    for (RingRule &rule : mobile.rules)
        rule = {true, 0, 20};
    settings.devices.append(mobile);
    ProfileSwitch::addDevice(settings, mobile);
    QCOMPARE(settings.profile(u"home"_s)->rules.value(u"mobile"_s), mobile.rules);
    QVERIFY(!settings.profile(RingProfile::standardId)->rules.contains(u"mobile"_s));
}

void tst_ProfileSchedule::documentRoundTrip()
{
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    settings.profiles.first().name = u"Office"_s;
    RingProfile home = ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home office"_s);
    home.rules[u"desk"_s].at(1) = {true, 10, 40};
    settings.profiles.append(home);
    settings.schedule = officeWeek("Europe/Berlin");
    for (WeekSchedule::Range &range : settings.schedule.ranges)
        range.profileId = RingProfile::standardId;
    settings.schedule.exceptions.append({QDate(2026, 12, 24), QTime(0, 0), QDate(2026, 12, 27),
                                         QTime(0, 0), RingProfile::doNotDisturbId, u"Christmas"_s});
    settings.active.by = ActiveProfile::By::Schedule;
    settings.active.since = utc(u"2026-12-04T07:00:00Z"_s);
    settings.active.override = ActiveProfile::Override {
        u"home"_s, utc(u"2026-12-04T12:00:00Z"_s), ActiveProfile::By::User, {}};
    QVERIFY(!SettingsCodec::validate(settings));

    const QByteArray json = SettingsCodec::encode(settings);
    ValidationError error;
    const auto read = SettingsCodec::decode(json, &error);
    QVERIFY2(read, qPrintable(error.message()));
    QCOMPARE(*read, settings);
    const QJsonObject object = SettingsCodec::toJson(*read);
    QCOMPARE(object.value(u"schedule"_s)[u"week"_s][0][u"from"_s].toString(), u"08:00"_s);
    QCOMPARE(object.value(u"schedule"_s)[u"exceptions"_s][0][u"to"_s].toString(),
             u"2026-12-27T00:00"_s);
    QCOMPARE(object.value(u"override"_s)[u"until"_s].toString(), u"2026-12-04T12:00:00Z"_s);
    // Locked devices are not held by a profile.
    QVERIFY(!object.value(u"profiles"_s)[1][u"rules"_s].toObject().contains(u"reception"_s));
}

void tst_ProfileSchedule::documentWithoutProfilesIsWrittenAsBefore()
{
    const QJsonObject object = SettingsCodec::toJson(twoDevices());
    QVERIFY(!object.contains(u"profiles"_s));
    QVERIFY(!object.contains(u"activeProfile"_s));
    QVERIFY(!object.contains(u"schedule"_s));
    const auto read = SettingsCodec::fromJson(object);
    QVERIFY(read);
    QCOMPARE(read->activeProfileId(), RingProfile::standardId);
}

void tst_ProfileSchedule::profilesWithoutTheActiveOneAreRefused()
{
    QJsonObject object = SettingsCodec::toJson(twoDevices());
    object.insert(u"profiles"_s,
                  QJsonArray {QJsonObject {{u"id"_s, u"home"_s}, {u"name"_s, u"Home"_s}}});
    ValidationError error;
    QVERIFY(!SettingsCodec::fromJson(object, &error));
    QCOMPARE(error.field, u"activeProfile"_s);
    // With "standard" among them, that one is the active one.
    object.insert(u"profiles"_s,
                  QJsonArray {QJsonObject {{u"id"_s, u"standard"_s}, {u"name"_s, u"Office"_s}}});
    const auto read = SettingsCodec::fromJson(object, &error);
    QVERIFY2(read, qPrintable(error.message()));
    QCOMPARE(read->activeProfileId(), RingProfile::standardId);
}

void tst_ProfileSchedule::overrideWithoutActiveProfileIsRead()
{
    QJsonObject object = SettingsCodec::toJson(twoDevices());
    object.insert(u"override"_s,
                  QJsonObject {{u"profile"_s, u"dnd"_s}, {u"until"_s, QJsonValue()}});
    const auto read = SettingsCodec::fromJson(object);
    QVERIFY(read);
    QVERIFY(read->active.override);
    QCOMPARE(read->active.override->profileId, RingProfile::doNotDisturbId);
}

void tst_ProfileSchedule::aTimedOverrideOverAnotherKeepsWhereToGoBack()
{
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    settings.profiles.append(ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home"_s));
    const QDateTime now = utc(u"2026-12-04T09:00:00Z"_s);
    QVERIFY(!ProfileEditing::apply(
        settings, ClientMessage::setActiveProfile({}, u"home"_s, now.addSecs(3600)),
        ActiveProfile::By::User, now));
    QVERIFY(!ProfileEditing::apply(settings,
                                   ClientMessage::setActiveProfile({}, u"dnd"_s, now.addSecs(1800)),
                                   ActiveProfile::By::User, now.addSecs(60)));
    QCOMPARE(settings.active.override->resumeProfileId, RingProfile::standardId);
    const FollowMeSettings later = ProfileEditing::followed(settings, now.addSecs(1800));
    QCOMPARE(later.activeProfileId(), RingProfile::standardId);
}

void tst_ProfileSchedule::aSwitchMissedMeanwhileIsDueAtOnce()
{
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    settings.profiles.append(ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home"_s));
    settings.schedule = officeWeek("Europe/Berlin");
    for (WeekSchedule::Range &range : settings.schedule.ranges)
        range.profileId = RingProfile::standardId;
    // Saturday noon, and still the office plan from Friday: the switch to home is behind.
    const QDateTime saturday = utc(u"2026-12-05T11:00:00Z"_s);
    QCOMPARE(ProfileEditing::nextWake(settings, saturday), saturday);
    const FollowMeSettings followed = ProfileEditing::followed(settings, saturday);
    QCOMPARE(followed.activeProfileId(), u"home"_s);
    QCOMPARE(ProfileEditing::nextWake(followed, saturday), utc(u"2026-12-07T07:00:00Z"_s));
}

void tst_ProfileSchedule::followingIsStableThroughTheDocument()
{
    // Whatever the schedule makes of a document, written and read back it wants nothing more:
    // else the server's clock would find a switch due at once, for ever.
    const QDateTime now = utc(u"2026-12-05T11:00:00Z"_s);
    for (bool withProfiles : {false, true}) {
        FollowMeSettings settings = twoDevices();
        if (withProfiles) {
            ProfileSwitch::materialize(settings);
            settings.profiles.append(ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home"_s));
        }
        settings.schedule.timeZone = "America/New_York";
        settings.schedule.otherwise = RingProfile::standardId;
        const FollowMeSettings followed = ProfileEditing::followed(settings, now);
        const auto read = SettingsCodec::fromJson(SettingsCodec::toJson(followed));
        QVERIFY(read);
        QCOMPARE(ProfileEditing::followed(*read, now), *read);
        QVERIFY(ProfileEditing::nextWake(*read, now) != now);
    }
}

void tst_ProfileSchedule::aTimedOverrideOverAnUntimedOneGoesBackToIt()
{
    // Weekday ranges and no default: on Saturday the schedule has no say.
    FollowMeSettings settings = twoDevices();
    ProfileSwitch::materialize(settings);
    settings.profiles.append(ProfileSwitch::copyOfActive(settings, u"home"_s, u"Home"_s));
    settings.schedule = officeWeek("Europe/Berlin");
    settings.schedule.otherwise.clear();
    for (WeekSchedule::Range &range : settings.schedule.ranges)
        range.profileId = RingProfile::standardId;
    const QDateTime saturday = utc(u"2026-12-05T11:00:00Z"_s);
    QVERIFY(!ProfileEditing::apply(settings, ClientMessage::setActiveProfile({}, u"home"_s),
                                   ActiveProfile::By::User, saturday));
    QVERIFY(!ProfileEditing::apply(
        settings,
        ClientMessage::setActiveProfile({}, RingProfile::doNotDisturbId, saturday.addSecs(3600)),
        ActiveProfile::By::User, saturday));
    QCOMPARE(settings.active.override->resumeProfileId, u"home"_s);
    QCOMPARE(ProfileEditing::followed(settings, saturday.addSecs(3600)).activeProfileId(),
             u"home"_s);
}

void tst_ProfileSchedule::documentRefusals_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("profiles not an array") << u"profiles"_s << QByteArray("{}") << u"profiles"_s;
    QTest::newRow("dnd as a profile id")
        << u"profiles"_s << QByteArray(R"([{"id":"dnd","name":"Mine"}])") << u"profiles[0].id"_s;
    QTest::newRow("a profile twice")
        << u"profiles"_s << QByteArray(R"([{"id":"a","name":"A"},{"id":"a","name":"B"}])")
        << u"profiles[1].id"_s;
    QTest::newRow("rules of an unknown device")
        << u"profiles"_s << QByteArray(R"([{"id":"a","name":"A","rules":{"ghost":{}}}])")
        << u"profiles[0].rules.ghost"_s;
    QTest::newRow("a rule out of range")
        << u"profiles"_s
        << QByteArray(
               R"([{"id":"a","name":"A","rules":{"desk":{"external":{"enabled":true,"delay":0,"timeout":900},"internal":{"enabled":true,"delay":0,"timeout":20},"teams":{"enabled":true,"delay":0,"timeout":20}}}}])")
        << u"profiles[0].rules.desk.external.timeout"_s;
    QTest::newRow("an unknown active profile")
        << u"activeProfile"_s << QByteArray(R"({"id":"elsewhere"})") << u"activeProfile.id"_s;
    QTest::newRow("a range over midnight")
        << u"schedule"_s
        << QByteArray(
               R"({"timeZone":"UTC","week":[{"day":"mon","from":"22:00","to":"06:00","profile":"standard"}]})")
        << u"schedule"_s;
    QTest::newRow("a day that is none")
        << u"schedule"_s
        << QByteArray(
               R"({"timeZone":"UTC","week":[{"day":"monday","from":"08:00","to":"09:00","profile":"standard"}]})")
        << u"schedule.week[0].day"_s;
    QTest::newRow("a time that is none")
        << u"schedule"_s
        << QByteArray(
               R"({"timeZone":"UTC","week":[{"day":"mon","from":"8:00","to":"09:00","profile":"standard"}]})")
        << u"schedule.week[0].from"_s;
    QTest::newRow("a range of an unknown profile")
        << u"schedule"_s
        << QByteArray(
               R"({"timeZone":"UTC","week":[{"day":"mon","from":"08:00","to":"09:00","profile":"gone"}]})")
        << u"schedule.week[0].profile"_s;
    QTest::newRow("an unknown time zone")
        << u"schedule"_s << QByteArray(R"({"timeZone":"Nowhere/Town","otherwise":"standard"})")
        << u"schedule"_s;
}

void tst_ProfileSchedule::documentRefusals()
{
    QFETCH(QString, member);
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    QJsonObject object = SettingsCodec::toJson(twoDevices());
    const auto parsed = QJsonDocument::fromJson("{\"v\":" + value + "}");
    QVERIFY(!parsed.isNull());
    object.insert(member, parsed.object().value(u"v"_s));
    ValidationError error;
    QVERIFY(!SettingsCodec::fromJson(object, &error));
    QCOMPARE(error.field, field);
    QVERIFY(!error.reason.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProfileSchedule)
#include "tst_profileschedule.moc"
