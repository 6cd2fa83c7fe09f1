// SPDX-License-Identifier: GPL-3.0-or-later
// The server before login under a slow loris: peers that connect and never log in (silent, half a
// frame, answering pings) are closed by the hello deadline, one address can keep only so many of
// them, their unfinished frames cannot grow the server's memory, and a real user logs in and edits
// normally throughout.
#include "RawWebSocketPeer.h"
#include "ServerProcess.h"
#include "TestClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString aliceToken = u"alice-demo-token"_s;

QByteArray helloFor(const QString &token)
{
    return QJsonDocument(
               QJsonObject {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token}})
        .toJson(QJsonDocument::Compact);
}

bool isSnapshot(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().value(u"type"_s) == u"snapshot"_s;
}

// The server's peak resident memory so far (VmHWM), in KiB; -1 if unreadable. A peak, not the
// current size: what the peers made the server hold at any moment counts, even if freed since.
qint64 peakResidentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression line(u"^VmHWM:\\s+(\\d+) kB"_s,
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// One real edit by `client`, answered with an ack: the server still works for logged-in users.
bool editIsAcked(TestClient &client, const QString &id, int delay)
{
    client.sendJson({{u"type"_s, u"setRule"_s},
                     {u"id"_s, id},
                     {u"device"_s, u"desk"_s},
                     {u"callKind"_s, u"external"_s},
                     {u"delay"_s, delay}});
    const auto answer = client.nextOfType(u"ack"_s);
    return answer && answer->value(u"id"_s).toString() == id;
}

} // namespace

class tst_FaultPreLogin : public QObject
{
    Q_OBJECT

private slots:
    void peersThatNeverLogInAreClosedByTheDeadline();
    void unfinishedOpeningHandshakeIsDropped();
    void preLoginConnectionsPerAddressAreCapped();
    void unfinishedFramesBeforeLoginAreBounded();

private:
    QString databasePath() { return m_dir.filePath(u"%1.sqlite"_s.arg(++m_databases)); }

    QTemporaryDir m_dir;
    int m_databases = 0;
};

void tst_FaultPreLogin::peersThatNeverLogInAreClosedByTheDeadline()
{
    // Pings every second (a third of the idle timeout), so the ping-answering peers are active
    // when the 2 s deadline comes; the deadline must not count that as logging in.
    ServerProcess server;
    QVERIFY(server.start(databasePath(),
                         {u"--demo"_s, u"--hello-timeout"_s, u"2"_s, u"--idle-timeout"_s, u"3"_s}));
    TestClient alice;
    QVERIFY(alice.login(server.url(), aliceToken));

    std::vector<std::unique_ptr<RawWebSocketPeer>> silent;
    std::vector<std::unique_ptr<RawWebSocketPeer>> halfFrame;
    std::vector<std::unique_ptr<TestClient>> answeringPings;
    for (int i = 0; i < 4; ++i) {
        silent.push_back(std::make_unique<RawWebSocketPeer>());
        QVERIFY(silent.back()->open(QHostAddress::LocalHost, server.port()));
        halfFrame.push_back(std::make_unique<RawWebSocketPeer>());
        QVERIFY(halfFrame.back()->open(QHostAddress::LocalHost, server.port()));
        // Under the pre-login size limit, so only the deadline can end it.
        halfFrame.back()->sendPartialTextFrame(8000, 4000);
        answeringPings.push_back(std::make_unique<TestClient>());
        QVERIFY(answeringPings.back()->open(server.url()));
    }

    for (const auto &peer : silent) {
        QCOMPARE(peer->waitForClose(10000), 4000);
        QCOMPARE(peer->texts().size(), 1);
        QVERIFY2(peer->texts().first().contains(u"\"code\":\"malformed\""_s)
                     && peer->texts().first().contains(u"no hello"_s),
                 qPrintable(peer->texts().first()));
    }
    for (const auto &peer : halfFrame)
        QCOMPARE(peer->waitForClose(10000), 4000);
    for (const auto &peer : answeringPings) {
        const auto error = peer->next(10000);
        QVERIFY(error);
        QCOMPARE(error->value(u"code"_s).toString(), u"malformed"_s);
        QCOMPARE(peer->waitForClose(), 4000);
    }
    // Past the deadline, the logged-in session is untouched and works.
    QVERIFY(alice.isConnected());
    QVERIFY(editIsAcked(alice, u"after-deadline"_s, 3));
}

void tst_FaultPreLogin::unfinishedOpeningHandshakeIsDropped()
{
    // The server accepts connections itself and hands them to Qt's WebSocket server, which
    // then sets no deadline of its own: the server's must end a peer that never finishes its
    // HTTP request, and must be over for one that did (alice's passes while she is logged in).
    ServerProcess server;
    QVERIFY(server.start(databasePath(), {u"--demo"_s, u"--hello-timeout"_s, u"1"_s}));
    TestClient alice;
    QVERIFY(alice.login(server.url(), aliceToken));

    QTcpSocket stuck;
    QSignalSpy gone(&stuck, &QTcpSocket::disconnected);
    stuck.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(stuck.waitForConnected(5000));
    stuck.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
    QVERIFY(gone.wait(10000));
    QVERIFY(!stuck.readAll().startsWith("HTTP/1.1 101"));

    QVERIFY(alice.isConnected());
    QVERIFY(editIsAcked(alice, u"after-handshake-deadline"_s, 4));
}

