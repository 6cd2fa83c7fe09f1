#include "ClientMessage.h"
#include "DemoData.h"
#include "RefusalText.h"
#include "ServerMessage.h"
#include "SettingsDocument.h"
#include "SyncClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// A scripted stand-in for the server, in-process, for what the real one can't be made to do on
// cue (refuse an edit, go silent, drop the link). The real server is exercised by
// tests/integration.
class FakeServer : public QObject
{
    Q_OBJECT

public:
    FakeServer()
        : m_server(u"fake"_s, QWebSocketServer::NonSecureMode)
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, m_port));
        m_port = m_server.serverPort();
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            m_clients.append(socket);
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this, socket](const QString &text) { onMessage(socket, text); });
        });
    }
    // nextPendingConnection() hands each socket over: they are ours to delete.
    ~FakeServer() override { dropAll(); }

    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_port)); }
    void restart()
    {
        dropAll();
        m_server.close();
        QVERIFY(m_server.listen(QHostAddress::LocalHost, m_port));
    }
    void stop()
    {
        dropAll();
        m_server.close();
    }
    void dropAll()
    {
        for (QWebSocket *socket : std::as_const(m_clients))
            socket->abort();
        qDeleteAll(m_clients);
        m_clients.clear();
    }
    void push(const ServerMessage &message) { pushText(QString::fromUtf8(message.encode())); }
    void pushText(const QString &text)
    {
        for (QWebSocket *socket : std::as_const(m_clients))
            socket->sendTextMessage(text);
    }

    FollowMeSettings settings = demoSettings();
    qint64 revision = 1;
    QString validToken = u"good-token"_s;
    bool answerEdits = true;
    bool answerHello = true; // false: takes the hello and says nothing (but answers pings)
    QString helloAnswer; // sent as it is instead of the snapshot, when set
    bool ackEdits = true; // false: commit, but the ack is "lost" with the link
    QString refuseWithLocked; // request ids matching this device are refused
    QString helloRefusalId; // the id a refused hello's error carries (§3.1 allows one)
    QList<ClientMessage> received;
    QHash<QString, qint64> committed; // request id → revision of its commit

private:
    void onMessage(QWebSocket *socket, const QString &text)
    {
        ProtocolError error;
        const auto message = ClientMessage::decode(text.toUtf8(), &error);
        QVERIFY2(message, qPrintable(error.message));
        received.append(*message);
        auto send = [socket](const ServerMessage &reply) {
            socket->sendTextMessage(QString::fromUtf8(reply.encode()));
        };
        if (message->type == ClientMessage::Type::Hello) {
            if (message->token != validToken) {
                send(ServerMessage::failure(
                    {Protocol::ErrorCode::Unauthorized, u"no"_s, helloRefusalId}));
                socket->close(QWebSocketProtocol::CloseCode(Protocol::CloseUnauthorized));
                return;
            }
            if (!answerHello)
                return;
            if (!helloAnswer.isEmpty()) {
                socket->sendTextMessage(helloAnswer);
                return;
            }
            send(ServerMessage::snapshot(revision, u"alice"_s, u"Alice"_s, settings));
            return;
        }
        if (!answerEdits)
            return;
        if (message->deviceId == refuseWithLocked) {
            send(ServerMessage::failure(
                {Protocol::ErrorCode::Locked, u"locked by the admin"_s, message->requestId}));
            return;
        }
        // Like the real server: a resend is acknowledged with its original commit's revision.
        if (const auto known = committed.constFind(message->requestId); known != committed.cend()) {
            send(ServerMessage::ack(message->requestId, *known));
            return;
        }
        {
            committed.insert(message->requestId, ++revision);
            if (message->type == ClientMessage::Type::SetRule) {
                RingRule &rule =
                    settings.devices[settings.indexOf(message->deviceId)].rule(message->callKind);
                rule = message->change.appliedTo(rule);
            } else {
                settings.controlledDeviceId = message->deviceId;
            }
        }
        if (ackEdits)
            send(ServerMessage::ack(message->requestId, revision));
    }

    QWebSocketServer m_server;
    quint16 m_port = 0;
    QList<QWebSocket *> m_clients;
};

