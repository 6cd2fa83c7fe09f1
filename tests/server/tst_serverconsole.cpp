// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console's listener (--admin-listen) and what the console relies on: the page served
// with its security headers, the WebSocket at the same address (same origin only), user.watch
// with its userChanged pushes, and the audit log (audit.list, recentChanges, a push's change).
#include "ServerProcess.h"
#include "TestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {

QJsonObject admin(const QString &id, const QString &command, const QJsonObject &args = {})
{
    return {{u"type"_s, u"admin"_s}, {u"id"_s, id}, {u"command"_s, command}, {u"args"_s, args}};
}

QJsonObject setRule(const QString &id, const QString &device, const QString &callKind, int delay)
{
    return {{u"type"_s, u"setRule"_s},
            {u"id"_s, id},
            {u"device"_s, device},
            {u"callKind"_s, callKind},
            {u"delay"_s, delay}};
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;
};

Reply fetch(const QUrl &url, const QByteArray &method = "GET", bool ignoreSslErrors = false)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    QNetworkReply *reply = manager.sendCustomRequest(request, method);
    if (ignoreSslErrors)
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(5000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    delete reply;
    return result;
}

} // namespace

class tst_ServerConsole : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cleanupTestCase() { cleanup(); }

    void servesThePageWithItsSecurityHeaders();
    void refusesOtherPathsAndMethods();
    void socketAtTheSameAddressTakesOnlyItsOwnOrigin();
    void watchPushesEveryChangeOfTheUser();
    void userTokenCannotWatchOrReadTheLog();
    void auditLogRecordsWhoChangedWhat();
    void othersChangesReachTheUser();
    void auditListRefusesBadArguments();
    void listenAddressIsChecked();
    void consoleOverTls();
    void failedConsoleLoginsCountForTheWholeServer();

private:
    QUrl consoleUrl() const;
    // An admin session on the console's own WebSocket.
    bool openAdmin(TestClient *client) const;

    QTemporaryDir *m_dir = nullptr;
    ServerProcess *m_server = nullptr;
};

void tst_ServerConsole::init()
{
    cleanup(); // a failed init() is not followed by cleanup(): no server may be left behind
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_server = new ServerProcess;
    QVERIFY2(m_server->start(m_dir->filePath(u"server.sqlite"_s),
                             {u"--demo"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s}),
             qPrintable(m_server->errors()));
    QTRY_VERIFY_WITH_TIMEOUT(consoleUrl().isValid(), 5000);
}

void tst_ServerConsole::cleanup()
{
    delete m_server;
    m_server = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

QUrl tst_ServerConsole::consoleUrl() const
{
    static const QRegularExpression line(u"admin console on (http://127\\.0\\.0\\.1:\\d+/)"_s);
    const auto match = line.match(m_server->output());
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

bool tst_ServerConsole::openAdmin(TestClient *client) const
{
    QUrl url = consoleUrl();
    url.setScheme(u"ws"_s);
    if (!client->open(url))
        return false;
    client->sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"admin-demo-token"_s}});
    const auto ready = client->next();
    return ready && ready->value(u"type"_s).toString() == u"adminReady";
}

void tst_ServerConsole::servesThePageWithItsSecurityHeaders()
{
    const Reply page = fetch(consoleUrl());
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<!DOCTYPE html>"));
    QVERIFY(page.headers.value("content-type").startsWith("text/html"));
    const QByteArray csp = page.headers.value("content-security-policy");
    QVERIFY2(csp.contains("default-src 'none'"), csp.constData());
    QVERIFY(csp.contains("script-src 'self'"));
    QVERIFY(csp.contains("connect-src 'self'"));
    QVERIFY(csp.contains("frame-ancestors 'none'"));
    QVERIFY(!csp.contains("unsafe-inline"));
    QCOMPARE(page.headers.value("x-content-type-options"), "nosniff");
    QCOMPARE(page.headers.value("referrer-policy"), "no-referrer");

    // Every script the page loads is served, as a script, under the same policy.
    static const QRegularExpression script(u"<script src=\"([^\"]+)\""_s);
    int scripts = 0;
    for (const auto &match : script.globalMatch(QString::fromUtf8(page.body))) {
        const Reply file = fetch(consoleUrl().resolved(QUrl(match.captured(1))));
        QCOMPARE(file.status, 200);
        QVERIFY(file.headers.value("content-type").startsWith("text/javascript"));
        QCOMPARE(file.headers.value("content-security-policy"), csp);
        ++scripts;
    }
    QVERIFY(scripts >= 1);
    // No inline script: a policy without 'unsafe-inline' would block it anyway.
    QVERIFY(!QString::fromUtf8(page.body).contains(QRegularExpression(u"<script(?![^>]*src=)"_s)));
}

