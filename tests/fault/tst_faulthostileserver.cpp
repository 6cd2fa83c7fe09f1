// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile server (issue 15): pushes and snapshots that can't be true. The client must not
// show them, not cache them and not freeze on them: it keeps its last good state and the
// user's unsent edits, gets a fresh snapshot by reconnecting (with its backoff), and shows what
// comes after. The server is RecordingServer, scripted to say what a real one never would.

#include "ClientMessage.h"
#include "DemoData.h"
#include "RecordingServer.h"
#include "ServerMessage.h"
#include "SettingsDocument.h"
#include "SnapshotCache.h"
#include "SyncClient.h"
#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray snapshotText(qint64 revision, const FollowMeSettings &settings)
{
    return ServerMessage::snapshot(revision, u"alice"_s, u"Alice"_s, settings).encode();
}

} // namespace

class TestFaultHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<RecordingServer>();
        m_server->revision = 5;
        m_document = std::make_unique<SettingsDocument>();
        m_client = std::make_unique<SyncClient>(m_document.get(), m_dir->filePath(u"outbox.json"_s),
                                                cachePath());
        m_client->setServer(m_server->url());
        m_client->setToken(m_server->validToken);
        m_client->setSendDelay(20ms);
        // No jitter: the n-th attempt in a row waits exactly 200 ms · 2^(n-1), longer than the
        // send delay, so a state that was taken would be written before the resync's snapshot.
        m_client->setReconnectPolicy(ReconnectPolicy(200ms, 1600ms, 10s, [] { return 1.0; }));
    }
    void cleanup()
    {
        m_client.reset();
        m_document.reset();
        m_server.reset();
        m_dir.reset();
    }

    void impossiblePushIsRefusedAndResynced_data()
    {
        QTest::addColumn<QByteArray>("push");
        // The client is at revision 5.
        QTest::newRow("controlled device an external number")
            << ServerMessage::controlledDeviceChanged(6, u"private-mobile"_s).encode();
        QTest::newRow("controlled device another user's")
            << ServerMessage::controlledDeviceChanged(6, u"bobs-desk"_s).encode();
        QTest::newRow("rule of an unknown device")
            << ServerMessage::ruleChanged(6, u"ghost"_s, CallKind::External, {true, 0, 20})
                   .encode();
        QTest::newRow("revision going back")
            << ServerMessage::ruleChanged(4, u"mobile"_s, CallKind::Teams, {true, 3, 30}).encode();
        QTest::newRow("revision repeated")
            << ServerMessage::ruleChanged(5, u"mobile"_s, CallKind::Teams, {true, 3, 30}).encode();
        QTest::newRow("revision skipped")
            << ServerMessage::ruleChanged(8, u"mobile"_s, CallKind::Teams, {true, 3, 30}).encode();
        QTest::newRow("delay out of bounds")
            << ServerMessage::ruleChanged(6, u"desk"_s, CallKind::External, {true, 900, 20})
                   .encode();
        QTest::newRow("snapshot with a duplicate device id")
            << snapshotText(6, demoWith([](FollowMeSettings &settings) {
                                settings.devices[DemoRow::softphone].id = u"desk"_s;
                            }));
        QTest::newRow("snapshot controlling an external number")
            << snapshotText(6, demoWith([](FollowMeSettings &settings) {
                                settings.controlledDeviceId = u"private-mobile"_s;
                            }));
        QTest::newRow("snapshot going back")
            << snapshotText(4, demoWith([](FollowMeSettings &settings) {
                                settings.devices[DemoRow::mobile].name = u"Old phone"_s;
                            }));
    }
    void impossiblePushIsRefusedAndResynced()
    {
        QFETCH(QByteArray, push);
        connectAndHoldAnEdit();
        QVERIFY(!QTest::currentTestFailed());
        const Before before = now();
        const qsizetype hellos = m_server->tokens.size();

        // What the client shows when it gives up the link, taken at that moment.
        std::optional<FollowMeSettings> shownAtResync;
        qint64 revisionAtResync = 0;
        QObject context;
        connect(m_client.get(), &SyncClient::stateChanged, &context, [&](SyncClient::State state) {
            if (state == SyncClient::State::WaitingToReconnect && !shownAtResync) {
                shownAtResync = m_document->settings();
                revisionAtResync = m_client->revision();
            }
        });
        m_server->sendText(QString::fromUtf8(push));
        QTRY_VERIFY(shownAtResync.has_value());
        QCOMPARE(*shownAtResync, before.shown);
        QCOMPARE(revisionAtResync, qint64(5));
        QVERIFY(!m_client->lastError().isEmpty());

        // The resync: a new hello, its snapshot, and the held edit sent again on the new link.
        QTRY_COMPARE(m_server->tokens.size(), hellos + 1);
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
        QTRY_COMPARE(m_server->edits.size(), 2);
        QCOMPARE(m_server->edits.at(1).requestId, m_server->edits.at(0).requestId);
        // Nothing of it reached the cache: the resync's snapshot is what it holds already.
        expectUnchanged(before);

        expectNoFreezeAndTheEditArrives();
        QCOMPARE(m_server->tokens.size(), hellos + 1); // no second resync
        expectTheCacheHoldsTheServersState();
    }

    // A snapshot that can't be valid, in answer to the hello: the last good state stays shown
    // and cached, the status says why, and the attempts are spaced by the backoff until the
    // server sends something that can be true.
    void invalidSnapshotKeepsTheLastGoodState()
    {
        connectAndHoldAnEdit();
        QVERIFY(!QTest::currentTestFailed());
        const Before before = now();
        const qsizetype hellos = m_server->tokens.size();

        const FollowMeSettings good = m_server->settings;
        m_server->settings.controlledDeviceId = u"private-mobile"_s;
        m_server->revision = 6;
        m_server->dropAll();
        // The link lost (200 ms), then two refused snapshots (400 ms, 800 ms).
        QTRY_COMPARE_WITH_TIMEOUT(m_server->tokens.size(), hellos + 3, 5000);
        const QList<qint64> &at = m_server->helloTimes;
        QVERIFY2(at.at(hellos + 1) - at.at(hellos) >= 380,
                 qPrintable(u"%1 ms"_s.arg(at.at(hellos + 1) - at.at(hellos))));
        QVERIFY2(at.at(hellos + 2) - at.at(hellos + 1) >= 760,
                 qPrintable(u"%1 ms"_s.arg(at.at(hellos + 2) - at.at(hellos + 1))));
        // The third hello has reached the server; its refused answer may still be on the way.
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY2(m_client->lastError().contains(u"external number"_s),
                 qPrintable(m_client->lastError()));
        expectUnchanged(before);
        QCOMPARE(m_server->edits.size(), 1); // never sent to a server that wasn't believed

        m_server->settings = good;
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Connected, 5000);
        QTRY_COMPARE(m_server->edits.size(), 2);
        expectNoFreezeAndTheEditArrives();
        expectTheCacheHoldsTheServersState();
    }

