// SPDX-License-Identifier: GPL-3.0-or-later
// Profiles and schedules on the real server (docs/protocol.md 4.5): every new message over a
// real socket, its refusals (which change nothing), the push to the user's other sessions, and
// the server switching the active profile by its own clock with no client connected, which a
// client that connects later sees.

#include "ServerProcess.h"
#include "TestClient.h"
#include "WaitUntil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject settingsOf(const QJsonObject &snapshot)
{
    return snapshot.value(u"settings"_s).toObject();
}

QJsonObject deviceIn(const QJsonObject &snapshot, const QString &id)
{
    for (const QJsonValue &device : settingsOf(snapshot).value(u"devices"_s).toArray()) {
        if (device[u"id"_s].toString() == id)
            return device.toObject();
    }
    return {};
}

QJsonObject ruleIn(const QJsonObject &snapshot, const QString &device, const QString &kind)
{
    return deviceIn(snapshot, device).value(u"rules"_s)[kind].toObject();
}

QString activeIn(const QJsonObject &snapshot)
{
    return settingsOf(snapshot).value(u"activeProfile"_s)[u"id"_s].toString();
}

QStringList profileIdsIn(const QJsonObject &snapshot)
{
    QStringList ids;
    for (const QJsonValue &profile : settingsOf(snapshot).value(u"profiles"_s).toArray())
        ids.append(profile[u"id"_s].toString());
    return ids;
}

QString utcText(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

class tst_ServerProfiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addProfileCopiesTheActiveAndReachesOtherSessions();
    void switchingMovesTheRules();
    void doNotDisturbRingsOnlyLockedDevices();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void serverSwitchesWithNoClientConnected();
    void administratorSetsAndLocksTheSchedule();
    void switchDueWhileStoppedHappensAtStart();

private:
    QString databasePath() const { return m_dir->filePath(u"server.sqlite"_s); }
    // Sends an edit and returns the snapshot that precedes its ack, checking the ack.
    std::optional<QJsonObject> edit(TestClient &client, QJsonObject message);

    QTemporaryDir *m_dir = nullptr;
    ServerProcess *m_server = nullptr;
    int m_nextId = 0;
};

void tst_ServerProfiles::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_server = new ServerProcess;
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
}

void tst_ServerProfiles::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

std::optional<QJsonObject> tst_ServerProfiles::edit(TestClient &client, QJsonObject message)
{
    const QString id = u"p-"_s + QString::number(++m_nextId);
    message.insert(u"id"_s, id);
    client.sendJson(message);
    const auto snapshot = client.next();
    if (!snapshot || snapshot->value(u"type"_s) != u"snapshot"_s) {
        qWarning() << "expected a snapshot, got" << (snapshot ? *snapshot : QJsonObject());
        return std::nullopt;
    }
    const auto ack = client.next();
    if (!ack || ack->value(u"type"_s) != u"ack"_s || ack->value(u"id"_s) != id
        || ack->value(u"revision"_s) != snapshot->value(u"revision"_s)) {
        qWarning() << "expected the ack of" << id << ", got" << (ack ? *ack : QJsonObject());
        return std::nullopt;
    }
    return snapshot;
}

