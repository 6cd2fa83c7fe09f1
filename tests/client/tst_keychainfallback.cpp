#include "Connection.h"
#include "KeychainCredentialStore.h"
#include "RecordingServer.h"
#include "SettingsDocument.h"
#include "SyncClient.h"
#include "TokenFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

// The real KeychainCredentialStore where no keychain works: the session bus points at nothing,
// so QtKeychain fails as it does on a bare Linux session ("Unknown error"). The token must then
// go into the fallback file, readable by the user only, and come back from it after a restart.
class TestKeychainFallback : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before the first QtKeychain job: Qt D-Bus reads the address on first use.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/followme-test-bus");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FollowMeTests"_s);
        QCoreApplication::setApplicationName(u"tst_keychainfallback"_s);
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(u"config/tokens.json"_s);
    }
    void cleanup()
    {
        m_dir.reset();
        QSettings().clear();
    }

    // A damaged file can't be read, but it doesn't stop the next token from being stored: it
    // is set aside for a person to look at, and a new file begun.
    void aDamagedFileIsSetAsideWhenATokenIsStored()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QFile damaged(m_path);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"ws://a/\": \"x\", \"ws://a/\": \"y\"}"); // a member twice
        damaged.close();
        TokenFile file(m_path);
        QString error;
        QVERIFY(!file.read(u"ws://a/"_s, &error));
        QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
        QVERIFY2(file.write(u"ws://b/"_s, u"token-b"_s, &error), qPrintable(error));
        QCOMPARE(file.read(u"ws://b/"_s, &error), std::optional<QString>(u"token-b"_s));
        QVERIFY(QFile::exists(m_path + u".damaged"_s));
    }

    void storesIntoAFileOnlyTheUserCanRead()
    {
        KeychainCredentialStore store(m_path);
        const auto stored = answerOf(store, u"ws://a"_s, u"s3cret"_s);
        QVERIFY(stored);
        QVERIFY2(stored->ok(), qPrintable(stored->error));
        QCOMPARE(stored->place, CredentialStore::Place::File);
        QCOMPARE(stored->location, m_path);
        QVERIFY(QFile::exists(m_path));
#if defined(Q_OS_UNIX)
        struct stat status
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0600));
#endif
        // A second account keeps the first, and the mode.
        QVERIFY(answerOf(store, u"ws://b"_s, u"other"_s)->ok());

        // A fresh instance, as after a restart, reads both back.
        KeychainCredentialStore fresh(m_path);
        const auto loaded = answerOf(fresh, u"ws://a"_s);
        QVERIFY(loaded && loaded->ok());
        QCOMPARE(loaded->secret, u"s3cret"_s);
        QCOMPARE(loaded->place, CredentialStore::Place::File);
        QCOMPARE(answerOf(fresh, u"ws://b"_s)->secret, u"other"_s);
        QCOMPARE(answerOf(fresh, u"ws://unknown"_s)->secret, QString());

        // Removing the last token removes the file.
        QVERIFY(answerOf(fresh, u"ws://a"_s, QString())->ok());
        QVERIFY(answerOf(fresh, u"ws://b"_s, QString())->ok());
        QVERIFY(!QFile::exists(m_path));
    }

    // The file can't be written: a failure, said as one, and nothing claims it is stored.
    void aFileThatCanNotBeWrittenIsAFailure()
    {
        // A folder that can't be made, even by root: its parent is a file.
        QFile blocker(m_dir->filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        KeychainCredentialStore store(m_dir->filePath(u"blocker/config/tokens.json"_s));
        const auto stored = answerOf(store, u"ws://a"_s, u"s3cret"_s);
        QVERIFY(stored);
        QVERIFY(!stored->ok());
        QCOMPARE(stored->place, CredentialStore::Place::Nowhere);

        RecordingServer server;
        server.validToken = u"s3cret"_s;
        SettingsDocument document;
        Connection connection(makeSync(&document),
                              std::make_unique<KeychainCredentialStore>(
                                  m_dir->filePath(u"blocker/config/tokens.json"_s)));
        connection.connectTo(server.url(), u"s3cret"_s);
        QTRY_COMPARE(connection.tokenSource(), Connection::TokenSource::Session);
        QVERIFY(connection.tokenText().contains(u"could not be stored"_s));
        QVERIFY(!connection.tokenText().contains(u"Stored"_s));
    }

    // Typed once with no keychain; after a restart the client connects with the file's token.
    void aRestartConnectsWithTheTokenFromTheFile()
    {
        RecordingServer server;
        server.validToken = u"alice-token"_s;
        {
            SettingsDocument document;
            Connection connection(makeSync(&document),
                                  std::make_unique<KeychainCredentialStore>(m_path));
            connection.start();
            connection.connectTo(server.url(), u"alice-token"_s);
            QTRY_COMPARE(connection.tokenSource(), Connection::TokenSource::File);
            QCOMPARE(connection.tokenFile(), m_path);
            QVERIFY(connection.tokenText().contains(u"Stored in a file only you can read: "_s));
            QVERIFY(connection.tokenText().contains(QDir::toNativeSeparators(m_path)));
            QVERIFY(connection.tokenText().contains(u"no keychain is available"_s));
            QTRY_COMPARE(connection.status(), Connection::Status::Connected);
        }
        SettingsDocument document;
        Connection restarted(makeSync(&document),
                             std::make_unique<KeychainCredentialStore>(m_path));
        QVERIFY(restarted.wantsConnection());
        restarted.start();
        QTRY_COMPARE(restarted.status(), Connection::Status::Connected);
        QCOMPARE(server.tokens, (QStringList {u"alice-token"_s, u"alice-token"_s}));
        QCOMPARE(restarted.tokenSource(), Connection::TokenSource::File);
    }

private:
    // The answer to one load (secret null) or store.
    std::optional<CredentialStore::Answer> answerOf(CredentialStore &store, const QString &account,
                                                    const std::optional<QString> &secret = {})
    {
        std::optional<CredentialStore::Answer> result;
        QObject context;
        auto done = [&result](const CredentialStore::Answer &answer) {
            result = answer;
        };
        if (secret)
            store.store(account, *secret, &context, done);
        else
            store.load(account, &context, done);
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return std::nullopt;
        return result;
    }
    std::unique_ptr<SyncClient> makeSync(SettingsDocument *document)
    {
        return std::make_unique<SyncClient>(document, m_dir->filePath(u"o.json"_s),
                                            m_dir->filePath(u"c.json"_s));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestKeychainFallback)
#include "tst_keychainfallback.moc"