void tst_FaultPreLogin::preLoginConnectionsPerAddressAreCapped()
{
    // The default cap (16); a long deadline, so only the cap closes anything here.
    ServerProcess server;
    QVERIFY(server.start(databasePath(), {u"--demo"_s, u"--hello-timeout"_s, u"60"_s}));
    const QHostAddress here(u"127.0.0.1"_s);
    // Logged-in sessions of the address do not count (each was pre-login for a moment).
    std::vector<std::unique_ptr<TestClient>> users;
    for (int i = 0; i < 3; ++i) {
        users.push_back(std::make_unique<TestClient>());
        QVERIFY(users.back()->login(server.url(), aliceToken));
    }
    std::vector<std::unique_ptr<RawWebSocketPeer>> waiting;
    for (int i = 0; i < 16; ++i) {
        waiting.push_back(std::make_unique<RawWebSocketPeer>());
        QVERIFY(waiting.back()->open(here, server.port()));
    }

    RawWebSocketPeer overTheCap;
    QVERIFY(overTheCap.open(here, server.port()));
    QCOMPARE(overTheCap.waitForClose(5000), 4029);
    QCOMPARE(overTheCap.texts().size(), 1);
    QVERIFY(overTheCap.texts().first().contains(u"\"code\":\"rate_limited\""_s));
    // A round trip of a session: anything the server sent the 16 before it has arrived by then.
    QVERIFY(users.front()->receivedNothingMore());
    for (const auto &peer : waiting)
        QVERIFY(peer->isOpen());

    // Another address is not affected: a user there logs in.
    RawWebSocketPeer elsewhere;
    QVERIFY(elsewhere.open(QHostAddress(u"127.0.0.2"_s), server.port()));
    elsewhere.sendText(helloFor(aliceToken));
    QTRY_VERIFY_WITH_TIMEOUT(!elsewhere.texts().isEmpty() || !elsewhere.isOpen(), 5000);
    QVERIFY(isSnapshot(elsewhere.texts().value(0)));

    // One of the 16 logs in: its place is free again.
    waiting.front()->sendText(helloFor(aliceToken));
    QTRY_VERIFY_WITH_TIMEOUT(!waiting.front()->texts().isEmpty(), 5000);
    QVERIFY(isSnapshot(waiting.front()->texts().first()));
    RawWebSocketPeer inItsPlace;
    QVERIFY(inItsPlace.open(here, server.port()));
    QVERIFY(users.front()->receivedNothingMore());
    QVERIFY(inItsPlace.isOpen());

    // So is the place of one that went away (its disconnect reaches the server some time later).
    waiting.back().reset();
    bool admitted = false;
    for (int attempt = 0; attempt < 50 && !admitted; ++attempt) {
        RawWebSocketPeer another;
        QVERIFY(another.open(here, server.port()));
        QVERIFY(users.front()->receivedNothingMore());
        admitted = another.isOpen();
        if (admitted)
            waiting.back() = std::make_unique<RawWebSocketPeer>(); // not counted again below
    }
    QVERIFY(admitted);
    QVERIFY(editIsAcked(*users.front(), u"capped"_s, 4));
}

void tst_FaultPreLogin::unfinishedFramesBeforeLoginAreBounded()
{
    // The case: 200 peers that have not logged in each send a frame header announcing
    // 1 MiB and all but one byte of it. 13 addresses keep each under the cap; the deadline is
    // long, so only the pre-login size limit can help.
    constexpr int peers = 200;
    constexpr qint64 frameBytes = 1024 * 1024;
    ServerProcess server;
    QVERIFY(server.start(databasePath(), {u"--demo"_s, u"--hello-timeout"_s, u"60"_s}));
    TestClient alice;
    QVERIFY(alice.login(server.url(), aliceToken));

    std::vector<std::unique_ptr<RawWebSocketPeer>> loris;
    for (int i = 0; i < peers; ++i) {
        loris.push_back(std::make_unique<RawWebSocketPeer>());
        const QHostAddress source(u"127.0.0.%1"_s.arg(2 + i / 16));
        QVERIFY2(loris.back()->open(source, server.port()), qPrintable(source.toString()));
    }
    QVERIFY(editIsAcked(alice, u"before-frames"_s, 5));
    const qint64 baseline = peakResidentKiB(server.processId());
    QVERIFY(baseline > 0);

    for (const auto &peer : loris)
        peer->sendPartialTextFrame(frameBytes, frameBytes - 1);
    // Each is closed at its frame's header (1009; a reset can overtake the close frame: 0).
    // Unbounded, nothing closes them: the memory is checked first, after the same wait.
    QList<int> codes;
    const QDeadlineTimer deadline(30000);
    for (const auto &peer : loris)
        codes.append(peer->waitForClose(int(qMax<qint64>(1, deadline.remainingTime()))));
    QVERIFY(editIsAcked(alice, u"after-frames"_s, 6));
    const qint64 growth = peakResidentKiB(server.processId()) - baseline;
    qInfo("server peak RSS: %lld KiB before the frames, %lld KiB more after %d unfinished 1 MiB "
          "frames",
          baseline, growth, peers);
    // Unbounded, the server held about 1 MiB per peer (200 MiB here); bounded, a few MiB.
    QVERIFY2(growth < 32 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(growth)));
    for (const int code : codes)
        QVERIFY2(code == 1009 || code == 0, qPrintable(QString::number(code)));
}

QTEST_GUILESS_MAIN(tst_FaultPreLogin)
#include "tst_faultprelogin.moc"