void tst_ServerProfiles::addProfileCopiesTheActiveAndReachesOtherSessions()
{
    TestClient alice;
    TestClient other;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    QVERIFY(other.login(m_server->url(), u"alice-demo-token"_s));
    // A document without profiles says nothing about them.
    QVERIFY(!settingsOf(*first).contains(u"profiles"_s));

    const auto added = edit(
        alice,
        {{u"type"_s, u"addProfile"_s}, {u"profile"_s, u"home"_s}, {u"name"_s, u"Home office"_s}});
    QVERIFY(added);
    QCOMPARE(added->value(u"revision"_s).toInteger(), first->value(u"revision"_s).toInteger() + 1);
    QCOMPARE(profileIdsIn(*added), (QStringList {u"standard"_s, u"home"_s}));
    QCOMPARE(activeIn(*added), u"standard"_s);
    const QJsonObject home = settingsOf(*added).value(u"profiles"_s)[1].toObject();
    QCOMPARE(home.value(u"name"_s).toString(), u"Home office"_s);
    // A copy of the active plan, without the locked reception phone.
    QCOMPARE(home.value(u"rules"_s)[u"desk"_s][u"external"_s].toObject(),
             ruleIn(*first, u"desk"_s, u"external"_s));
    QVERIFY(!home.value(u"rules"_s).toObject().contains(u"reception"_s));

    const auto pushed = other.nextOfType(u"snapshot"_s);
    QVERIFY(pushed);
    QCOMPARE(pushed->value(u"revision"_s), added->value(u"revision"_s));
    QCOMPARE(profileIdsIn(*pushed), profileIdsIn(*added));

    const auto renamed = edit(
        alice,
        {{u"type"_s, u"renameProfile"_s}, {u"profile"_s, u"standard"_s}, {u"name"_s, u"Office"_s}});
    QVERIFY(renamed);
    QCOMPARE(settingsOf(*renamed).value(u"profiles"_s)[0][u"name"_s].toString(), u"Office"_s);
    const auto removed = edit(alice, {{u"type"_s, u"removeProfile"_s}, {u"profile"_s, u"home"_s}});
    QVERIFY(removed);
    QCOMPARE(profileIdsIn(*removed), QStringList {u"standard"_s});
}

void tst_ServerProfiles::switchingMovesTheRules()
{
    TestClient alice;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    QVERIFY(edit(
        alice,
        {{u"type"_s, u"addProfile"_s}, {u"profile"_s, u"home"_s}, {u"name"_s, u"Home office"_s}}));
    // Changing the profile that isn't active leaves the plan in force alone.
    const auto changed = edit(alice,
                              {{u"type"_s, u"setProfileRule"_s},
                               {u"profile"_s, u"home"_s},
                               {u"device"_s, u"desk"_s},
                               {u"callKind"_s, u"external"_s},
                               {u"enabled"_s, false}});
    QVERIFY(changed);
    QCOMPARE(ruleIn(*changed, u"desk"_s, u"external"_s), ruleIn(*first, u"desk"_s, u"external"_s));

    const auto switched =
        edit(alice, {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"home"_s}});
    QVERIFY(switched);
    QCOMPARE(activeIn(*switched), u"home"_s);
    QCOMPARE(settingsOf(*switched).value(u"activeProfile"_s)[u"by"_s].toString(), u"user"_s);
    QCOMPARE(ruleIn(*switched, u"desk"_s, u"external"_s)[u"enabled"_s].toBool(), false);
    // A setRule now edits the home office.
    alice.sendJson({{u"type"_s, u"setRule"_s},
                    {u"id"_s, u"r-1"_s},
                    {u"device"_s, u"mobile"_s},
                    {u"callKind"_s, u"internal"_s},
                    {u"delay"_s, 40}});
    const auto ack = alice.nextOfType(u"ack"_s);
    QVERIFY(ack);

    const auto back =
        edit(alice, {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"standard"_s}});
    QVERIFY(back);
    QCOMPARE(ruleIn(*back, u"desk"_s, u"external"_s), ruleIn(*first, u"desk"_s, u"external"_s));
    QCOMPARE(ruleIn(*back, u"mobile"_s, u"internal"_s), ruleIn(*first, u"mobile"_s, u"internal"_s));
    const QJsonObject home = settingsOf(*back).value(u"profiles"_s)[1].toObject();
    QCOMPARE(home.value(u"rules"_s)[u"mobile"_s][u"internal"_s][u"delay"_s].toInt(), 40);
}