// Accepts the WebSocket handshake and then never says anything again, not even a pong: the
// peer that vanished without closing.
class SilentServer : public QObject
{
    Q_OBJECT

public:
    SilentServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [socket] {
                const QByteArray request = socket->readAll();
                const int at = request.indexOf("Sec-WebSocket-Key:");
                if (at < 0)
                    return; // a frame (ping, hello): ignored on purpose
                const int end = request.indexOf("\r\n", at);
                const QByteArray key = request.mid(at + 18, end - at - 18).trimmed();
                const QByteArray accept =
                    QCryptographicHash::hash(
                        QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                        QCryptographicHash::Sha1)
                        .toBase64();
                socket->write(
                    QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                               + accept + "\r\n\r\n"));
            });
        });
    }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

class TestSyncClient : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeServer>();
        m_document = std::make_unique<SettingsDocument>();
        m_client = makeClient(m_document.get());
    }
    void cleanup()
    {
        m_client.reset();
        m_document.reset();
        m_server.reset();
        m_dir.reset();
    }

    void connectsAndShowsTheSnapshot()
    {
        QSignalSpy states(m_client.get(), &SyncClient::stateChanged);
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
        QCOMPARE(m_server->received.constFirst().type, ClientMessage::Type::Hello);
        QCOMPARE(m_server->received.constFirst().token, u"good-token"_s);
        QCOMPARE(m_document->settings(), m_server->settings);
        QCOMPARE(m_client->userName(), u"Alice"_s);
        QCOMPARE(states.constFirst().constFirst().value<SyncClient::State>(),
                 SyncClient::State::Connecting);
    }

    void editsAreMergedSentAndPendingUntilAcked()
    {
        connectNow();
        m_client->setSendDelay(100ms);
        for (int delay = 1; delay <= 5; ++delay)
            QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, delay, 25}));
        QVERIFY(m_document->isRulePending(u"desk"_s, CallKind::External));
        QCOMPARE(m_client->pendingEditCount(), 1);
        QTRY_VERIFY(!m_document->isRulePending(u"desk"_s, CallKind::External));
        // One merged edit, carrying only what changed.
        const QList<ClientMessage> edits = editsReceived();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.constFirst().change.delay, std::optional<int>(5));
        QVERIFY(!edits.constFirst().change.timeout);
        QCOMPARE(m_server->settings.devices.at(0).rule(CallKind::External).delay, 5);
        QCOMPARE(m_client->revision(), 2);
        QCOMPARE(m_client->pendingEditCount(), 0);
    }

    void refusedEditIsRolledBackWithANotice()
    {
        connectNow();
        m_server->refuseWithLocked = u"mobile"_s;
        QSignalSpy notices(m_client.get(), &SyncClient::notice);
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Internal, {true, 99, 20}));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Internal).delay, 99);
        QTRY_COMPARE(notices.count(), 1);
        // Worded by the client from the code; the server's English text is for the log only.
        QCOMPARE(notices.constFirst().constFirst().toString(),
                 RefusalText::ruleEdit(Protocol::ErrorCode::Locked, u"Mobile app"_s,
                                       CallKind::Internal));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Internal).delay, 15);
        QVERIFY(!m_document->isRulePending(u"mobile"_s, CallKind::Internal));
    }

    void pushesShowAtOnceAndKeepPendingEditsOnTop()
    {
        connectNow();
        m_server->answerEdits = false;
        QVERIFY(!m_document->setRule(u"dect"_s, CallKind::External, {true, 7, 30}));
        QTRY_COMPARE(editsReceived().size(), 1);
        // Another session changed the timeout of the same rule meanwhile.
        m_server->push(ServerMessage::ruleChanged(++m_server->revision, u"dect"_s,
                                                  CallKind::External, {true, 5, 44}));
        QTRY_COMPARE(m_document->settings().device(u"dect"_s)->rule(CallKind::External).timeout,
                     44);
        QCOMPARE(m_document->settings().device(u"dect"_s)->rule(CallKind::External).delay, 7);
        QVERIFY(m_document->isRulePending(u"dect"_s, CallKind::External));
    }

    void adminLockDropsUnsentEditWithANotice()
    {
        connectNow();
        m_server->answerEdits = false;
        QSignalSpy notices(m_client.get(), &SyncClient::notice);
        QVERIFY(!m_document->setRule(u"softphone"_s, CallKind::Teams, {false, 0, 20}));
        FollowMeSettings locked = m_server->settings;
        locked.devices[1].userConfigurable = false;
        m_server->push(ServerMessage::snapshot(9, u"alice"_s, u"Alice"_s, locked));
        // What the administrator did, then what it meant for the edit.
        QTRY_COMPARE(notices.count(), 2);
        QCOMPARE(notices.at(0).constFirst().toString(),
                 u"Desktop softphone is now managed by your administrator."_s);
        QVERIFY(notices.at(1).constFirst().toString().contains(u"dropped"_s));
        QVERIFY(notices.at(1).constFirst().toString().contains(u"administrator"_s));
        QVERIFY(m_document->settings().devices.at(1).isLocked());
        QVERIFY(m_document->settings().devices.at(1).rule(CallKind::Teams).enabled);
        QCOMPARE(m_client->pendingEditCount(), 0);
    }

    void adminChangesAreToldOnceEach()
    {
        QSignalSpy notices(m_client.get(), &SyncClient::notice);
        connectNow();
        // A fresh start showed nothing before: the first snapshot is no news.
        QCOMPARE(notices.count(), 0);

        FollowMeSettings changed = m_server->settings;
        changed.devices[DemoRow::desk].name = u"Front desk"_s;
        changed.devices.removeAt(DemoRow::mobile);
        Device tablet;
        tablet.id = u"tablet"_s;
        tablet.name = u"Tablet"_s;
        tablet.kind = DeviceKind::MobileApp;
        tablet.number = u"205"_s;
        for (CallKind kind : CallKinds::all())
            tablet.rule(kind) = {true, 0, 20};
        changed.devices.append(tablet);
        m_server->settings = changed;
        m_server->push(ServerMessage::snapshot(++m_server->revision, u"alice"_s, u"Alice"_s,
                                               m_server->settings));
        QTRY_COMPARE(notices.count(), 3);
        QCOMPARE(texts(notices),
                 (QStringList {u"Desk phone is now called Front desk."_s,
                               u"New device Tablet rings from 0 s to 20 s."_s,
                               u"Mobile app was removed by your administrator."_s}));
        QCOMPARE(m_document->settings().devices.size(), 6);

        // The same devices again (a change of something else) say nothing. The push after it
        // shows the snapshot was handled (one link keeps the order), and that a rule of a
        // locked device is news.
        m_server->push(ServerMessage::snapshot(++m_server->revision, u"alice"_s, u"Alice"_s,
                                               m_server->settings));
        m_server->push(ServerMessage::ruleChanged(++m_server->revision, u"reception"_s,
                                                  CallKind::Internal, {true, 5, 20}));
        QTRY_COMPARE(notices.count(), 4);
        QCOMPARE(notices.last().constFirst().toString(),
                 u"Reception phone now rings for Internal calls from 5 s to 25 s."_s);
        m_server->settings.devices[m_server->settings.indexOf(u"reception"_s)].rule(
            CallKind::Internal) = {true, 5, 20};

        // A reconnect to unchanged settings is no news either.
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        m_server->restart();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Connected, 5000);
        QCOMPARE(m_document->settings(), m_server->settings);
        QCOMPARE(notices.count(), 4);
    }

    // Started again, the client shows the cached settings: what changed on the server meanwhile
    // is news once the link is up.
    void adminChangesWhileAwayAreToldAfterARestart()
    {
        connectNow();
        m_client.reset();
        m_server->settings.devices[DemoRow::desk].userConfigurable = false;
        m_server->settings.devices[DemoRow::dect].number = u"2202"_s;
        ++m_server->revision;

        SettingsDocument restarted;
        std::unique_ptr<SyncClient> client = makeClient(&restarted);
        QSignalSpy notices(client.get(), &SyncClient::notice);
        client->restore();
        QVERIFY(!restarted.settings().devices.at(DemoRow::desk).isLocked());
        client->connectToServer();
        QTRY_COMPARE(client->state(), SyncClient::State::Connected);
        QCOMPARE(texts(notices),
                 (QStringList {u"Desk phone is now managed by your administrator."_s,
                               u"DECT handset now has the number 2202."_s}));
    }

    void refusedTokenStopsWithoutRetrying()
    {
        m_client->setToken(u"wrong"_s);
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Refused);
        QVERIFY(m_client->lastError().contains(u"token"_s));
        const int hellos = int(m_server->received.size());
        // No attempt can come: none is scheduled (the reconnect timer is the only way one
        // would), and retryNow() is for WaitingToReconnect only.
        QCOMPARE(m_client->timeUntilReconnect(), 0ms);
        m_client->retryNow();
        QCoreApplication::processEvents();
        QCOMPARE(m_server->received.size(), hellos);
        QCOMPARE(m_client->state(), SyncClient::State::Refused);
        QCOMPARE(m_client->problem(), SyncClient::Problem::TokenRefused);
    }

    // The refusal of a hello may carry an id: still about the link, not an impossible message
    // to resync from (which would try the refused token for ever).
    void refusedTokenWithAnIdStopsToo()
    {
        m_server->helloRefusalId = u"hello-1"_s;
        m_client->setToken(u"wrong"_s);
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Refused);
        QCOMPARE(m_client->problem(), SyncClient::Problem::TokenRefused);
        QVERIFY(m_client->lastError().contains(u"token"_s));
        QCOMPARE(m_client->timeUntilReconnect(), 0ms);
    }

    void reconnectsWithBackoffAndResendsWhatWasNotAcked()
    {
        connectNow();
        m_server->answerEdits = false;
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Internal, {true, 3, 30}));
        QTRY_COMPARE(editsReceived().size(), 1);
        const QString requestId = editsReceived().constFirst().requestId;

        QSignalSpy states(m_client.get(), &SyncClient::stateChanged);
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(m_client->timeUntilReconnect() > 0ms);
        // A few failed attempts while the server is down.
        QTRY_VERIFY(waitsIn(states) >= 3);
        m_server->answerEdits = true;
        m_server->received.clear();
        m_server->restart();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Connected, 5000);
        QTRY_COMPARE(m_client->pendingEditCount(), 0);
        // The same edit, with the same id: the server can tell it's a resend.
        QCOMPARE(editsReceived().constFirst().requestId, requestId);
        QCOMPARE(m_server->settings.device(u"desk"_s)->rule(CallKind::Internal).delay, 3);
    }

    // The server committed an edit but the ack was lost with the link; the user edits the same
    // rule again while offline. The new edit must reach the server, not vanish into the
    // resend of the committed one.
    void editAfterALostAckIsNotSwallowedByTheResend()
    {
        connectNow();
        m_server->ackEdits = false;
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        QTRY_COMPARE(m_server->committed.size(), 1);
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 9, 25}));
        m_server->ackEdits = true;
        m_server->restart();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->pendingEditCount(), 0, 5000);
        QCOMPARE(m_server->settings.device(u"desk"_s)->rule(CallKind::External).delay, 9);
        QCOMPARE(m_document->settings().device(u"desk"_s)->rule(CallKind::External).delay, 9);
    }

    // The ack of a resend names an older revision than the snapshot the client now has: the
    // newer value another session set meanwhile must stay.
    void ackOfAResendDoesNotRollBackNewerChanges()
    {
        connectNow();
        m_server->ackEdits = false;
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::External, {true, 5, 25}));
        QTRY_COMPARE(m_server->committed.size(), 1);
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        // Another session sets the delay again.
        m_server->settings.devices[DemoRow::mobile].rule(CallKind::External).delay = 10;
        ++m_server->revision;
        m_server->ackEdits = true;
        m_server->restart();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->pendingEditCount(), 0, 5000);
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::External).delay, 10);
        QCOMPARE(m_client->revision(), m_server->revision);
    }

    void unsentEditsNeverGoToAnotherServer()
    {
        connectNow();
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Teams, {false, 0, 20}));
        m_client.reset();

        // Started again against another server: the old server's edit is set aside, not sent.
        SettingsDocument restarted;
        auto client = std::make_unique<SyncClient>(&restarted, m_dir->filePath(u"outbox.json"_s),
                                                   m_dir->filePath(u"cache.json"_s));
        QSignalSpy notices(client.get(), &SyncClient::notice);
        client->setServer(QUrl(u"ws://127.0.0.1:9/"_s));
        client->restore();
        QCOMPARE(client->pendingEditCount(), 0);
        QCOMPARE(notices.count(), 1);
        QVERIFY(QFile::exists(m_dir->filePath(u"outbox.json.other-server"_s)));

        // Switching servers at run time drops what was meant for the old one, and says so.
        QVERIFY(!restarted.setControlledDevice(QString()));
        QCOMPARE(client->pendingEditCount(), 0); // nothing shown yet: no devices
        m_server->restart();
        client->setServer(m_server->url());
        client->setToken(u"good-token"_s);
        client->connectToServer();
        QTRY_COMPARE(client->state(), SyncClient::State::Connected);
        QVERIFY(!restarted.setRule(u"mobile"_s, CallKind::Teams, {true, 5, 15}));
        client->disconnectFromServer();
        client->setServer(QUrl(u"ws://127.0.0.1:9/"_s));
        QCOMPARE(client->pendingEditCount(), 0);
        QCOMPARE(notices.count(), 2);
    }

    void silentServerIsDetectedByKeepalive()
    {
        SilentServer silent;
        m_client->setServer(silent.url());
        m_client->setKeepalive(50ms, 100ms);
        m_client->connectToServer();
        // The handshake succeeds, then nothing: no snapshot, no pong.
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::WaitingToReconnect, 3000);
        QVERIFY(m_client->lastError().contains(u"answer"_s));
    }

    // A server that takes the hello but never answers it (pongs still come from its WebSocket
    // layer): the link must not stay "connecting" for ever.
    void unansweredHelloEndsTheLink()
    {
        m_server->answerHello = false;
        m_client->setServer(m_server->url());
        m_client->setKeepalive(50ms, 100ms);
        m_client->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::WaitingToReconnect, 3000);
        QVERIFY2(m_client->lastError().contains(u"did not answer"_s),
                 qPrintable(m_client->lastError()));
    }

    // An answer to the hello that isn't strict JSON (here: a member twice) is no server to stay
    // with: the link ends and is tried again later.
    void unreadableSnapshotEndsTheLink()
    {
        QString snapshot = QString::fromUtf8(
            ServerMessage::snapshot(1, u"alice"_s, u"Alice"_s, demoSettings()).encode());
        snapshot.replace(u"\"revision\":1"_s, u"\"revision\":1,\"revision\":1"_s);
        m_server->helloAnswer = snapshot;
        m_client->setServer(m_server->url());
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY2(m_client->lastError().contains(u"not valid JSON"_s),
                 qPrintable(m_client->lastError()));
        QCOMPARE(m_client->revision(), qint64(0)); // nothing of it was taken
    }

    // A type this client doesn't know may be a later server's push (protocol.md section 8):
    // ignored, no reason to resync. The revision such a push took shows as a gap in the next
    // one, and that is a reason: the client reconnects for a fresh snapshot.
    void unknownPushTypesAreIgnoredButGapsResync()
    {
        connectNow();
        const qsizetype hellos = hellosReceived();
        m_server->pushText(u"{\"type\":\"deviceNoted\",\"note\":\"new\"}"_s);
        m_server->push(ServerMessage::ruleChanged(++m_server->revision, u"mobile"_s,
                                                  CallKind::Teams, {true, 9, 41}));
        QTRY_COMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Teams),
                     (RingRule {true, 9, 41}));
        QCOMPARE(m_client->state(), SyncClient::State::Connected);
        QCOMPARE(hellosReceived(), hellos);

        m_server->settings.devices[DemoRow::mobile].rule(CallKind::Teams) = {true, 9, 41};
        m_server->settings.devices[DemoRow::desk].name = u"Front desk"_s; // the missed change
        m_server->revision += 2;
        m_server->push(ServerMessage::ruleChanged(m_server->revision, u"mobile"_s, CallKind::Teams,
                                                  {true, 9, 41}));
        QTRY_COMPARE(hellosReceived(), hellos + 1);
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
        QCOMPARE(m_document->settings(), m_server->settings);
        QCOMPARE(m_client->revision(), m_server->revision);
    }

    void offlineEditsSurviveARestartAndAreSentLater()
    {
        connectNow();
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::External, {false, 10, 25}));
        QVERIFY(!m_document->setControlledDevice(u"dect"_s));
        m_client.reset(); // quit while offline

        SettingsDocument restarted;
        std::unique_ptr<SyncClient> client = makeClient(&restarted);
        client->restore();
        // The offline preview: the cached settings, with the unsent edits on top.
        QCOMPARE(restarted.settings().devices.size(), 6);
        QVERIFY(!restarted.settings().device(u"mobile"_s)->rule(CallKind::External).enabled);
        QCOMPARE(restarted.settings().controlledDeviceId, u"dect"_s);
        QVERIFY(restarted.isRulePending(u"mobile"_s, CallKind::External));
        QVERIFY(client->confirmedAt().isValid());

        m_server->restart();
        client->connectToServer();
        QTRY_COMPARE(client->pendingEditCount(), 0);
        QVERIFY(!m_server->settings.device(u"mobile"_s)->rule(CallKind::External).enabled);
        QCOMPARE(m_server->settings.controlledDeviceId, u"dect"_s);
    }

    // The rule users expect: after a link that stayed up for stableAfter, the next outage
    // starts the backoff from the beginning; after a shorter one it goes on growing. Time is
    // the clock seam, the attempts are retryNow(): no real waiting.
    void backoffStartsAgainAfterAStableLink()
    {
        auto now = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
        m_client->setClock([now] { return *now; });
        m_client->setReconnectPolicy(ReconnectPolicy(1s, 60s, 10s, [] { return 1.0; }));
        connectNow();

        loseTheServer(); // 1 failure: up to 1 s
        QVERIFY(m_client->timeUntilReconnect() <= 1000ms);
        m_client->retryNow(); // the server is still down: 2 failures
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(m_client->timeUntilReconnect() > 1000ms);

        bringTheServerBack();
        *now = now->addSecs(5); // a short link
        loseTheServer();
        QVERIFY(m_client->timeUntilReconnect() > 2000ms); // 3 failures: up to 4 s

        bringTheServerBack();
        *now = now->addSecs(10); // stayed up for stableAfter
        loseTheServer();
        QVERIFY(m_client->timeUntilReconnect() <= 1000ms);
        QVERIFY(m_client->timeUntilReconnect() > 0ms);
    }

    // retryNow() only skips the wait: the failure still counts, the problem and the unsent
    // edits stay; outside WaitingToReconnect it does nothing.
    void retryNowSkipsOnlyTheWait()
    {
        m_client->setReconnectPolicy(ReconnectPolicy(1s, 60s, 10s, [] { return 1.0; }));
        connectNow();
        m_server->answerEdits = false;
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Internal, {true, 3, 30}));
        QTRY_COMPARE(editsReceived().size(), 1);
        loseTheServer();
        QCOMPARE(m_client->problem(), SyncClient::Problem::Unreachable);

        m_client->retryNow();
        QCOMPARE(m_client->state(), SyncClient::State::Connecting);
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
        QVERIFY(m_client->timeUntilReconnect() > 1000ms); // the backoff grew
        QCOMPARE(m_client->problem(), SyncClient::Problem::Unreachable);
        QCOMPARE(m_client->pendingEditCount(), 1);
        QVERIFY(m_document->isRulePending(u"desk"_s, CallKind::Internal));

        bringTheServerBack();
        const qsizetype hellos = hellosReceived();
        m_client->retryNow(); // connected: nothing to skip
        QCOMPARE(m_client->state(), SyncClient::State::Connected);
        m_client->disconnectFromServer();
        m_client->retryNow(); // offline on purpose: stays so
        QCOMPARE(m_client->state(), SyncClient::State::Offline);
        QCOMPARE(m_client->problem(), SyncClient::Problem::None);
        QCOMPARE(hellosReceived(), hellos);
    }