void tst_ServerConsole::refusesOtherPathsAndMethods()
{
    QCOMPARE(fetch(consoleUrl().resolved(QUrl(u"nothing-here.js"_s))).status, 404);
    QCOMPARE(fetch(consoleUrl().resolved(QUrl(u"/a/b"_s))).status, 404);
    QCOMPARE(fetch(consoleUrl().resolved(QUrl(u"/.hidden"_s))).status, 404);
    // Percent-encoded dots are no way out of the console's files either.
    QCOMPARE(fetch(QUrl(consoleUrl().toString() + u"%2e%2e%2fserver.sqlite"_s)).status, 404);
    QCOMPARE(fetch(consoleUrl(), "POST").status, 405);
    QCOMPARE(fetch(consoleUrl(), "DELETE").status, 405);
    // Still serving after all that.
    QCOMPARE(fetch(consoleUrl()).status, 200);
}

void tst_ServerConsole::socketAtTheSameAddressTakesOnlyItsOwnOrigin()
{
    TestClient own;
    QVERIFY(openAdmin(&own));

    QUrl url = consoleUrl();
    url.setScheme(u"ws"_s);
    const QString sameOrigin = consoleUrl().toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
    for (const QString &origin : {u"http://evil.example"_s, u"http://127.0.0.1:1"_s, sameOrigin}) {
        QWebSocket socket(origin);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        socket.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(connected.size() + failed.size() > 0, 5000);
        QCOMPARE(connected.size() == 1, origin == sameOrigin);
        socket.abort();
    }
}

void tst_ServerConsole::watchPushesEveryChangeOfTheUser()
{
    TestClient console;
    QVERIFY(openAdmin(&console));
    console.sendJson(admin(u"w"_s, u"user.watch"_s, {{u"user"_s, u"alice"_s}}));
    const auto watched = console.next();
    QVERIFY(watched);
    QCOMPARE(watched->value(u"type"_s), u"ack"_s);
    const QJsonObject state = watched->value(u"result"_s).toObject();
    QCOMPARE(state.value(u"user"_s).toObject().value(u"id"_s), u"alice"_s);
    const qint64 revision = state.value(u"revision"_s).toInteger();
    QVERIFY(!state.value(u"settings"_s).toObject().value(u"devices"_s).toArray().isEmpty());

    // The user's own edit, in the desktop client's session.
    TestClient alice;
    QVERIFY(alice.login(m_server->url(), u"alice-demo-token"_s));
    alice.sendJson(setRule(u"e1"_s, u"desk"_s, u"internal"_s, 7));
    QVERIFY(alice.nextOfType(u"ack"_s));
    auto pushed = console.nextOfType(u"userChanged"_s);
    QVERIFY(pushed);
    QCOMPARE(pushed->value(u"user"_s), u"alice"_s);
    QCOMPARE(pushed->value(u"revision"_s).toInteger(), revision + 1);
    const QJsonObject change = pushed->value(u"change"_s).toObject();
    QCOMPARE(change.value(u"action"_s), u"setRule"_s);
    QCOMPARE(change.value(u"by"_s).toObject().value(u"kind"_s), u"user"_s);
    QCOMPARE(change.value(u"after"_s).toObject().value(u"delay"_s).toInt(), 7);
    bool found = false;
    for (const QJsonValue &device :
         pushed->value(u"settings"_s).toObject().value(u"devices"_s).toArray()) {
        if (device.toObject().value(u"id"_s).toString() == u"desk") {
            found = true;
            QCOMPARE(device.toObject()
                         .value(u"rules"_s)
                         .toObject()
                         .value(u"internal"_s)
                         .toObject()
                         .value(u"delay"_s)
                         .toInt(),
                     7);
        }
    }
    QVERIFY(found);

    // An administrator's change from another admin session reaches the watcher too.
    TestClient other;
    QVERIFY(openAdmin(&other));
    other.sendJson(admin(u"l"_s, u"device.lock"_s, {{u"device"_s, u"desk"_s}}));
    QVERIFY(other.nextOfType(u"ack"_s));
    pushed = console.nextOfType(u"userChanged"_s);
    QVERIFY(pushed);
    QCOMPARE(pushed->value(u"revision"_s).toInteger(), revision + 2);
    QCOMPARE(pushed->value(u"change"_s).toObject().value(u"action"_s), u"device.lock"_s);

    // Bob's changes are none of this watcher's business.
    TestClient bob;
    QVERIFY(bob.login(m_server->url(), u"bob-demo-token"_s));
    const auto bobSnapshot = bob.login(m_server->url(), u"bob-demo-token"_s);
    QVERIFY(bobSnapshot);
    const QString bobDevice = bobSnapshot->value(u"settings"_s)
                                  .toObject()
                                  .value(u"devices"_s)
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(u"id"_s)
                                  .toString();
    bob.sendJson(setRule(u"b1"_s, bobDevice, u"external"_s, 3));
    QVERIFY(bob.nextOfType(u"ack"_s));
    QVERIFY(console.receivedNothingMore());

    // After user.unwatch, nothing more.
    console.sendJson(admin(u"u"_s, u"user.unwatch"_s));
    QVERIFY(console.nextOfType(u"ack"_s));
    alice.sendJson(setRule(u"e2"_s, u"mobile"_s, u"internal"_s, 4));
    QVERIFY(alice.nextOfType(u"ack"_s));
    QVERIFY(console.receivedNothingMore());
}