void tst_ServerProfiles::doNotDisturbRingsOnlyLockedDevices()
{
    TestClient alice;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    const auto quiet = edit(alice, {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"dnd"_s}});
    QVERIFY(quiet);
    QCOMPARE(activeIn(*quiet), u"dnd"_s);
    for (const QJsonValue &device : settingsOf(*quiet).value(u"devices"_s).toArray()) {
        const bool locked = !device[u"userConfigurable"_s].toBool();
        for (const QString &kind : {u"external"_s, u"internal"_s, u"teams"_s}) {
            const QJsonObject rule = device[u"rules"_s][kind].toObject();
            if (locked)
                QCOMPARE(rule, ruleIn(*first, device[u"id"_s].toString(), kind));
            else
                QVERIFY(!rule.value(u"enabled"_s).toBool());
        }
    }
    alice.sendJson({{u"type"_s, u"setRule"_s},
                    {u"id"_s, u"r-quiet"_s},
                    {u"device"_s, u"desk"_s},
                    {u"callKind"_s, u"external"_s},
                    {u"enabled"_s, true}});
    const auto refused = alice.next();
    QVERIFY(refused);
    QCOMPARE(refused->value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(refused->value(u"code"_s).toString(), u"invalid"_s);
    QCOMPARE(refused->value(u"id"_s).toString(), u"r-quiet"_s);

    // A device the administrator adds meanwhile is quiet too, and rings once it ends.
    QCOMPARE(m_server->admin({u"device"_s, u"add"_s, u"--user"_s, u"alice"_s, u"--id"_s,
                              u"headset"_s, u"--name"_s, u"Headset"_s, u"--kind"_s, u"softphone"_s,
                              u"--number"_s, u"202"_s}),
             0);
    const auto added = alice.nextOfType(u"snapshot"_s);
    QVERIFY(added);
    QCOMPARE(ruleIn(*added, u"headset"_s, u"external"_s)[u"enabled"_s].toBool(), false);

    const auto back =
        edit(alice, {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"standard"_s}});
    QVERIFY(back);
    QJsonArray devices = settingsOf(*back).value(u"devices"_s).toArray();
    QCOMPARE(devices.size(), 7);
    QCOMPARE(ruleIn(*back, u"headset"_s, u"external"_s)[u"enabled"_s].toBool(), true);
    devices.removeLast();
    QCOMPARE(devices, settingsOf(*first).value(u"devices"_s).toArray());
}

