#include "ConnectionPage.h"
#include "MemoryCredentialStore.h"
#include "SettingsDocument.h"
#include "SyncClient.h"
#include "Translator.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestConnectionPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FollowMeTests"_s);
        QCoreApplication::setApplicationName(u"tst_connectionpage"_s);
        // As the app does: English too has a translation, for its plural forms.
        QVERIFY(m_translator.install(QLocale(QLocale::English)));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_document = std::make_unique<SettingsDocument>();
        m_client = std::make_unique<SyncClient>(m_document.get(), m_dir->filePath(u"o.json"_s),
                                                m_dir->filePath(u"c.json"_s));
        m_client->setReconnectPolicy(ReconnectPolicy(5s, 5s, 30s, [] { return 1.0; }));
        m_page = std::make_unique<ConnectionPage>(m_client.get(), &m_credentials);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup()
    {
        m_page.reset();
        m_client.reset();
        m_document.reset();
        m_dir.reset();
    }

    void refusesAnAddressThatIsNotWebSocket()
    {
        m_page->serverEdit()->setText(u"http://example.invalid/"_s);
        QTest::mouseClick(m_page->connectButton(), Qt::LeftButton);
        QVERIFY(m_page->stateLabel()->text().contains(u"ws://"_s));
        QCOMPARE(m_client->state(), SyncClient::State::Offline);
    }

    void storesTheTokenAndShowsTheCountdown()
    {
        // A port nobody listens on: the attempt fails and the client waits to retry.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();

        QSignalSpy statuses(m_page.get(), &ConnectionPage::statusTextChanged);
        m_page->serverEdit()->setText(u"ws://127.0.0.1:%1/"_s.arg(port));
        m_page->tokenEdit()->setFocus();
        QTest::keyClicks(m_page->tokenEdit(), u"secret-token"_s);
        QTest::keyClick(m_page->tokenEdit(), Qt::Key_Return);
        QVERIFY(m_page->tokenEdit()->text().isEmpty()); // not left in the field
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QTRY_VERIFY(m_page->stateLabel()->text().startsWith(u"Reconnecting in 5 seconds"_s));
        QVERIFY(statuses.count() > 0);
        QVERIFY(m_page->disconnectButton()->isEnabled());

        QSignalSpy loaded(&m_credentials, &CredentialStore::loaded);
        m_credentials.load(ConnectionPage::tokenAccount(m_client->server()));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.constFirst().at(1).toString(), u"secret-token"_s);

        QTest::mouseClick(m_page->disconnectButton(), Qt::LeftButton);
        QCOMPARE(m_client->state(), SyncClient::State::Offline);
        QVERIFY(m_page->stateLabel()->text().startsWith(u"Offline"_s));
    }

    // A token belongs to its server: switching servers must not send the old token along.
    void anotherServerGetsItsOwnToken()
    {
        m_page->serverEdit()->setText(u"ws://127.0.0.1:1/"_s);
        m_page->tokenEdit()->setText(u"token-for-one"_s);
        QTest::mouseClick(m_page->connectButton(), Qt::LeftButton);
        QVERIFY(m_client->hasToken());
        m_page->disconnectButton()->click();

        m_page->serverEdit()->setText(u"ws://127.0.0.1:2/"_s);
        QTest::mouseClick(m_page->connectButton(), Qt::LeftButton);
        QVERIFY(!m_client->hasToken());
        QTRY_VERIFY(m_page->stateLabel()->text().contains(u"token for this server"_s));
        QCOMPARE(m_client->state(), SyncClient::State::Offline);

        // Back on the first server, its stored token is used again.
        m_page->serverEdit()->setText(u"ws://127.0.0.1:1/"_s);
        QTest::mouseClick(m_page->connectButton(), Qt::LeftButton);
        QTRY_VERIFY(m_client->hasToken());
        QTRY_VERIFY(m_client->state() != SyncClient::State::Offline);
    }

    void everyFieldHasAnAccessibleNameAndABuddy()
    {
        QVERIFY(!m_page->serverEdit()->accessibleName().isEmpty());
        QVERIFY(!m_page->tokenEdit()->accessibleName().isEmpty());
        QCOMPARE(m_page->tokenEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(m_page->windowTitle(), u"Connection"_s);
    }

private:
    Translator m_translator;
    MemoryCredentialStore m_credentials;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<ConnectionPage> m_page;
};

QTEST_MAIN(TestConnectionPage)
#include "tst_connectionpage.moc"