private:
    QString cachePath() const { return m_dir->filePath(u"cache.json"_s); }

    // What the client had before the server turned hostile.
    struct Before
    {
        FollowMeSettings confirmed;
        FollowMeSettings shown;
        QByteArray cached;
        int cacheWrites = 0;
    };

    // Connected at revision 5, the cache written, and an edit of desk's external rule that the
    // server took but does not answer: it stays in the outbox.
    void connectAndHoldAnEdit()
    {
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
        QCOMPARE(m_client->revision(), qint64(5));
        QTRY_COMPARE(m_client->syncState().cache().writeCount(), 1);
        m_server->holdEdits = true;
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 7, 25}));
        QTRY_COMPARE(m_server->edits.size(), 1);
        QCOMPARE(m_client->pendingEditCount(), 1);
    }

    Before now() const
    {
        return {m_client->syncState().confirmed(), m_document->settings(), readAll(cachePath()),
                m_client->syncState().cache().writeCount()};
    }

    // The state, what is shown with the held edit on top, and the cache file as they were.
    void expectUnchanged(const Before &before)
    {
        QCOMPARE(m_client->syncState().confirmed(), before.confirmed);
        QCOMPARE(m_client->revision(), qint64(5));
        QCOMPARE(m_document->settings(), before.shown);
        QVERIFY(m_document->isRulePending(u"desk"_s, CallKind::External));
        QCOMPARE(m_client->pendingEditCount(), 1);
        QCOMPARE(m_client->syncState().cache().writeCount(), before.cacheWrites);
        QCOMPARE(readAll(cachePath()), before.cached);
    }

    // The held edit is committed and acknowledged, and a later valid push is shown.
    void expectNoFreezeAndTheEditArrives()
    {
        m_server->holdEdits = false;
        m_server->releaseHeldEdits();
        QTRY_COMPARE(m_client->pendingEditCount(), 0);
        QCOMPARE(m_server->settings.device(u"desk"_s)->rule(CallKind::External).delay, 7);
        m_server->settings.devices[DemoRow::mobile].rule(CallKind::Teams) = {true, 9, 41};
        m_server->send(ServerMessage::ruleChanged(++m_server->revision, u"mobile"_s,
                                                  CallKind::Teams, {true, 9, 41}));
        QTRY_COMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Teams),
                     (RingRule {true, 9, 41}));
        QCOMPARE(m_document->settings(), m_server->settings);
        QCOMPARE(m_client->revision(), m_server->revision);
        QCOMPARE(m_client->state(), SyncClient::State::Connected);
    }

    // What the next start shows: the server's last good state, readable.
    void expectTheCacheHoldsTheServersState()
    {
        m_client.reset(); // writes what is not written yet
        QString problem;
        const auto cached = SnapshotCache(cachePath()).load(&problem);
        QVERIFY2(cached, qPrintable(problem));
        QCOMPARE(cached->settings, m_server->settings);
        QCOMPARE(cached->revision, m_server->revision);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RecordingServer> m_server;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SyncClient> m_client;
};

QTEST_GUILESS_MAIN(TestFaultHostileServer)
#include "tst_faulthostileserver.moc"