void tst_ServerProfiles::refusalsChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("message");
    QTest::addColumn<QString>("code");
    const QString past = utcText(QDateTime::currentDateTimeUtc().addSecs(-60));
    QTest::newRow("unknown profile")
        << QJsonObject {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"nowhere"_s}}
        << u"not_found"_s;
    QTest::newRow("profile id with a space")
        << QJsonObject {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"a b"_s}}
        << u"invalid"_s;
    QTest::newRow("until has passed") << QJsonObject {{u"type"_s, u"setActiveProfile"_s},
                                                      {u"profile"_s, u"dnd"_s},
                                                      {u"until"_s, past}}
                                      << u"invalid"_s;
    QTest::newRow("until without a zone") << QJsonObject {{u"type"_s, u"setActiveProfile"_s},
                                                          {u"profile"_s, u"dnd"_s},
                                                          {u"until"_s, u"2030-01-01T10:00:00"_s}}
                                          << u"invalid"_s;
    QTest::newRow("no schedule to follow")
        << QJsonObject {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, QJsonValue()}}
        << u"invalid"_s;
    QTest::newRow("add dnd") << QJsonObject {{u"type"_s, u"addProfile"_s},
                                             {u"profile"_s, u"dnd"_s},
                                             {u"name"_s, u"Quiet"_s}}
                             << u"invalid"_s;
    QTest::newRow("add without a name")
        << QJsonObject {{u"type"_s, u"addProfile"_s}, {u"profile"_s, u"x"_s}, {u"name"_s, u" "_s}}
        << u"invalid"_s;
    QTest::newRow("remove the active one")
        << QJsonObject {{u"type"_s, u"removeProfile"_s}, {u"profile"_s, u"standard"_s}}
        << u"invalid"_s;
    QTest::newRow("rename an unknown one") << QJsonObject {{u"type"_s, u"renameProfile"_s},
                                                           {u"profile"_s, u"elsewhere"_s},
                                                           {u"name"_s, u"X"_s}}
                                           << u"not_found"_s;
    QTest::newRow("a locked device's rule") << QJsonObject {{u"type"_s, u"setProfileRule"_s},
                                                            {u"profile"_s, u"standard"_s},
                                                            {u"device"_s, u"reception"_s},
                                                            {u"callKind"_s, u"external"_s},
                                                            {u"delay"_s, 3}}
                                            << u"locked"_s;
    QTest::newRow("another user's device") << QJsonObject {{u"type"_s, u"setProfileRule"_s},
                                                           {u"profile"_s, u"standard"_s},
                                                           {u"device"_s, u"bob-desk"_s},
                                                           {u"callKind"_s, u"external"_s},
                                                           {u"delay"_s, 3}}
                                           << u"forbidden"_s;
    QTest::newRow("a rule out of range") << QJsonObject {{u"type"_s, u"setProfileRule"_s},
                                                         {u"profile"_s, u"standard"_s},
                                                         {u"device"_s, u"desk"_s},
                                                         {u"callKind"_s, u"external"_s},
                                                         {u"timeout"_s, 9000}}
                                         << u"invalid"_s;
    QTest::newRow("Do not disturb's rules") << QJsonObject {{u"type"_s, u"setProfileRule"_s},
                                                            {u"profile"_s, u"dnd"_s},
                                                            {u"device"_s, u"desk"_s},
                                                            {u"callKind"_s, u"external"_s},
                                                            {u"delay"_s, 3}}
                                            << u"invalid"_s;
    const auto range = [](const QString &day, const QString &from, const QString &to) {
        return QJsonObject {
            {u"day"_s, day}, {u"from"_s, from}, {u"to"_s, to}, {u"profile"_s, u"standard"_s}};
    };
    QTest::newRow("overlapping ranges")
        << QJsonObject {{u"type"_s, u"setSchedule"_s},
                        {u"schedule"_s,
                         QJsonObject {{u"timeZone"_s, u"Europe/Berlin"_s},
                                      {u"week"_s,
                                       QJsonArray {range(u"mon"_s, u"08:00"_s, u"17:00"_s),
                                                   range(u"mon"_s, u"12:00"_s, u"13:00"_s)}}}}}
        << u"invalid"_s;
    QTest::newRow("a schedule of an unknown profile")
        << QJsonObject {{u"type"_s, u"setSchedule"_s},
                        {u"schedule"_s,
                         QJsonObject {{u"timeZone"_s, u"Europe/Berlin"_s},
                                      {u"otherwise"_s, u"gone"_s}}}}
        << u"invalid"_s;
    QTest::newRow("an unknown time zone")
        << QJsonObject {{u"type"_s, u"setSchedule"_s},
                        {u"schedule"_s,
                         QJsonObject {{u"timeZone"_s, u"Atlantis/Capital"_s},
                                      {u"otherwise"_s, u"standard"_s}}}}
        << u"invalid"_s;
    QTest::newRow("a schedule that is a string")
        << QJsonObject {{u"type"_s, u"setSchedule"_s}, {u"schedule"_s, u"always"_s}}
        << u"invalid"_s;
}

