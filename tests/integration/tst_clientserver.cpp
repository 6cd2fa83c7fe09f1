#include "AdminCommand.h"
#include "ChangeHistory.h"
#include "ChangeListModel.h"
#include "ChangesPage.h"
#include "DeviceRulesView.h"
#include "ElidingComboBox.h"
#include "FirstSettingsWait.h"
#include "FollowMePage.h"
#include "PostgresCluster.h"
#include "ProfileBar.h"
#include "ReverseProxy.h"
#include "ServerProcess.h"
#include "SettingsDocument.h"
#include "SyncClient.h"
#include "ToggleSwitch.h"

#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The desktop client against the real followme-server binary over a real socket on 127.0.0.1.
// As tst_clientserver_cluster (FOLLOWME_TEST_CLUSTER set) the same cases run against two servers
// on one PostgreSQL database with HAProxy in front, both started by the test: the proxy takes
// turns, so the clients (and followme-admin) of a case are spread over the two servers, and
// each sees what was done on the other.
class TestClientServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!cluster())
            return;
        m_postgres = std::make_unique<PostgresCluster>();
        QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errors()));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!cluster()) {
            m_server = std::make_unique<ServerProcess>(QStringLiteral(FOLLOWME_SERVER_EXECUTABLE),
                                                       m_dir->filePath(u"server.db"_s));
            QVERIFY(m_server->start());
            return;
        }
        const QString name = u"db%1"_s.arg(++m_databases);
        QVERIFY2(m_postgres->createDatabase(name), qPrintable(m_postgres->errors()));
        for (auto *server : {&m_server, &m_second}) {
            *server = std::make_unique<ServerProcess>(QStringLiteral(FOLLOWME_SERVER_EXECUTABLE),
                                                      m_postgres->url(name));
            QVERIFY((*server)->start()); // the first one seeds the demo users
        }
        m_proxy = std::make_unique<ReverseProxy>();
        QVERIFY2(m_proxy->start({m_server->port(), m_second->port()}),
                 qPrintable(m_proxy->errors()));
    }
    void cleanup()
    {
        m_clients.clear();
        m_documents.clear();
        m_proxy.reset();
        m_second.reset();
        m_server.reset();
        m_dir.reset();
    }

    void twoClientsOfOneUserSeeEachOthersEdits()
    {
        SettingsDocument &first = addClient(u"a"_s);
        SettingsDocument &second = addClient(u"b"_s);
        QVERIFY(!first.setRule(u"desk"_s, CallKind::Internal, {true, 7, 33}));
        QTRY_COMPARE(second.settings().device(u"desk"_s)->rule(CallKind::Internal),
                     (RingRule {true, 7, 33}));
        QTRY_COMPARE(m_clients.at(0)->pendingEditCount(), 0);

        QVERIFY(!second.setControlledDevice(u"dect"_s));
        QTRY_COMPARE(first.settings().controlledDeviceId, u"dect"_s);
        QCOMPARE(m_clients.at(0)->revision(), m_clients.at(1)->revision());
        // "No device" too: it travels as null.
        QVERIFY(!first.setControlledDevice(QString()));
        QTRY_COMPARE(second.settings().controlledDeviceId, QString());
        QTRY_COMPARE(m_clients.at(0)->pendingEditCount(), 0);
    }

    // Profiles over the real server: one client makes a profile and turns Do not disturb on in
    // its page; the other client's page shows it, its rules are off but the locked reception
    // phone's, and turning it off brings the plan back on both.
    void profilesAndDoNotDisturbReachTheOtherClient()
    {
        SettingsDocument &first = addClient(u"a"_s);
        SettingsDocument &second = addClient(u"b"_s);
        FollowMePage page(&first);
        FollowMePage other(&second);
        const FollowMeSettings before = first.settings();
        page.profileBar()->addProfile(u"Home office"_s);
        QTRY_VERIFY(second.settings().profile(u"home-office"_s));
        QTRY_COMPARE(m_clients.at(0)->pendingEditCount(), 0);

        page.profileBar()->doNotDisturbFor(60);
        QVERIFY(first.settings().doNotDisturb());
        QTRY_VERIFY(second.settings().doNotDisturb());
        QCOMPARE(other.profileBar()->picker()->currentText(), u"Do not disturb"_s);
        QVERIFY(!second.settings().device(u"desk"_s)->rule(CallKind::External).enabled);
        QCOMPARE(second.settings().device(u"reception"_s)->rules,
                 before.device(u"reception"_s)->rules);
        // Its rules are no plan to edit, here as on the server.
        QVERIFY(second.setRule(u"desk"_s, CallKind::External, {true, 0, 20}));
        QTRY_COMPARE(m_clients.at(0)->pendingEditCount(), 0);

        page.editor()->undo();
        QTRY_VERIFY(!second.settings().doNotDisturb());
        QTRY_COMPARE(m_clients.at(0)->pendingEditCount(), 0);
        QCOMPARE(second.settings().devices, before.devices);
        QCOMPARE(first.settings(), second.settings());
        QCOMPARE(m_clients.at(0)->revision(), m_clients.at(1)->revision());
    }

    void adminLockGreysTheRowOutEvenWhileItsSpinnerHasFocus()
    {
        SettingsDocument &document = addClient(u"a"_s);
        FollowMePage page(&document);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const int row = document.settings().indexOf(u"desk"_s);
        QSpinBox *delay = page.rulesView()->delaySpinBox(row);
        delay->setFocus();
        QTRY_VERIFY(delay->hasFocus());
        QVERIFY(delay->isEnabled());
        QSignalSpy notices(m_clients.front().get(), &SyncClient::notice);

        QVERIFY(runAdmin({u"device"_s, u"lock"_s, u"--device"_s, u"desk"_s}));
        QTRY_VERIFY(!page.rulesView()->delaySpinBox(row)->isEnabled());
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.constFirst().constFirst().toString(),
                 u"Desk phone is now managed by your administrator."_s);
        QVERIFY(!page.rulesView()->enabledSwitch(row)->isEnabled());
        QVERIFY(document.settings().device(u"desk"_s)->isLocked());
        // A key press on the greyed-out spinner changes nothing.
        QTest::keyClick(page.rulesView()->delaySpinBox(row), Qt::Key_Up);
        QCOMPARE(document.settings().device(u"desk"_s)->rule(CallKind::External).delay, 0);
    }

    // What the administrator changes is listed on the Changes page at once, with who and
    // from where; the user's own edits are not; a client that connects later gets the list in
    // its snapshot.
    void adminChangesAreListedForTheUser()
    {
        SettingsDocument &document = addClient(u"a"_s);
        SyncClient &client = *m_clients.front();
        ChangesPage page(client.changeHistory(), &document);
        QVERIFY(client.changeHistory()->entries().isEmpty());
        // Another session of the user's own: not someone else.
        SettingsDocument &own = addClient(u"b"_s);
        QVERIFY(!own.setRule(u"mobile"_s, CallKind::External, {true, 3, 20}));
        QTRY_COMPARE(document.settings().device(u"mobile"_s)->rule(CallKind::External).delay, 3);

        QVERIFY(runAdmin({u"device"_s, u"set-rule"_s, u"--device"_s, u"desk"_s, u"--kind"_s,
                          u"internal"_s, u"--delay"_s, u"7"_s}));
        QTRY_COMPARE(client.changeHistory()->entries().size(), 1);
        const AuditEntry &entry = client.changeHistory()->entries().constFirst();
        QCOMPARE(entry.by.kind, AuditEntry::ActorKind::Admin);
        QCOMPARE(entry.by.from, u"127.0.0.1"_s);
        QCOMPARE(page.model()->index(0, ChangeListModel::Change).data().toString(),
                 u"Desk phone, Internal calls: delay from 0\u00a0s to 7\u00a0s."_s);

        // A lock comes as a snapshot: its list holds both, newest first.
        QVERIFY(runAdmin({u"device"_s, u"lock"_s, u"--device"_s, u"mobile"_s}));
        QTRY_COMPARE(client.changeHistory()->entries().size(), 2);
        QCOMPARE(page.model()->index(0, ChangeListModel::Change).data().toString(),
                 u"Locked Mobile app: only your administrator can change it now."_s);

        SettingsDocument &later = addClient(u"c"_s);
        Q_UNUSED(later);
        QCOMPARE(m_clients.back()->changeHistory()->entries().size(), 2);
        QTRY_VERIFY(own.settings().device(u"mobile"_s)->isLocked());
    }

    void serverRestartMidSessionLosesNoEdit()
    {
        SettingsDocument &document = addClient(u"a"_s);
        SyncClient &client = *m_clients.front();
        // All of them: nothing is left to connect to.
        QVERIFY2(m_server->stop(), "the server did not exit cleanly");
        if (m_second)
            QVERIFY2(m_second->stop(), "the second server did not exit cleanly");
        QTRY_COMPARE(client.state(), SyncClient::State::WaitingToReconnect);

        // Edits made while the server is gone show at once and wait in the outbox.
        QVERIFY(!document.setRule(u"mobile"_s, CallKind::External, {true, 12, 40}));
        QVERIFY(!document.setRule(u"dect"_s, CallKind::Teams, {false, 10, 20}));
        QCOMPARE(client.pendingEditCount(), 2);

        QVERIFY(m_server->start(false));
        if (m_second)
            QVERIFY(m_second->start(false));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), SyncClient::State::Connected, 10000);
        QTRY_COMPARE(client.pendingEditCount(), 0);

        // A fresh client sees both: the server has them.
        SettingsDocument &other = addClient(u"c"_s);
        QCOMPARE(other.settings().device(u"mobile"_s)->rule(CallKind::External),
                 (RingRule {true, 12, 40}));
        QVERIFY(!other.settings().device(u"dect"_s)->rule(CallKind::Teams).enabled);
    }

    // SIGKILL of the server the client is connected to, one edit acknowledged and one maybe
    // not: the client connects again (to the same server restarted; in the cluster, through
    // the proxy to the other server at once) and every edit is there, made once.
    void aServerKilledUnderTheClientLosesNoEdit()
    {
        if (cluster()) {
            // A proxy that sends everyone to the first server that is up: the one killed below.
            m_proxy = std::make_unique<ReverseProxy>();
            QVERIFY2(
                m_proxy->start({m_server->port(), m_second->port()}, ReverseProxy::Balance::First),
                qPrintable(m_proxy->errors()));
        }
        SettingsDocument &document = addClient(u"a"_s);
        SyncClient &client = *m_clients.front();
        QVERIFY(!document.setRule(u"mobile"_s, CallKind::External, {true, 14, 30}));
        QTRY_COMPARE(client.pendingEditCount(), 0);
        const qint64 acknowledged = client.revision();
        QVERIFY(!document.setRule(u"desk"_s, CallKind::Internal, {true, 6, 25}));
        m_server->kill();
        QVERIFY(!document.setRule(u"dect"_s, CallKind::Teams, {true, 2, 15}));
        if (!cluster())
            QVERIFY(m_server->start(false));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), SyncClient::State::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingEditCount(), 0, 15000);
        // Two more revisions, not three: none made twice.
        QCOMPARE(client.revision(), acknowledged + 2);

        SettingsDocument &other = addClient(u"c"_s);
        QCOMPARE(other.settings().device(u"mobile"_s)->rule(CallKind::External),
                 (RingRule {true, 14, 30}));
        QCOMPARE(other.settings().device(u"desk"_s)->rule(CallKind::Internal),
                 (RingRule {true, 6, 25}));
        QCOMPARE(other.settings().device(u"dect"_s)->rule(CallKind::Teams),
                 (RingRule {true, 2, 15}));
    }

    // followme-admin --db beside the running server: on SQLite its change is not pushed, and
    // the client's next edit is acknowledged with a revision past it. The client is not left
    // believing it has that revision without the change: it shows both, without connecting
    // again.
    void aChangeOfTheAdminToolIsNotHiddenByTheNextAck()
    {
        SettingsDocument &document = addClient(u"a"_s);
        SyncClient &client = *m_clients.front();
        QSignalSpy states(&client, &SyncClient::stateChanged);
        QProcess tool;
        tool.start(QStringLiteral(FOLLOWME_ADMIN_EXECUTABLE),
                   {u"--db"_s, m_server->databasePath(), u"device"_s, u"set-rule"_s, u"--device"_s,
                    u"desk"_s, u"--kind"_s, u"internal"_s, u"--delay"_s, u"8"_s});
        QVERIFY(tool.waitForFinished(20000));
        QCOMPARE(tool.exitCode(), 0);
        QVERIFY(!document.setRule(u"mobile"_s, CallKind::External, {true, 4, 20}));
        QTRY_COMPARE(client.pendingEditCount(), 0);
        QTRY_COMPARE(document.settings().device(u"desk"_s)->rule(CallKind::Internal).delay, 8);
        QCOMPARE(document.settings().device(u"mobile"_s)->rule(CallKind::External).delay, 4);
        QCOMPARE(client.state(), SyncClient::State::Connected);
        QVERIFY(states.isEmpty());
    }

    void theFirstSettingsAreReadyOnceTheServersAreIn()
    {
        SettingsDocument document;
        SyncClient &client = connectingClient(&document, serverUrl());
        FirstSettingsWait wait(&client, 60s);
        QSignalSpy ready(&wait, &FirstSettingsWait::ready);
        qsizetype devicesWhenReady = -1;
        connect(&wait, &FirstSettingsWait::ready, this, [&] {
            devicesWhenReady = document.settings().devices.size();
            QCOMPARE(client.state(), SyncClient::State::Connected);
        });
        wait.start();
        QCOMPARE(ready.count(), 0);
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(devicesWhenReady > 0);
        // Once: later changes of the link say nothing more.
        client.disconnectFromServer();
        QTRY_VERIFY(client.state() != SyncClient::State::Connected);
        QCoreApplication::processEvents();
        QCOMPARE(ready.count(), 1);
    }

    void aSilentServerHoldsTheFirstSettingsBackUntilTheDeadlineOnly()
    {
        // Takes the connection and never answers the handshake.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        SettingsDocument document;
        SyncClient &client =
            connectingClient(&document, QUrl(u"ws://127.0.0.1:%1/"_s.arg(silent.serverPort())));
        FirstSettingsWait wait(&client, 100ms);
        QSignalSpy ready(&wait, &FirstSettingsWait::ready);
        wait.start();
        QCOMPARE(ready.count(), 0);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(client.state(), SyncClient::State::Connecting);
    }

    void anUnreachableServerMakesTheFirstSettingsReadyWhenTheLinkGivesUp()
    {
        QTcpServer closed; // a port that was free a moment ago, and is again
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl url(u"ws://127.0.0.1:%1/"_s.arg(closed.serverPort()));
        closed.close();
        SettingsDocument document;
        SyncClient &client = connectingClient(&document, url);
        FirstSettingsWait wait(&client, 600s);
        QSignalSpy ready(&wait, &FirstSettingsWait::ready);
        wait.start();
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(client.state() != SyncClient::State::Connecting);
    }

