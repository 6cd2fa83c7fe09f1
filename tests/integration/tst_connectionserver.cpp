// SPDX-License-Identifier: GPL-3.0-or-later
// The Connection against two real followme-server binaries on 127.0.0.1: a token reaches only
// the server it belongs to, even when the keychain answers for the old server after a switch.
#include "Connection.h"
#include "ScriptedCredentialStore.h"
#include "ServerProcess.h"
#include "SettingsDocument.h"
#include "SyncClient.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestConnectionServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FollowMeTests"_s);
        QCoreApplication::setApplicationName(u"tst_connectionserver"_s);
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        for (const QString &name : {u"a"_s, u"b"_s}) {
            m_servers.push_back(std::make_unique<ServerProcess>(
                QStringLiteral(FOLLOWME_SERVER_EXECUTABLE), m_dir->filePath(name + u".db"_s)));
            QVERIFY(m_servers.back()->start());
        }
    }
    void cleanup()
    {
        m_connection.reset();
        m_document.reset();
        m_servers.clear();
        m_dir.reset();
        QSettings().clear();
    }

    // The start-up request for A is answered after the switch to B. A's token exists on A only:
    // sent to B it would be refused (4001). B's own token is Bob's, so the name says whose
    // token B got.
    void lateKeychainAnswerNeverReachesTheOtherServer()
    {
        const QUrl a = m_servers.at(0)->url();
        const QUrl b = m_servers.at(1)->url();
        const QString tokenOnA = issueToken(a, u"alice"_s);
        QVERIFY(!tokenOnA.isEmpty());
        QSettings().setValue(u"sync/server"_s, a.toString());
        QSettings().setValue(u"sync/connect"_s, true);
        ScriptedCredentialStore *store = makeConnection();
        store->secrets.insert(Connection::tokenAccount(a), tokenOnA);
        store->secrets.insert(Connection::tokenAccount(b), u"bob-demo-token"_s);

        m_connection->start();
        m_connection->connectTo(b);
        QVERIFY(store->answerLoad(Connection::tokenAccount(a))); // late, for the old server
        // Dropped: no token, no socket (one would carry A's token to B).
        QVERIFY(!m_connection->hasToken());
        QCOMPARE(m_connection->status(), Connection::Status::ReadingToken);
        QVERIFY(store->answerLoad(Connection::tokenAccount(b)));
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QCOMPARE(m_connection->syncClient()->server(), b);
        QCOMPARE(m_connection->syncClient()->userName(), u"Bob Example"_s);
        QVERIFY(m_document->settings().device(u"bob-desk"_s));

        // And back to A: A's own token, Alice's settings.
        m_connection->connectTo(a);
        QTRY_COMPARE(store->heldLoads(), 1);
        QVERIFY(store->answerLoad(Connection::tokenAccount(a)));
        QTRY_COMPARE(m_connection->status(), Connection::Status::Connected);
        QTRY_COMPARE(m_connection->syncClient()->userName(), u"Alice Example"_s);
    }

private:
    ScriptedCredentialStore *makeConnection()
    {
        m_document = std::make_unique<SettingsDocument>();
        auto sync = std::make_unique<SyncClient>(
            m_document.get(), m_dir->filePath(u"outbox.json"_s), m_dir->filePath(u"cache.json"_s));
        auto store = std::make_unique<ScriptedCredentialStore>();
        ScriptedCredentialStore *raw = store.get();
        m_connection =
            std::make_unique<Connection>(std::move(sync), std::move(store), QUrl(), QString());
        return raw;
    }

    QString issueToken(const QUrl &server, const QString &user)
    {
        QProcess admin;
        admin.start(QStringLiteral(FOLLOWME_ADMIN_EXECUTABLE),
                    {u"--server"_s, server.toString(), u"--token"_s, u"admin-demo-token"_s,
                     u"token"_s, u"issue"_s, u"--user"_s, user});
        if (!admin.waitForFinished(20000) || admin.exitCode() != 0)
            return {};
        return QString::fromUtf8(admin.readAllStandardOutput()).trimmed();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<Connection> m_connection;
};

QTEST_MAIN(TestConnectionServer)
#include "tst_connectionserver.moc"