void tst_ServerProfiles::refusalsChangeNothing()
{
    QFETCH(QJsonObject, message);
    QFETCH(QString, code);
    TestClient alice;
    TestClient other;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    QVERIFY(other.login(m_server->url(), u"alice-demo-token"_s));
    message.insert(u"id"_s, u"bad-1"_s);
    alice.sendJson(message);
    const auto error = alice.next();
    QVERIFY(error);
    QCOMPARE(error->value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(error->value(u"code"_s).toString(), code);
    QCOMPARE(error->value(u"id"_s).toString(), u"bad-1"_s);
    QVERIFY(!error->value(u"message"_s).toString().isEmpty());
    QVERIFY(other.receivedNothingMore());
    // Still the same state, and the connection still works.
    TestClient later;
    const auto again = later.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(again);
    QCOMPARE(again->value(u"revision"_s), first->value(u"revision"_s));
    QCOMPARE(settingsOf(*again), settingsOf(*first));
    QVERIFY(edit(alice,
                 {{u"type"_s, u"addProfile"_s}, {u"profile"_s, u"ok"_s}, {u"name"_s, u"Fine"_s}}));
}

void tst_ServerProfiles::serverSwitchesWithNoClientConnected()
{
    QDateTime until;
    {
        TestClient alice;
        QVERIFY(alice.login(m_server->url(), u"alice-demo-token"_s));
        QVERIFY(edit(alice,
                     {{u"type"_s, u"addProfile"_s},
                      {u"profile"_s, u"home"_s},
                      {u"name"_s, u"Home office"_s}}));
        // The schedule says the standard plan, always; Home office by hand for a moment.
        QVERIFY(edit(alice,
                     {{u"type"_s, u"setSchedule"_s},
                      {u"schedule"_s,
                       QJsonObject {{u"timeZone"_s, u"Europe/Berlin"_s},
                                    {u"otherwise"_s, u"standard"_s}}}}));
        until = QDateTime::currentDateTimeUtc().addMSecs(1500);
        const auto away = edit(alice,
                               {{u"type"_s, u"setActiveProfile"_s},
                                {u"profile"_s, u"home"_s},
                                {u"until"_s, utcText(until)}});
        QVERIFY(away);
        QCOMPARE(activeIn(*away), u"home"_s);
        const QJsonObject override = settingsOf(*away).value(u"override"_s).toObject();
        QCOMPARE(override.value(u"profile"_s).toString(), u"home"_s);
        QCOMPARE(override.value(u"by"_s).toString(), u"user"_s);
    }
    // Nobody of Alice's is connected; an administrator watches.
    TestClient admin;
    QVERIFY(admin.open(m_server->url()));
    admin.sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"admin-demo-token"_s}});
    QVERIFY(admin.nextOfType(u"adminReady"_s));
    admin.sendJson({{u"type"_s, u"admin"_s},
                    {u"id"_s, u"w-1"_s},
                    {u"command"_s, u"user.watch"_s},
                    {u"args"_s, QJsonObject {{u"user"_s, u"alice"_s}}}});
    QVERIFY(admin.nextOfType(u"ack"_s));
    const auto changed = admin.nextOfType(u"userChanged"_s, 10000);
    QVERIFY(changed);
    QVERIFY(QDateTime::currentDateTimeUtc() >= until);
    const QJsonObject change = changed->value(u"change"_s).toObject();
    QCOMPARE(change.value(u"action"_s).toString(), u"followSchedule"_s);
    QCOMPARE(change.value(u"by"_s)[u"kind"_s].toString(), u"schedule"_s);
    QCOMPARE(changed->value(u"settings"_s)[u"activeProfile"_s][u"id"_s].toString(), u"standard"_s);

    TestClient later;
    const auto snapshot = later.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    QCOMPARE(activeIn(*snapshot), u"standard"_s);
    QCOMPARE(settingsOf(*snapshot).value(u"activeProfile"_s)[u"by"_s].toString(), u"schedule"_s);
    QVERIFY(!settingsOf(*snapshot).contains(u"override"_s));
    QCOMPARE(snapshot->value(u"revision"_s), changed->value(u"revision"_s));
}

void tst_ServerProfiles::switchDueWhileStoppedHappensAtStart()
{
    QDateTime until;
    {
        TestClient alice;
        QVERIFY(alice.login(m_server->url(), u"alice-demo-token"_s));
        QVERIFY(edit(alice,
                     {{u"type"_s, u"setSchedule"_s},
                      {u"schedule"_s,
                       QJsonObject {{u"timeZone"_s, u"America/New_York"_s},
                                    {u"otherwise"_s, u"standard"_s}}}}));
        until = QDateTime::currentDateTimeUtc().addMSecs(500);
        QVERIFY(edit(alice,
                     {{u"type"_s, u"setActiveProfile"_s},
                      {u"profile"_s, u"dnd"_s},
                      {u"until"_s, utcText(until)}}));
    }
    QCOMPARE(m_server->terminate(), 0);
    // The override ends while no server runs.
    QVERIFY(waitUntil([&] { return QDateTime::currentDateTimeUtc() > until; }, 5000));
    QVERIFY2(m_server->start(databasePath(), {u"--demo"_s}), qPrintable(m_server->errors()));
    TestClient alice;
    const auto snapshot = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    // The switch may be committed just after this hello: then it is pushed.
    if (activeIn(*snapshot) == u"dnd"_s) {
        const auto pushed = alice.nextOfType(u"snapshot"_s);
        QVERIFY(pushed);
        QCOMPARE(activeIn(*pushed), u"standard"_s);
    } else {
        QCOMPARE(activeIn(*snapshot), u"standard"_s);
    }
}