void tst_ServerConsole::userTokenCannotWatchOrReadTheLog()
{
    for (const QUrl &url :
         {m_server->url(), QUrl(consoleUrl().toString().replace(u"http"_s, u"ws"_s))}) {
        TestClient alice;
        QVERIFY(alice.login(url, u"alice-demo-token"_s));
        for (const QString &command : {u"user.watch"_s, u"audit.list"_s, u"user.list"_s}) {
            alice.sendJson(admin(command, command, {{u"user"_s, u"alice"_s}}));
            const auto answer = alice.next();
            QVERIFY(answer);
            QCOMPARE(answer->value(u"type"_s), u"error"_s);
            QCOMPARE(answer->value(u"code"_s), u"forbidden"_s);
        }
    }
}

void tst_ServerConsole::auditLogRecordsWhoChangedWhat()
{
    TestClient alice;
    QVERIFY(alice.login(m_server->url(), u"alice-demo-token"_s));
    alice.sendJson(setRule(u"e1"_s, u"desk"_s, u"external"_s, 12));
    QVERIFY(alice.nextOfType(u"ack"_s));
    // A no-op records nothing.
    alice.sendJson(setRule(u"e2"_s, u"desk"_s, u"external"_s, 12));
    QVERIFY(alice.nextOfType(u"ack"_s));

    TestClient console;
    QVERIFY(openAdmin(&console));
    console.sendJson(admin(u"r"_s, u"device.rename"_s,
                           {{u"device"_s, u"desk"_s}, {u"name"_s, u"Front desk"_s}}));
    QVERIFY(console.nextOfType(u"ack"_s));
    console.sendJson(admin(u"t"_s, u"token.issue"_s, {{u"user"_s, u"alice"_s}}));
    const auto issued = console.nextOfType(u"ack"_s);
    QVERIFY(issued);
    const QString token = issued->value(u"result"_s).toObject().value(u"token"_s).toString();
    QVERIFY(!token.isEmpty());

    console.sendJson(admin(u"a"_s, u"audit.list"_s, {{u"user"_s, u"alice"_s}}));
    const auto listed = console.nextOfType(u"ack"_s);
    QVERIFY(listed);
    const QJsonArray entries = listed->value(u"result"_s).toObject().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    // Newest first: the token, the rename, the user's own edit.
    const QJsonObject tokenEntry = entries.at(0).toObject();
    QCOMPARE(tokenEntry.value(u"action"_s), u"token.issue"_s);
    QVERIFY(!QJsonDocument(tokenEntry).toJson().contains(token.toUtf8()));
    const QJsonObject rename = entries.at(1).toObject();
    QCOMPARE(rename.value(u"action"_s), u"device.rename"_s);
    QCOMPARE(rename.value(u"before"_s), u"Desk phone"_s);
    QCOMPARE(rename.value(u"after"_s), u"Front desk"_s);
    QCOMPARE(rename.value(u"by"_s).toObject().value(u"kind"_s), u"admin"_s);
    QCOMPARE(rename.value(u"by"_s).toObject().value(u"from"_s), u"127.0.0.1"_s);
    const QJsonObject edit = entries.at(2).toObject();
    QCOMPARE(edit.value(u"action"_s), u"setRule"_s);
    QCOMPARE(edit.value(u"device"_s), u"desk"_s);
    QCOMPARE(edit.value(u"callKind"_s), u"external"_s);
    QCOMPARE(edit.value(u"by"_s).toObject().value(u"kind"_s), u"user"_s);
    QVERIFY(QDateTime::fromString(edit.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(entries.at(0).toObject().value(u"id"_s).toInteger()
            > entries.at(2).toObject().value(u"id"_s).toInteger());

    // Paging: older than the newest, one at a time.
    console.sendJson(admin(
        u"p"_s, u"audit.list"_s,
        {{u"user"_s, u"alice"_s}, {u"limit"_s, 1}, {u"before"_s, tokenEntry.value(u"id"_s)}}));
    const auto page = console.nextOfType(u"ack"_s);
    QVERIFY(page);
    const QJsonArray older = page->value(u"result"_s).toObject().value(u"entries"_s).toArray();
    QCOMPARE(older.size(), 1);
    QCOMPARE(older.first().toObject().value(u"action"_s), u"device.rename"_s);

    // followme-admin lists the same log.
    QString out;
    QCOMPARE(m_server->admin({u"audit"_s, u"list"_s, u"--user"_s, u"alice"_s}, &out), 0);
    QVERIFY2(out.contains(u"device.rename desk"_s), qPrintable(out));
    QVERIFY(out.contains(u"setRule desk external"_s));
}

void tst_ServerConsole::othersChangesReachTheUser()
{
    TestClient alice;
    const auto first = alice.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(first);
    QVERIFY(!first->contains(u"recentChanges"_s));

    TestClient console;
    QVERIFY(openAdmin(&console));
    console.sendJson(
        admin(u"s"_s, u"device.setRule"_s,
              {{u"device"_s, u"desk"_s}, {u"callKind"_s, u"teams"_s}, {u"delay"_s, 9}}));
    QVERIFY(console.nextOfType(u"ack"_s));
    // The push says who made it.
    const auto pushed = alice.nextOfType(u"ruleChanged"_s);
    QVERIFY(pushed);
    const QJsonObject change = pushed->value(u"change"_s).toObject();
    QCOMPARE(change.value(u"action"_s), u"device.setRule"_s);
    QCOMPARE(change.value(u"by"_s).toObject().value(u"kind"_s), u"admin"_s);

    // The user's own edit is not among "changes by others".
    alice.sendJson(setRule(u"own"_s, u"desk"_s, u"internal"_s, 2));
    QVERIFY(alice.nextOfType(u"ack"_s));
    TestClient later;
    const auto snapshot = later.login(m_server->url(), u"alice-demo-token"_s);
    QVERIFY(snapshot);
    const QJsonArray recent = snapshot->value(u"recentChanges"_s).toArray();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first().toObject().value(u"action"_s), u"device.setRule"_s);
}

void tst_ServerConsole::auditListRefusesBadArguments()
{
    TestClient console;
    QVERIFY(openAdmin(&console));
    const QList<QJsonObject> bad {{{u"limit"_s, 0}},       {{u"limit"_s, 501}}, {{u"limit"_s, 2.5}},
                                  {{u"limit"_s, u"10"_s}}, {{u"before"_s, -1}}, {{u"user"_s, 5}},
                                  {{u"user"_s, u""_s}}};
    for (const QJsonObject &args : bad) {
        console.sendJson(admin(u"x"_s, u"audit.list"_s, args));
        const auto answer = console.next();
        QVERIFY(answer);
        QCOMPARE(answer->value(u"code"_s), u"invalid"_s);
    }
    console.sendJson(admin(u"w"_s, u"user.watch"_s, {{u"user"_s, u"nobody"_s}}));
    QCOMPARE(console.next()->value(u"code"_s), u"not_found"_s);
    console.sendJson(admin(u"w"_s, u"user.watch"_s));
    QCOMPARE(console.next()->value(u"code"_s), u"invalid"_s);
    // An unknown user has an empty log rather than an error: a removed user's stays readable.
    console.sendJson(admin(u"n"_s, u"audit.list"_s, {{u"user"_s, u"nobody"_s}}));
    const auto none = console.nextOfType(u"ack"_s);
    QVERIFY(none);
    QVERIFY(none->value(u"result"_s).toObject().value(u"entries"_s).toArray().isEmpty());
}

void tst_ServerConsole::listenAddressIsChecked()
{
    QString out;
    QString err;
    for (const QString &address : {u"70000"_s, u"nowhere"_s, u"127.0.0.1:x"_s}) {
        QProcess process;
        process.start(ServerProcess::serverExecutable(),
                      {u"--db"_s, m_dir->filePath(u"other.sqlite"_s), u"--listen"_s,
                       u"127.0.0.1:0"_s, u"--admin-listen"_s, address});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("--admin-listen"));
    }
    // The port already taken: refused at start, nothing half-running.
    QProcess taken;
    taken.start(ServerProcess::serverExecutable(),
                {u"--db"_s, m_dir->filePath(u"other.sqlite"_s), u"--listen"_s, u"127.0.0.1:0"_s,
                 u"--admin-listen"_s, u"127.0.0.1:%1"_s.arg(consoleUrl().port())});
    QVERIFY(taken.waitForFinished(10000));
    QCOMPARE(taken.exitCode(), 2);
    QVERIFY(taken.readAllStandardError().contains("admin console"));
}

