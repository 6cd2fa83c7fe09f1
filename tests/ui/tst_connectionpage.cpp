#include "Connection.h"
#include "ConnectionPage.h"
#include "ConnectionStatus.h"
#include "ElidingLabel.h"
#include "KeychainCredentialStore.h"
#include "RecordingServer.h"
#include "ScriptedCredentialStore.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "SyncClient.h"
#include "Translator.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Settings > Connection and the connection in the status bar, driven as the user does; widgets
// are found by their objectName.
class TestConnectionPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // No Secret Service: the real store must fall back to its file (see noKeychain...).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/followme-test-bus");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FollowMeTests"_s);
        QCoreApplication::setApplicationName(u"tst_connectionpage"_s);
        // As the app does: English too has a translation, for its plural forms.
        QVERIFY(m_translator.install(QLocale(QLocale::English)));
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_document = std::make_unique<SettingsDocument>();
    }
    void cleanup()
    {
        m_window.reset();
        m_page.reset();
        m_connection.reset();
        m_document.reset();
        m_dir.reset();
        QSettings().clear();
    }

    void refusesAnAddressThatIsNotWebSocket()
    {
        showPage(std::make_unique<ScriptedCredentialStore>());
        serverEdit()->setText(u"http://example.invalid/"_s);
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QVERIFY(stateLabel()->text().contains(u"ws://"_s));
        QCOMPARE(m_connection->syncClient()->state(), SyncClient::State::Offline);
    }

    void storesTheTokenAndShowsTheCountdown()
    {
        // A port nobody listens on: the attempt fails and the client waits to retry.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();

        auto *store = showPage(std::make_unique<ScriptedCredentialStore>());
        serverEdit()->setText(u"ws://127.0.0.1:%1/"_s.arg(port));
        tokenEdit()->setFocus();
        QTest::keyClicks(tokenEdit(), u"secret-token"_s);
        QTest::keyClick(tokenEdit(), Qt::Key_Return);
        QVERIFY(tokenEdit()->text().isEmpty()); // not left in the field
        QTRY_COMPARE(m_connection->status(), Connection::Status::WaitingToReconnect);
        QTRY_VERIFY(stateLabel()->text().contains(u"Reconnecting in 5 seconds"_s));
        QVERIFY(stateLabel()->text().contains(u"can't be reached"_s));
        QVERIFY(disconnectButton()->isEnabled());
        QCOMPARE(store->secrets.value(Connection::tokenAccount(m_connection->server())),
                 u"secret-token"_s);
        QTRY_COMPARE(tokenNote()->text(), u"Stored in your system's keychain."_s);
        QCOMPARE(tokenEdit()->placeholderText(), u"Stored — type to replace"_s);

        QTest::mouseClick(disconnectButton(), Qt::LeftButton);
        QCOMPARE(m_connection->syncClient()->state(), SyncClient::State::Offline);
        QVERIFY(stateLabel()->text().startsWith(u"Offline: disconnected from 127.0.0.1"_s));
    }

    // A token belongs to its server: switching servers must not send the old token along.
    void anotherServerGetsItsOwnToken()
    {
        RecordingServer one;
        RecordingServer two;
        one.validToken = u"token-for-one"_s;
        auto *store = showPage(std::make_unique<ScriptedCredentialStore>());
        store->holdLoads = false;
        serverEdit()->setText(one.url().toString());
        tokenEdit()->setText(u"token-for-one"_s);
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);

        serverEdit()->setText(two.url().toString());
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QTRY_COMPARE(m_connection->status(), Connection::Status::NoToken);
        QVERIFY(stateLabel()->text().contains(u"no token for 127.0.0.1"_s));
        QCOMPARE(tokenNote()->text(), u"No token is stored for this server."_s);
        QCOMPARE(tokenEdit()->placeholderText(), u"Your access token"_s);
        QCOMPARE(m_page->focusWidget(), tokenEdit());
        QCOMPARE(two.connections, 0);

        // Back on the first server, its stored token is used again.
        serverEdit()->setText(one.url().toString());
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(one.tokens, (QStringList {u"token-for-one"_s, u"token-for-one"_s}));
        QVERIFY(two.tokens.isEmpty());
    }

    // FOLLOWME_TOKEN: used for this run, and the page does not pretend it is stored.
    void environmentTokenIsDescribedAsNotStored()
    {
        RecordingServer server;
        server.validToken = u"env-token"_s;
        auto *store =
            showPage(std::make_unique<ScriptedCredentialStore>(), server.url(), u"env-token"_s);
        m_connection->start();
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, QStringList {u"env-token"_s});
        QVERIFY(tokenNote()->text().contains(u"environment (FOLLOWME_TOKEN)"_s));
        QVERIFY(tokenNote()->text().contains(u"not stored"_s));
        QVERIFY(!tokenNote()->text().contains(u"Stored"_s));
        QVERIFY(!tokenEdit()->placeholderText().contains(u"Stored"_s));
        QVERIFY(store->stores.isEmpty());
        QVERIFY(store->loads.isEmpty());
    }

    // No keychain: the page says plainly which file holds the token.
    void noKeychainShowsTheFallbackFile()
    {
        RecordingServer server;
        server.validToken = u"typed-token"_s;
        const QString path = m_dir->filePath(u"config/tokens.json"_s);
        showPage(std::make_unique<KeychainCredentialStore>(path));
        serverEdit()->setText(server.url().toString());
        tokenEdit()->setText(u"typed-token"_s);
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QTRY_COMPARE(m_connection->tokenSource(), Connection::TokenSource::File);
        QCOMPARE(tokenNote()->text(),
                 u"Stored in a file only you can read: %1 — no keychain is available."_s.arg(
                     QDir::toNativeSeparators(path)));
        QCOMPARE(tokenEdit()->placeholderText(), u"Stored — type to replace"_s);
        QVERIFY(QFile::exists(path));
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
    }

    // Neither keychain nor file: a failure, never "Stored".
    void aTokenThatCanNotBeStoredIsShownAsAFailure()
    {
        QFile blocker(m_dir->filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        showPage(std::make_unique<KeychainCredentialStore>(
            m_dir->filePath(u"blocker/config/tokens.json"_s)));
        QSignalSpy tokenChanges(m_connection.get(), &Connection::tokenChanged);
        serverEdit()->setText(u"ws://127.0.0.1:1/"_s);
        tokenEdit()->setText(u"typed-token"_s);
        QTest::mouseClick(connectButton(), Qt::LeftButton);
        QTRY_COMPARE(m_connection->tokenSource(), Connection::TokenSource::Session);
        QVERIFY(tokenNote()->text().startsWith(u"The token could not be stored ("_s));
        QVERIFY(tokenNote()->text().endsWith(u"it is used for this session only."_s));
        QVERIFY(!tokenNote()->text().contains(u"Stored"_s));
        QVERIFY(!tokenEdit()->placeholderText().contains(u"Stored"_s));
        QVERIFY(tokenNote()->font().bold());
    }

    // The status bar: "Retry now" only while waiting, and it tries at once; every reason shown.
    void statusBarOffersRetryNowWhileWaiting()
    {
        RecordingServer server;
        server.dropConnections = true;
        auto *store = showPage(std::make_unique<ScriptedCredentialStore>());
        store->holdLoads = false;
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        m_window->setSourceWidget(new ConnectionStatus(m_connection.get()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *retry = m_window->statusBar()->findChild<QPushButton *>(u"retryNowButton"_s);
        auto *text = m_window->statusBar()->findChild<ElidingLabel *>(u"connectionStatusText"_s);
        QVERIFY(retry && text);
        QVERIFY(text->isVisible());
        QVERIFY(!retry->isVisible());
        QCOMPARE(text->fullText(), u"Offline: no server is set"_s);

        m_connection->connectTo(server.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::NoToken);
        QCOMPARE(text->fullText(), u"Offline: no token for 127.0.0.1"_s);
        QVERIFY(!retry->isVisible());

        m_connection->connectTo(server.url(), u"good-token"_s);
        QTRY_COMPARE(m_connection->status(), Connection::Status::WaitingToReconnect);
        QTRY_VERIFY(retry->isVisible());
        QCOMPARE(retry->text(), u"Retry now"_s);
        QVERIFY(retry->focusPolicy() & Qt::TabFocus);
        QVERIFY(text->fullText().startsWith(u"Offline: 127.0.0.1 can't be reached"_s));
        QVERIFY2(text->fullText().contains(QRegularExpression(u"Reconnecting in [45] seconds"_s)),
                 qPrintable(text->fullText()));

        // With the keyboard: the button takes focus and Space presses it.
        const int attempts = server.connections;
        server.dropConnections = false;
        retry->setFocus();
        QTRY_VERIFY(retry->hasFocus());
        QTest::keyClick(retry, Qt::Key_Space);
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.connections, attempts + 1);
        QTRY_VERIFY(!retry->isVisible());
        QVERIFY(text->fullText().startsWith(u"Connected to 127.0.0.1 as Alice"_s));

        server.validToken = u"another"_s;
        m_connection->connectTo(server.url(), u"wrong-token"_s);
        QTRY_COMPARE(m_connection->status(), Connection::Status::TokenRefused);
        QVERIFY(text->fullText().startsWith(u"Offline: 127.0.0.1 refused the token"_s));
        QVERIFY(!retry->isVisible());

        m_connection->disconnectFromServer();
        QVERIFY(text->fullText().startsWith(u"Offline: disconnected from 127.0.0.1"_s));
        QVERIFY(!retry->isVisible());
    }

    void everyFieldHasAnAccessibleNameAndABuddy()
    {
        showPage(std::make_unique<ScriptedCredentialStore>());
        QVERIFY(!serverEdit()->accessibleName().isEmpty());
        QVERIFY(!tokenEdit()->accessibleName().isEmpty());
        QCOMPARE(tokenEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(m_page->windowTitle(), u"Connection"_s);
    }

private:
    template<typename Store>
    Store *showPage(std::unique_ptr<Store> store, const QUrl &server = {},
                    const QString &token = {})
    {
        auto sync = std::make_unique<SyncClient>(m_document.get(), m_dir->filePath(u"o.json"_s),
                                                 m_dir->filePath(u"c.json"_s));
        sync->setReconnectPolicy(ReconnectPolicy(5s, 5s, 30s, [] { return 1.0; }));
        Store *raw = store.get();
        m_connection =
            std::make_unique<Connection>(std::move(sync), std::move(store), server, token);
        m_page = std::make_unique<ConnectionPage>(m_connection.get());
        m_page->show();
        if (!QTest::qWaitForWindowExposed(m_page.get()))
            qWarning("the page was not exposed");
        return raw;
    }
    template<typename T>
    T *child(const QString &name) const
    {
        auto *widget = m_page->findChild<T *>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }
    QLineEdit *serverEdit() const { return child<QLineEdit>(u"serverEdit"_s); }
    QLineEdit *tokenEdit() const { return child<QLineEdit>(u"tokenEdit"_s); }
    QLabel *tokenNote() const { return child<QLabel>(u"tokenNote"_s); }
    QLabel *stateLabel() const { return child<QLabel>(u"connectionState"_s); }
    QPushButton *connectButton() const { return child<QPushButton>(u"connectButton"_s); }
    QPushButton *disconnectButton() const { return child<QPushButton>(u"disconnectButton"_s); }

    Translator m_translator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ConnectionPage> m_page;
    std::unique_ptr<SettingsWindow> m_window;
};

QTEST_MAIN(TestConnectionPage)
#include "tst_connectionpage.moc"
