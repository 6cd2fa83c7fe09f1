// SPDX-License-Identifier: GPL-3.0-or-later
// The client as it starts for real (app/ClientSession) against the real followme-server on
// 127.0.0.1: the window opens once the server's settings are in, and what the first snapshot
// has to say (the administrator's changes since the cache) reaches it although it came first.

#include "AdminCommand.h"
#include "ClientSession.h"
#include "DeviceRuleModel.h"
#include "FollowMePage.h"
#include "NoticeBar.h"
#include "ServerProcess.h"
#include "SettingsWindow.h"
#include "SyncClient.h"
#include "Translator.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestClientSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The session's cache, outbox and settings go into folders of the test's own.
        QVERIFY(m_home.isValid());
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            qputenv(name, m_home.filePath(QString::fromLatin1(name)).toLocal8Bit());
        m_server = std::make_unique<ServerProcess>(QStringLiteral(FOLLOWME_SERVER_EXECUTABLE),
                                                   m_home.filePath(u"server.db"_s));
        QVERIFY(m_server->start());
    }

    void theWindowOpensOnTheServersSettings()
    {
        Translator translator;
        ClientSession session(&translator, m_server->url(), u"alice-demo-token"_s);
        session.setFirstSettingsDeadline(60s); // however slow the machine (a sanitizer build)
        QSignalSpy opened(&session, &ClientSession::windowOpened);
        int devicesWhenOpened = -1;
        connect(&session, &ClientSession::windowOpened, this, [&] {
            SettingsWindow *window = session.window();
            devicesWhenOpened = int(session.document()->settings().devices.size());
            QCOMPARE(session.syncClient()->state(), SyncClient::State::Connected);
            QVERIFY(window->isVisible());
        });
        session.start();
        QCOMPARE(session.window(), nullptr);
        QTRY_COMPARE(opened.count(), 1);
        QVERIFY(devicesWhenOpened > 0);
        QCOMPARE(session.window()->followMePage()->model()->rowCount(), devicesWhenOpened);
    }

    // The cache of a first session says the desk phone is the user's to change; meanwhile the
    // administrator locks it. The snapshot that says so comes before the window opens.
    void aNoticeOfTheFirstSnapshotReachesTheWindow()
    {
        Translator translator;
        {
            ClientSession first(&translator, m_server->url(), u"alice-demo-token"_s);
            first.start();
            QTRY_COMPARE(first.syncClient()->state(), SyncClient::State::Connected);
            QVERIFY(first.syncClient()->confirmedAt().isValid()); // and cached
        }
        QVERIFY(runAdmin({u"device"_s, u"lock"_s, u"--device"_s, u"desk"_s}));
        ClientSession session(&translator, m_server->url(), u"alice-demo-token"_s);
        session.setFirstSettingsDeadline(60s);
        QSignalSpy opened(&session, &ClientSession::windowOpened);
        session.start();
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(session.syncClient()->state(), SyncClient::State::Connected);
        const QStringList notices = session.window()->noticeBar()->notices();
        QVERIFY2(notices.contains(u"Desk phone is now managed by your administrator."_s),
                 qPrintable(notices.join(u" | "_s)));
    }

    // A server that takes the connection and never answers: the window opens at the deadline
    // and says it is connecting.
    void aSilentServerDelaysTheWindowByTheDeadlineOnly()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Translator translator;
        ClientSession session(&translator, QUrl(u"ws://127.0.0.1:%1/"_s.arg(silent.serverPort())),
                              u"alice-demo-token"_s);
        session.setFirstSettingsDeadline(200ms);
        QSignalSpy opened(&session, &ClientSession::windowOpened);
        session.start();
        QCOMPARE(opened.count(), 0);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(session.syncClient()->state(), SyncClient::State::Connecting);
        QVERIFY(session.window()->isVisible());
    }

private:
    bool runAdmin(const QStringList &arguments)
    {
        return runAdminCommand(QStringLiteral(FOLLOWME_ADMIN_EXECUTABLE), m_server->url(),
                               arguments);
    }

    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;
};

QTEST_MAIN(TestClientSession)
#include "tst_clientsession.moc"
