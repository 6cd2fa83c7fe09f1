#include "Connection.h"
#include "RecordingServer.h"
#include "ScriptedCredentialStore.h"
#include "SettingsDocument.h"
#include "SyncClient.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The Connection: whose token goes where, when a socket opens, and what the status says.
class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings under ~/.qttest
        QCoreApplication::setOrganizationName(u"FollowMeTests"_s);
        QCoreApplication::setApplicationName(u"tst_connection"_s);
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_document = std::make_unique<SettingsDocument>();
    }
    void cleanup()
    {
        m_connection.reset();
        m_document.reset();
        m_dir.reset();
        QSettings().clear();
    }

    // The keychain answers the start-up request for A after the user switched to B: B must
    // never see A's token, and gets its own once that is read.
    void lateAnswerForTheOldServerIsDropped()
    {
        RecordingServer a;
        RecordingServer b;
        QSettings().setValue(u"sync/server"_s, a.url().toString());
        QSettings().setValue(u"sync/connect"_s, true);
        auto *store = makeConnection();
        store->secrets.insert(Connection::tokenAccount(a.url()), u"token-a"_s);
        store->secrets.insert(Connection::tokenAccount(b.url()), u"token-b"_s);
        b.validToken = u"token-b"_s;

        m_connection->start();
        QCOMPARE(store->loads, QStringList {Connection::tokenAccount(a.url())});
        QCOMPARE(m_connection->status(), Connection::Status::ReadingToken);

        m_connection->connectTo(b.url());
        QVERIFY(store->answerLoad(Connection::tokenAccount(a.url()))); // late
        QVERIFY(!m_connection->hasToken());
        QCOMPARE(m_connection->syncClient()->state(), SyncClient::State::Offline);
        QCOMPARE(m_connection->status(), Connection::Status::ReadingToken);

        QVERIFY(store->answerLoad(Connection::tokenAccount(b.url())));
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(b.tokens, QStringList {u"token-b"_s});
        QCOMPARE(b.connections, 1);
        QCOMPARE(a.connections, 0);
        QCOMPARE(m_connection->tokenSource(), Connection::TokenSource::Keychain);
    }

    // From a connected server A to B, whose token is stored: the link to A ends, nothing is
    // opened to B until its token is read, then exactly one socket with B's token.
    void switchReadsTheTokenBeforeOpeningOneSocket()
    {
        RecordingServer a;
        RecordingServer b;
        a.validToken = u"token-a"_s;
        b.validToken = u"token-b"_s;
        auto *store = makeConnection();
        store->secrets.insert(Connection::tokenAccount(b.url()), u"token-b"_s);
        m_connection->start();
        m_connection->connectTo(a.url(), u"token-a"_s);
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(store->secrets.value(Connection::tokenAccount(a.url())), u"token-a"_s);

        m_connection->connectTo(b.url());
        QCOMPARE(m_connection->status(), Connection::Status::ReadingToken);
        QVERIFY(!m_connection->hasToken());
        QTRY_COMPARE(a.closed, 1); // the event loop ran: any socket to B would be there by now
        QCOMPARE(b.connections, 0);

        QVERIFY(store->answerLoad(Connection::tokenAccount(b.url())));
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(b.connections, 1);
        QCOMPARE(b.tokens, QStringList {u"token-b"_s});
        QCOMPARE(a.connections, 1);
        QCOMPARE(a.tokens, QStringList {u"token-a"_s});
        QCOMPARE(m_connection->server(), b.url());
        QCOMPARE(QSettings().value(u"sync/server"_s).toString(), b.url().toString());

        // Back to A: its own token again, never B's.
        store->holdLoads = false;
        m_connection->connectTo(a.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(a.tokens, (QStringList {u"token-a"_s, u"token-a"_s}));
        QCOMPARE(b.tokens, QStringList {u"token-b"_s});
    }

    void environmentTokenIsUsedAndNeverStored()
    {
        RecordingServer server;
        server.validToken = u"env-token"_s;
        auto *store = makeConnection(server.url(), u"env-token"_s);
        QVERIFY(m_connection->wantsConnection());
        m_connection->start();
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, QStringList {u"env-token"_s});
        QCOMPARE(m_connection->tokenSource(), Connection::TokenSource::Environment);
        QVERIFY(m_connection->tokenText().contains(u"environment"_s));
        QVERIFY(m_connection->tokenText().contains(u"not stored"_s));
        QVERIFY(!m_connection->tokenText().contains(u"Stored"_s));

        m_connection->disconnectFromServer();
        m_connection->connectTo(server.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, (QStringList {u"env-token"_s, u"env-token"_s}));
        QVERIFY(store->loads.isEmpty());
        QVERIFY(store->stores.isEmpty());
        QVERIFY(store->secrets.isEmpty());
    }

    // The environment's token belongs to the server it came with, not to the next one.
    void environmentTokenStaysWithItsServer()
    {
        RecordingServer first;
        RecordingServer other;
        auto *store = makeConnection(first.url(), u"env-token"_s);
        store->holdLoads = false;
        m_connection->start();
        m_connection->connectTo(other.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::NoToken);
        QCOMPARE(store->loads, QStringList {Connection::tokenAccount(other.url())});
        QCOMPARE(other.connections, 0);
        QVERIFY(other.tokens.isEmpty());
        for (const QString &token : std::as_const(first.tokens))
            QCOMPARE(token, u"env-token"_s);
    }

    void failureToStoreIsShownAsOne()
    {
        RecordingServer server;
        server.validToken = u"typed"_s;
        auto *store = makeConnection();
        store->storeFailure = u"the disk is full"_s;
        m_connection->connectTo(server.url(), u"typed"_s);
        QTRY_COMPARE(m_connection->tokenSource(), Connection::TokenSource::Session);
        QCOMPARE(m_connection->tokenProblem(), u"the disk is full"_s);
        QVERIFY(m_connection->tokenText().contains(u"could not be stored"_s));
        QVERIFY(m_connection->tokenText().contains(u"the disk is full"_s));
        QVERIFY(!m_connection->tokenText().contains(u"Stored"_s));
        // Still used for this session.
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, QStringList {u"typed"_s});
    }

    void everyOfflineReasonIsNamed()
    {
        RecordingServer server;
        auto *store = makeConnection();
        store->holdLoads = false;
        m_connection->start();
        QCOMPARE(m_connection->status(), Connection::Status::NoServer);
        QVERIFY(m_connection->statusText().contains(u"no server"_s));

        m_connection->connectTo(server.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::NoToken);
        QVERIFY(m_connection->statusText().contains(u"no token for 127.0.0.1"_s));

        m_connection->connectTo(server.url(), u"wrong"_s);
        QTRY_COMPARE(m_connection->status(), Connection::Status::TokenRefused);
        QVERIFY(m_connection->statusText().contains(u"refused the token"_s));

        server.refuseVersion = true;
        m_connection->connectTo(server.url(), u"good-token"_s);
        QTRY_COMPARE(m_connection->status(), Connection::Status::VersionRefused);
        QVERIFY(m_connection->statusText().contains(u"does not accept this version"_s));

        server.refuseVersion = false;
        server.dropConnections = true;
        m_connection->connectTo(server.url());
        QTRY_COMPARE(m_connection->status(), Connection::Status::WaitingToReconnect);
        QVERIFY2(m_connection->statusText().contains(u"127.0.0.1 can't be reached"_s),
                 qPrintable(m_connection->statusText()));
        QVERIFY2(m_connection->statusText().contains(u"Reconnecting in 30 second"_s),
                 qPrintable(m_connection->statusText()));
        QSignalSpy ticks(m_connection.get(), &Connection::statusChanged);
        QVERIFY(ticks.wait(2000)); // the countdown is told every second

        const int attempts = server.connections;
        m_connection->retryNow();
        QTRY_COMPARE(server.connections, attempts + 1);

        m_connection->disconnectFromServer();
        QCOMPARE(m_connection->status(), Connection::Status::Disconnected);
        QVERIFY(m_connection->statusText().contains(u"disconnected from 127.0.0.1"_s));
        QCOMPARE(QSettings().value(u"sync/connect"_s).toBool(), false);
    }

    // A server whose snapshot can't be valid is there: the status names what was refused, not
    // an unreachable server, and the cached settings stay.
    void aRefusedSnapshotIsNamed()
    {
        RecordingServer server;
        server.settings.controlledDeviceId = u"private-mobile"_s; // an external number
        makeConnection(server.url(), server.validToken);
        m_connection->start();
        QTRY_COMPARE(m_connection->status(), Connection::Status::WaitingToReconnect);
        const QString text = m_connection->statusText();
        QVERIFY2(text.contains(u"did not take what 127.0.0.1 sent"_s), qPrintable(text));
        QVERIFY2(text.contains(u"external number"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"can't be reached"_s), qPrintable(text));
        QCOMPARE(server.tokens.size(), 1); // the backoff (30 s here) before the next attempt
        QCOMPARE(m_connection->syncClient()->revision(), qint64(0));
    }

    // What the client saved before this class existed still counts.
    void keepsTheSavedServer()
    {
        RecordingServer server;
        QSettings().setValue(u"sync/server"_s, server.url().toString());
        QSettings().setValue(u"sync/connect"_s, true);
        auto *store = makeConnection();
        store->holdLoads = false;
        store->secrets.insert(Connection::tokenAccount(server.url()), u"good-token"_s);
        QCOMPARE(m_connection->server(), server.url());
        QVERIFY(m_connection->wantsConnection());
        m_connection->start();
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, QStringList {u"good-token"_s});
    }

private:
    ScriptedCredentialStore *makeConnection(const QUrl &server = {}, const QString &token = {})
    {
        auto sync = std::make_unique<SyncClient>(m_document.get(), m_dir->filePath(u"o.json"_s),
                                                 m_dir->filePath(u"c.json"_s));
        // No jitter, and long enough that only retryNow() retries within a test.
        sync->setReconnectPolicy(ReconnectPolicy(30s, 30s, 30s, [] { return 1.0; }));
        auto store = std::make_unique<ScriptedCredentialStore>();
        ScriptedCredentialStore *raw = store.get();
        m_connection =
            std::make_unique<Connection>(std::move(sync), std::move(store), server, token);
        return raw;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<Connection> m_connection;
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