void tst_ServerProfiles::administratorSetsAndLocksTheSchedule()
{
    TestClient alice;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    // Through followme-admin, as an administrator would.
    QString output;
    QCOMPARE(m_server->admin({u"schedule"_s, u"set"_s, u"--user"_s, u"alice"_s, u"--schedule"_s,
                              u"{\"timeZone\":\"Europe/Berlin\",\"otherwise\":\"standard\"}"_s},
                             &output),
             0);
    const auto scheduled = alice.nextOfType(u"snapshot"_s);
    QVERIFY(scheduled);
    QCOMPARE(settingsOf(*scheduled).value(u"schedule"_s)[u"timeZone"_s].toString(),
             u"Europe/Berlin"_s);
    QCOMPARE(m_server->admin(
                 {u"profile"_s, u"activate"_s, u"--user"_s, u"alice"_s, u"--profile"_s, u"dnd"_s}),
             0);
    const auto quiet = alice.nextOfType(u"snapshot"_s);
    QVERIFY(quiet);
    QCOMPARE(activeIn(*quiet), u"dnd"_s);
    QCOMPARE(settingsOf(*quiet).value(u"activeProfile"_s)[u"by"_s].toString(), u"admin"_s);
    QCOMPARE(m_server->admin({u"schedule"_s, u"lock"_s, u"--user"_s, u"alice"_s}), 0);
    const auto locked = alice.nextOfType(u"snapshot"_s);
    QVERIFY(locked);
    QVERIFY(settingsOf(*locked).value(u"scheduleLocked"_s).toBool());

    // Now the user can neither choose over the schedule nor change it; naming a profile works.
    for (const QJsonObject &message :
         {QJsonObject {{u"type"_s, u"setActiveProfile"_s}, {u"profile"_s, u"standard"_s}},
          QJsonObject {{u"type"_s, u"setSchedule"_s}, {u"schedule"_s, QJsonValue()}}}) {
        QJsonObject edit = message;
        edit.insert(u"id"_s, u"locked-1"_s);
        alice.sendJson(edit);
        const auto refused = alice.next();
        QVERIFY(refused);
        QCOMPARE(refused->value(u"code"_s).toString(), u"locked"_s);
    }
    QVERIFY(edit(alice,
                 {{u"type"_s, u"renameProfile"_s},
                  {u"profile"_s, u"standard"_s},
                  {u"name"_s, u"Office"_s}}));

    QCOMPARE(m_server->admin({u"profile"_s, u"list"_s, u"--user"_s, u"alice"_s}, &output), 0);
    QVERIFY2(output.contains(u"dnd\tDo not disturb\tactive"_s), qPrintable(output));
    QVERIFY2(output.contains(u"standard\tOffice"_s), qPrintable(output));
    QVERIFY2(output.contains(u"the schedule is locked"_s), qPrintable(output));
    // Refusals of the tool change nothing.
    QString errors;
    QVERIFY(m_server->admin({u"profile"_s, u"activate"_s, u"--user"_s, u"alice"_s, u"--profile"_s,
                             u"nowhere"_s},
                            nullptr, &errors)
            != 0);
    QVERIFY2(errors.contains(u"not_found"_s), qPrintable(errors));
    QVERIFY(m_server->admin({u"schedule"_s, u"set"_s, u"--user"_s, u"alice"_s, u"--schedule"_s,
                             u"{\"timeZone\":\"Mars/Olympus\"}"_s},
                            nullptr, &errors)
            != 0);
    QVERIFY(alice.receivedNothingMore());
    QCOMPARE(m_server->admin({u"schedule"_s, u"unlock"_s, u"--user"_s, u"alice"_s}), 0);
    QVERIFY(alice.nextOfType(u"snapshot"_s));
    QCOMPARE(m_server->admin({u"schedule"_s, u"follow"_s, u"--user"_s, u"alice"_s}), 0);
    const auto followed = alice.nextOfType(u"snapshot"_s);
    QVERIFY(followed);
    QCOMPARE(activeIn(*followed), u"standard"_s);
    QCOMPARE(settingsOf(*followed).value(u"activeProfile"_s)[u"by"_s].toString(), u"schedule"_s);
}

QTEST_GUILESS_MAIN(tst_ServerProfiles)
#include "tst_serverprofiles.moc"
