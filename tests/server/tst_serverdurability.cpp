// SPDX-License-Identifier: GPL-3.0-or-later
// What must hold across crashes, attacks and transports: acknowledged edits survive SIGKILL,
// failed logins are slowed down and then refused, wss:// works, silent peers are dropped.
#include "ServerProcess.h"
#include "TestClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject ruleIn(const QJsonObject &snapshot, const QString &device, const QString &kind)
{
    for (const QJsonValue &value :
         snapshot.value(u"settings"_s).toObject().value(u"devices"_s).toArray()) {
        if (value.toObject().value(u"id"_s) == device)
            return value.toObject().value(u"rules"_s).toObject().value(kind).toObject();
    }
    return {};
}

QJsonObject hello(const QString &token)
{
    return {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token}};
}

// A failed hello: how long the answer took, and its error code.
std::pair<qint64, QString> failedHello(const QUrl &url)
{
    TestClient client;
    if (!client.open(url))
        return {-1, QString()};
    QElapsedTimer timer;
    timer.start();
    client.sendJson(hello(u"wrong-token"_s));
    const auto answer = client.next(20000);
    return {timer.elapsed(), answer ? answer->value(u"code"_s).toString() : QString()};
}

} // namespace

class tst_ServerDurability : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedEditsSurviveSigkill();
    void failedLoginsAreSlowedDownThenRefused();
    void firstFailedLoginWaitsAQuarterSecond();
    void wssWithSelfSignedCertificate();
    void silentPeersAreClosedLiveOnesKept();
};

void tst_ServerDurability::acknowledgedEditsSurviveSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"server.sqlite"_s);
    ServerProcess server;
    QVERIFY2(server.start(db, {u"--demo"_s}), qPrintable(server.errors()));

    qint64 lastRevision = 0;
    for (int round = 1; round <= 3; ++round) {
        TestClient client;
        QVERIFY(client.login(server.url(), u"alice-demo-token"_s));
        // Several edits in flight; the kill follows the last ack at once.
        for (int i = 0; i < 5; ++i)
            client.sendJson({{u"type"_s, u"setRule"_s},
                             {u"id"_s, u"kill-%1-%2"_s.arg(round).arg(i)},
                             {u"device"_s, u"mobile"_s},
                             {u"callKind"_s, u"external"_s},
                             {u"delay"_s, round * 10 + i}});
        for (int i = 0; i < 5; ++i) {
            const auto ack = client.next();
            QVERIFY(ack);
            QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
            lastRevision = ack->value(u"revision"_s).toInteger();
        }
        server.kill();

        QVERIFY2(server.start(db), qPrintable(server.errors()));
        TestClient after;
        const auto snapshot = after.login(server.url(), u"alice-demo-token"_s);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->value(u"revision"_s).toInteger(), lastRevision);
        QCOMPARE(ruleIn(*snapshot, u"mobile"_s, u"external"_s).value(u"delay"_s).toInt(),
                 round * 10 + 4);
    }
    QCOMPARE(server.terminate(), 0);
}

void tst_ServerDurability::failedLoginsAreSlowedDownThenRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server;
    // Shorter waits than the defaults keep the test fast; the doubling is the same.
    QVERIFY(server.start(dir.filePath(u"server.sqlite"_s),
                         {u"--demo"_s, u"--login-delay"_s, u"40"_s, u"--login-delay-max"_s,
                          u"640"_s, u"--login-failure-limit"_s, u"6"_s}));
    QList<qint64> elapsed;
    for (int i = 0; i < 6; ++i) {
        const auto [ms, code] = failedHello(server.url());
        QCOMPARE(code, u"unauthorized"_s);
        elapsed.append(ms);
    }
    qInfo() << "failed hello answer times (ms):" << elapsed;
    // Waits 40, 80, 160, 320, 640, 640: only a coarse ordering is asserted.
    QVERIFY(elapsed.at(0) >= 30);
    QVERIFY2(elapsed.at(3) > elapsed.at(0) + 150, "the 4th failure is not slower than the 1st");
    QVERIFY(elapsed.at(5) > elapsed.at(1) + 300);

    // Over the limit: refused, even with a valid token, and closed with 4029.
    TestClient client;
    QVERIFY(client.open(server.url()));
    client.sendJson(hello(u"alice-demo-token"_s));
    const auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->value(u"code"_s).toString(), u"rate_limited"_s);
    QCOMPARE(client.waitForClose(), 4029);
    QCOMPARE(server.terminate(), 0);
}