void tst_ServerConsole::consoleOverTls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    const QString cert = m_dir->filePath(u"cert.pem"_s);
    const QString key = m_dir->filePath(u"key.pem"_s);
    QProcess generate;
    generate.start(openssl,
                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                    key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s});
    QVERIFY(generate.waitForFinished(60000));
    QCOMPARE(generate.exitCode(), 0);

    ServerProcess server;
    QVERIFY2(server.start(m_dir->filePath(u"tls.sqlite"_s),
                          {u"--demo"_s, u"--tls-cert"_s, cert, u"--tls-key"_s, key,
                           u"--admin-listen"_s, u"0"_s}),
             qPrintable(server.errors()));
    static const QRegularExpression line(u"admin console on (https://127\\.0\\.0\\.1:\\d+/)"_s);
    const auto match = line.match(server.output());
    QVERIFY2(match.hasMatch(), qPrintable(server.output()));
    const QUrl url(match.captured(1));
    const Reply page = fetch(url, "GET", true);
    QCOMPARE(page.status, 200);
    QVERIFY(page.headers.contains("content-security-policy"));
    // Plain http to the https console gets no page.
    QUrl plain = url;
    plain.setScheme(u"http"_s);
    QVERIFY(fetch(plain).status != 200);

    QUrl socketUrl = url;
    socketUrl.setScheme(u"wss"_s);
    TestClient console;
    QVERIFY(console.open(socketUrl, true));
    console.sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"admin-demo-token"_s}});
    const auto ready = console.next();
    QVERIFY(ready);
    QCOMPARE(ready->value(u"type"_s).toString(), u"adminReady"_s);
    QCOMPARE(server.terminate(), 0);
}