private:
    static bool cluster() { return qEnvironmentVariableIsSet("FOLLOWME_TEST_CLUSTER"); }
    // Where the clients connect: the server, or the proxy in front of both.
    QUrl serverUrl() const { return m_proxy ? m_proxy->url() : m_server->url(); }

    // A client told to connect, not yet connected.
    SyncClient &connectingClient(SettingsDocument *document, const QUrl &url)
    {
        const QString name = u"c%1"_s.arg(m_clients.size());
        m_clients.push_back(std::make_unique<SyncClient>(document,
                                                         m_dir->filePath(name + u"-outbox.json"_s),
                                                         m_dir->filePath(name + u"-cache.json"_s)));
        SyncClient &client = *m_clients.back();
        client.setServer(url);
        client.setToken(u"alice-demo-token"_s);
        client.setReconnectPolicy(ReconnectPolicy(50ms, 200ms, 10s, [] { return 0.5; }));
        client.connectToServer();
        return client;
    }

    SettingsDocument &addClient(const QString &name)
    {
        auto document = std::make_unique<SettingsDocument>();
        auto client =
            std::make_unique<SyncClient>(document.get(), m_dir->filePath(name + u"-outbox.json"_s),
                                         m_dir->filePath(name + u"-cache.json"_s));
        client->setServer(serverUrl());
        client->setToken(u"alice-demo-token"_s);
        client->setSendDelay(10ms);
        client->setReconnectPolicy(ReconnectPolicy(50ms, 200ms, 10s, [] { return 0.5; }));
        client->connectToServer();
        [&] {
            QTRY_COMPARE(client->state(), SyncClient::State::Connected);
        }();
        m_clients.push_back(std::move(client));
        m_documents.push_back(std::move(document));
        return *m_documents.back();
    }
    bool runAdmin(const QStringList &arguments)
    {
        return runAdminCommand(QStringLiteral(FOLLOWME_ADMIN_EXECUTABLE), serverUrl(), arguments);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PostgresCluster> m_postgres; // the cluster's
    int m_databases = 0;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ServerProcess> m_second; // the cluster's
    std::unique_ptr<ReverseProxy> m_proxy; // the cluster's
    std::vector<std::unique_ptr<SettingsDocument>> m_documents;
    std::vector<std::unique_ptr<SyncClient>> m_clients;
};

QTEST_MAIN(TestClientServer)
#include "tst_clientserver.moc"