private:
    void loseTheServer()
    {
        m_server->stop();
        QTRY_COMPARE(m_client->state(), SyncClient::State::WaitingToReconnect);
    }
    void bringTheServerBack()
    {
        m_server->restart();
        m_client->retryNow();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
    }
    qsizetype hellosReceived() const
    {
        return std::count_if(m_server->received.cbegin(), m_server->received.cend(),
                             [](const ClientMessage &message) {
                                 return message.type == ClientMessage::Type::Hello;
                             });
    }
    static int waitsIn(const QSignalSpy &states)
    {
        int waits = 0;
        for (const QList<QVariant> &arguments : states)
            waits += arguments.constFirst().value<SyncClient::State>()
                == SyncClient::State::WaitingToReconnect;
        return waits;
    }
    std::unique_ptr<SyncClient> makeClient(SettingsDocument *document)
    {
        auto client = std::make_unique<SyncClient>(document, m_dir->filePath(u"outbox.json"_s),
                                                   m_dir->filePath(u"cache.json"_s));
        client->setServer(m_server->url());
        client->setToken(u"good-token"_s);
        client->setSendDelay(10ms);
        client->setReconnectPolicy(ReconnectPolicy(20ms, 80ms, 10s, [] { return 0.5; }));
        return client;
    }
    void connectNow()
    {
        m_client->connectToServer();
        QTRY_COMPARE(m_client->state(), SyncClient::State::Connected);
    }
    static QStringList texts(const QSignalSpy &spy)
    {
        QStringList out;
        for (const QList<QVariant> &arguments : spy)
            out.append(arguments.constFirst().toString());
        return out;
    }
    QList<ClientMessage> editsReceived() const
    {
        QList<ClientMessage> edits;
        for (const ClientMessage &message : std::as_const(m_server->received)) {
            if (message.type != ClientMessage::Type::Hello)
                edits.append(message);
        }
        return edits;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SyncClient> m_client;
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