void tst_ServerConsole::failedConsoleLoginsCountForTheWholeServer()
{
    ServerProcess server;
    QVERIFY2(server.start(m_dir->filePath(u"throttle.sqlite"_s),
                          {u"--demo"_s, u"--admin-listen"_s, u"0"_s, u"--login-delay"_s, u"1"_s,
                           u"--login-delay-max"_s, u"1"_s, u"--login-failure-limit"_s, u"2"_s}),
             qPrintable(server.errors()));
    static const QRegularExpression line(u"admin console on http://(127\\.0\\.0\\.1:\\d+)/"_s);
    const auto match = line.match(server.output());
    QVERIFY(match.hasMatch());
    const QUrl console(u"ws://%1/"_s.arg(match.captured(1)));
    const QJsonObject wrong {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"guess"_s}};
    for (int attempt = 0; attempt < 2; ++attempt) {
        TestClient guesser;
        QVERIFY(guesser.open(console));
        guesser.sendJson(wrong);
        const auto refused = guesser.next();
        QVERIFY(refused);
        QCOMPARE(refused->value(u"code"_s).toString(), u"unauthorized"_s);
        QCOMPARE(guesser.waitForClose(), 4001);
    }
    // Guesses at the console count on the user listener too: the same address is now refused
    // there, even with a valid token.
    TestClient alice;
    QVERIFY(alice.open(server.url()));
    alice.sendJson(
        {{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, u"alice-demo-token"_s}});
    const auto blocked = alice.next();
    QVERIFY(blocked);
    QCOMPARE(blocked->value(u"code"_s).toString(), u"rate_limited"_s);
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_ServerConsole)
#include "tst_serverconsole.moc"