void tst_ServerDurability::firstFailedLoginWaitsAQuarterSecond()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server;
    QVERIFY(server.start(dir.filePath(u"server.sqlite"_s), {u"--demo"_s}));
    const auto [ms, code] = failedHello(server.url());
    QCOMPARE(code, u"unauthorized"_s);
    QVERIFY2(ms >= 200, qPrintable(QString::number(ms)));
    // A good login is not slowed down.
    TestClient client;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.login(server.url(), u"alice-demo-token"_s));
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(server.terminate(), 0);
}

void tst_ServerDurability::wssWithSelfSignedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess generate;
    generate.start(openssl,
                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                    key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s});
    QVERIFY(generate.waitForFinished(60000));
    QCOMPARE(generate.exitCode(), 0);

    ServerProcess server;
    QVERIFY2(server.start(dir.filePath(u"server.sqlite"_s),
                          {u"--demo"_s, u"--tls-cert"_s, cert, u"--tls-key"_s, key}),
             qPrintable(server.errors()));
    TestClient client;
    QVERIFY(client.open(server.url(u"wss"_s), true));
    client.sendJson(hello(u"alice-demo-token"_s));
    const auto snapshot = client.next();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);
    // Plain ws:// to a wss:// server does not get in.
    TestClient plain;
    QVERIFY(!plain.open(server.url()));
    QCOMPARE(
        ServerProcess::runAdmin({u"--server"_s, server.url(u"wss"_s).toString(), u"--token"_s,
                                 u"admin-demo-token"_s, u"--insecure"_s, u"user"_s, u"list"_s}),
        0);
    QCOMPARE(server.terminate(), 0);
}

void tst_ServerDurability::silentPeersAreClosedLiveOnesKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server;
    QVERIFY(
        server.start(dir.filePath(u"server.sqlite"_s), {u"--demo"_s, u"--idle-timeout"_s, u"1"_s}));
    // A live client: its WebSocket library answers the server's pings.
    TestClient live;
    QVERIFY(live.login(server.url(), u"alice-demo-token"_s));

    // A peer that completes the handshake and then never sends anything, not even a pong.
    QTcpSocket silent;
    silent.connectToHost(u"127.0.0.1"_s, server.port());
    QVERIFY(silent.waitForConnected(5000));
    silent.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(silent.waitForReadyRead(5000));
    QVERIFY(silent.readAll().startsWith("HTTP/1.1 101"));
    QByteArray frames;
    QElapsedTimer timer;
    timer.start();
    // The server pings, gets no pong, sends a close frame after ~1 s and drops the socket
    // soon after if the peer stays silent. (Waiting through the event loop keeps the live
    // client answering pings meanwhile.)
    while (silent.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 15000) {
        QTest::qWait(20);
        frames += silent.readAll();
    }
    QVERIFY2(silent.state() != QAbstractSocket::ConnectedState, "a silent peer stayed connected");
    QVERIFY(timer.elapsed() >= 900);
    QVERIFY(frames.contains(char(0x88))); // a close frame was sent first

    QVERIFY(live.isConnected());
    live.sendJson({{u"type"_s, u"setControlledDevice"_s},
                   {u"id"_s, u"still-here"_s},
                   {u"device"_s, u"desk"_s}});
    const auto ack = live.next();
    QVERIFY(ack);
    QCOMPARE(ack->value(u"type"_s).toString(), u"ack"_s);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_ServerDurability)
#include "tst_serverdurability.moc"
