// The admin web console in a real browser (issue 14): the real followme-server with
// --admin-listen, Debian's headless Chromium driven through chromedriver by console_driver.py,
// and the desktop client's FollowMe page in this process, connected as alice. What the
// administrator does in the page reaches the client's widgets, what alice does in the client
// shows in the page, both live; plus the refusals, an accessibility smoke check and screenshots.

#include "DeviceRulesView.h"
#include "FollowMePage.h"
#include "SecondsSpinBox.h"
#include "SettingsDocument.h"
#include "SyncClient.h"
#include "ToggleSwitch.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The contract's headers (docs/server.md, the console): on every response.
const QByteArray contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const QString adminToken = u"admin-demo-token"_s;
const QString userToken = u"alice-demo-token"_s;

// How long the browser may take for one step (a sanitizer build of the server is slow), and
// how long the Qt side waits for the client to see a change.
constexpr int browserSeconds = 30;
constexpr int clientMs = 20000;

QString describe(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Waits, running the event loop, until `done()` or `ms` have passed; true if done.
template<typename Done, typename Signal, typename Sender>
bool waitFor(Sender *sender, Signal signal, Done done, int ms)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    timer.start(ms);
    loop.exec();
    return done();
}

} // namespace

// The real followme-server with both listeners, its addresses read from its standard output.
class ConsoleServer
{
public:
    ~ConsoleServer()
    {
        if (m_process.state() != QProcess::NotRunning && !stop())
            qWarning("followme-server did not exit cleanly: %s",
                     m_process.readAllStandardError().constData());
    }
    bool start(const QString &database)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(FOLLOWME_SERVER_EXECUTABLE),
                        {u"--demo"_s, u"--db"_s, database, u"--listen"_s, u"127.0.0.1:0"_s,
                         u"--admin-listen"_s, u"127.0.0.1:0"_s});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(u"listening on ([^\\s:]+):(\\d+)"_s);
        static const QRegularExpression console(u"admin console on (https?://[^\\s/]+/)"_s);
        QByteArray output;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            const auto ws = listening.match(QString::fromUtf8(output));
            const auto http = console.match(QString::fromUtf8(output));
            if (ws.hasMatch() && http.hasMatch()) {
                m_url = QUrl(u"ws://%1:%2/"_s.arg(ws.captured(1), ws.captured(2)));
                m_consoleUrl = QUrl(http.captured(1));
                return true;
            }
            if (!m_process.waitForReadyRead(1000) && m_process.state() != QProcess::Running)
                break;
            output += m_process.readAllStandardOutput();
        }
        qWarning("followme-server printed: %s\nand on stderr: %s", output.constData(),
                 m_process.readAllStandardError().constData());
        return false;
    }
    // SIGTERM; true if it then exited with 0 (in a sanitizer build: LeakSanitizer found nothing).
    bool stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(20000)) {
            ::kill(pid_t(m_process.processId()), SIGKILL);
            m_process.waitForFinished(10000);
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    QUrl url() const { return m_url; }
    QUrl consoleUrl() const { return m_consoleUrl; }
    // The console's WebSocket: the same address, ws:// instead of http://.
    QUrl consoleSocketUrl() const
    {
        QUrl url = m_consoleUrl;
        url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
        return url;
    }
    QByteArray standardError() { return m_process.readAllStandardError(); }

private:
    QProcess m_process;
    QUrl m_url;
    QUrl m_consoleUrl;
};

// A WebSocket speaking the protocol to the admin address, one JSON message at a time.
class ProtocolPeer
{
public:
    explicit ProtocolPeer(const QUrl &url)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             m_received.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        m_socket.open(url);
    }
    bool connected()
    {
        return waitFor(
            &m_socket, &QWebSocket::stateChanged,
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000);
    }
    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    // The next message received (an empty object after 10 s without one).
    QJsonObject next()
    {
        waitFor(&m_socket, &QWebSocket::textMessageReceived, [this] { return !m_received.isEmpty(); },
                10000);
        return m_received.isEmpty() ? QJsonObject() : m_received.takeFirst();
    }
    // The answer (ack or error) with this id, skipping pushes.
    QJsonObject answer(const QString &id)
    {
        for (QJsonObject message = next(); !message.isEmpty(); message = next()) {
            if (message.value(u"id"_s).toString() == id)
                return message;
        }
        return {};
    }
    QJsonObject hello(const QString &token)
    {
        send({{u"type"_s, u"hello"_s}, {u"protocol"_s, 1}, {u"token"_s, token},
              {u"client"_s, u"tst_adminconsole"_s}});
        return next();
    }
    QJsonObject command(const QString &id, const QString &command, const QJsonObject &args = {})
    {
        QJsonObject message {{u"type"_s, u"admin"_s}, {u"id"_s, id}, {u"command"_s, command}};
        if (!args.isEmpty())
            message.insert(u"args"_s, args);
        send(message);
        return answer(id);
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_received;
};

// One line of JSON to console_driver.py, one line of JSON back.
#define DRIVE(...)                                                                               \
    do {                                                                                         \
        m_answer = drive(__VA_ARGS__);                                                           \
        QVERIFY2(m_answer.value(u"ok"_s).toBool(), qPrintable(describe(m_answer)));              \
    } while (false)

class TestAdminConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start(m_dir.filePath(u"server.db"_s)));
        qInfo("console at %s", qPrintable(m_server.consoleUrl().toString()));

        // The desktop client's page, as alice.
        m_client = std::make_unique<SyncClient>(&m_document, m_dir.filePath(u"outbox.json"_s),
                                                m_dir.filePath(u"cache.json"_s));
        m_client->setServer(m_server.url());
        m_client->setToken(userToken);
        m_client->setSendDelay(10ms);
        m_client->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Connected, clientMs);
        m_page = std::make_unique<FollowMePage>(&m_document);
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_rows = m_page->findChild<DeviceRulesView *>(u"deviceRules"_s);
        QVERIFY(m_rows);
        m_desk = m_document.settings().indexOf(u"desk"_s);
        QVERIFY(m_desk >= 0);

        // The browser.
        m_driver.setProgram(QStringLiteral(FOLLOWME_PYTHON));
        m_driver.setArguments({QStringLiteral(FOLLOWME_CONSOLE_DRIVER), u"--chromium"_s,
                               QStringLiteral(FOLLOWME_CHROMIUM), u"--chromedriver"_s,
                               QStringLiteral(FOLLOWME_CHROMEDRIVER), u"--url"_s,
                               m_server.consoleUrl().toString(), u"--profile"_s,
                               m_dir.filePath(u"chromium-profile"_s)});
        m_driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_driver.start();
        QVERIFY2(m_driver.waitForStarted(10000), qPrintable(m_driver.errorString()));
        const QJsonObject ready = readAnswer(60000);
        QVERIFY2(ready.value(u"ready"_s).toBool(), qPrintable(describe(ready)));
        qInfo("Chromium %s", qPrintable(ready.value(u"browser"_s).toString()));
    }
    void cleanupTestCase()
    {
        if (m_driver.state() == QProcess::Running) {
            drive({{u"cmd"_s, u"quit"_s}});
            if (!m_driver.waitForFinished(20000))
                m_driver.kill();
        }
        if (m_driver.state() != QProcess::NotRunning)
            m_driver.waitForFinished(10000);
        m_page.reset();
        m_client.reset();
        QVERIFY2(m_server.stop(), m_server.standardError().constData());
    }

    // Case 1: the administrator unticks User Configurable in the console's FollowMe dialog; the
    // client's row greys out from the server's push, with nothing reloaded anywhere.
    void lockInTheConsoleGreysTheClientsRowOut()
    {
        QVERIFY(loginAndOpen(u"alice"_s));
        QVERIFY(m_rows->enabledSwitch(m_desk)->isEnabled());
        QVERIFY(m_rows->delaySpinBox(m_desk)->isEnabled());
        QVERIFY(!m_rows->lockLabel(m_desk)->isVisible());
        QSignalSpy states(m_client.get(), &SyncClient::stateChanged);
        QSignalSpy notices(m_client.get(), &SyncClient::notice);
        const int before = latestAuditId();

        DRIVE({{u"cmd"_s, u"lock"_s}, {u"device"_s, u"desk"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!m_rows->enabledSwitch(m_desk)->isEnabled(), clientMs);
        QVERIFY(!m_rows->delaySpinBox(m_desk)->isEnabled());
        QVERIFY(!m_rows->timeoutSpinBox(m_desk)->isEnabled());
        QVERIFY(m_rows->lockLabel(m_desk)->isVisible());
        QVERIFY(m_document.settings().device(u"desk"_s)->isLocked());
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.constFirst().constFirst().toString(),
                 u"Desk phone is now managed by your administrator."_s);
        // The push did it: the client never left its session.
        QVERIFY2(states.isEmpty(), "the client reconnected");
        QCOMPARE(m_client->state(), SyncClient::State::Connected);
        // The console's own audit list shows the lock, live.
        DRIVE({{u"cmd"_s, u"waitAudit"_s}, {u"action"_s, u"device.lock"_s},
               {u"device"_s, u"desk"_s}, {u"after"_s, before},
               {u"contains"_s, QJsonArray {u"Desk phone"_s}}, {u"timeout"_s, browserSeconds}});
    }

    // Case 2: unlocked again from the console; alice changes desk's Internal delay in the client
    // as a user would, and the console's row and audit list show it, by her.
    void clientEditShowsInTheConsoleWithItsAuditEntry()
    {
        QVERIFY(loginAndOpen(u"alice"_s));
        DRIVE({{u"cmd"_s, u"unlock"_s}, {u"device"_s, u"desk"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(m_rows->enabledSwitch(m_desk)->isEnabled(), clientMs);
        QVERIFY(!m_document.settings().device(u"desk"_s)->isLocked());
        QVERIFY(!m_rows->lockLabel(m_desk)->isVisible());
        const int before = latestAuditId();

        m_page->setCallKind(CallKind::Internal);
        const int delay = m_document.settings().device(u"desk"_s)->rule(CallKind::Internal).delay
            == 5 ? 6 : 5;
        SecondsSpinBox *spin = m_rows->delaySpinBox(m_desk);
        QVERIFY(spin->isEnabled());
        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(delay));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(m_document.settings().device(u"desk"_s)->rule(CallKind::Internal).delay, delay);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->pendingEditCount(), 0, clientMs);

        DRIVE({{u"cmd"_s, u"waitCell"_s}, {u"device"_s, u"desk"_s}, {u"kind"_s, u"internal"_s},
               {u"contains"_s, u"after %1 s"_s.arg(delay)}, {u"timeout"_s, browserSeconds}});
        DRIVE({{u"cmd"_s, u"waitAudit"_s}, {u"action"_s, u"setRule"_s}, {u"device"_s, u"desk"_s},
               {u"after"_s, before}, {u"contains"_s, QJsonArray {u"Desk phone"_s}},
               {u"timeout"_s, browserSeconds}});
        const QJsonObject shown = m_answer.value(u"entry"_s).toObject();
        // Newest first: it heads the list.
        DRIVE({{u"cmd"_s, u"auditIds"_s}});
        QCOMPARE(m_answer.value(u"ids"_s).toArray().first().toInt(),
                 shown.value(u"id"_s).toInt());
        // The entry the page shows is the server's record of alice's own edit.
        const QJsonObject entry = auditEntry(shown.value(u"id"_s).toInt());
        QCOMPARE(entry.value(u"action"_s).toString(), u"setRule"_s);
        QCOMPARE(entry.value(u"device"_s).toString(), u"desk"_s);
        QCOMPARE(entry.value(u"callKind"_s).toString(), u"internal"_s);
        QCOMPARE(entry.value(u"by"_s).toObject().value(u"kind"_s).toString(), u"user"_s);
        QCOMPARE(entry.value(u"after"_s).toObject().value(u"delay"_s).toInt(), delay);
        // … and the sentence says who: alice's desktop client, not an administrator.
        const QString text = shown.value(u"text"_s).toString();
        QVERIFY2(text.contains(u"Alice"_s) && text.contains(u"desktop client"_s), qPrintable(text));
    }

    // Case 4: labels on every control, the dialog by keyboard alone, the CSP, no token in sight.
    void accessibilitySmokeCheck()
    {
        DRIVE({{u"cmd"_s, u"open"_s}});
        DRIVE({{u"cmd"_s, u"a11y"_s}});
        QVERIFY2(m_answer.value(u"missing"_s).toArray().isEmpty(),
                 qPrintable(u"controls of the login page without a name: "_s + describe(m_answer)));
        QVERIFY(loginAndOpen(u"alice"_s));
        DRIVE({{u"cmd"_s, u"a11y"_s}});
        QVERIFY2(m_answer.value(u"missing"_s).toArray().isEmpty(),
                 qPrintable(u"controls without a name: "_s + describe(m_answer)));
        QVERIFY(m_answer.value(u"checked"_s).toInt() > 20); // the dialog's 12 and the page's

        // Enter on FollowMe…, Tab to Internal's Delay, type, Tab to Save, Enter; Space, Esc.
        const int delay =
            m_document.settings().device(u"desk"_s)->rule(CallKind::Internal).delay == 7 ? 8 : 7;
        DRIVE({{u"cmd"_s, u"keyboardDialog"_s}, {u"device"_s, u"desk"_s},
               {u"kind"_s, u"internal"_s}, {u"delay"_s, delay}, {u"timeout"_s, browserSeconds}});
        qInfo("keyboard path: %s", qPrintable(describe(m_answer)));
        QCOMPARE(m_answer.value(u"typed"_s).toString(), QString::number(delay));
        QCOMPARE(m_answer.value(u"afterSave"_s).toObject().value(u"device"_s).toString(),
                 u"desk"_s);
        QCOMPARE(m_answer.value(u"afterEsc"_s).toObject().value(u"device"_s).toString(),
                 u"desk"_s);
        // Saved for real: the client has it.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_document.settings().device(u"desk"_s)->rule(CallKind::Internal).delay, delay,
            clientMs);

        // Nothing the CSP refused, no script errors.
        DRIVE({{u"cmd"_s, u"consoleErrors"_s}});
        const QJsonArray entries = m_answer.value(u"entries"_s).toArray();
        QStringList bad;
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QString message = entry.value(u"message"_s).toString();
            if (entry.value(u"level"_s).toString() == u"SEVERE"_s
                || message.contains(u"Content Security Policy"_s)
                || message.contains(u"Refused to"_s))
                bad.append(message);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));

        // The token is nowhere but in the page's memory.
        DRIVE({{u"cmd"_s, u"storage"_s}});
        const QString storage = describe(m_answer);
        QVERIFY2(!storage.contains(adminToken), qPrintable(storage));
        QVERIFY2(!m_answer.value(u"url"_s).toString().contains(u"token"_s), qPrintable(storage));
        QCOMPARE(m_answer.value(u"cookie"_s).toString(), QString());

        // The headers of / (and of a path that isn't there).
        QNetworkAccessManager network;
        for (const QString &path : {u"/"_s, u"/console.js"_s, u"/nothing-here"_s}) {
            QUrl url = m_server.consoleUrl();
            url.setPath(path);
            std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
            QVERIFY(waitFor(reply.get(), &QNetworkReply::finished,
                            [&] { return reply->isFinished(); }, 10000));
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QCOMPARE(status, path == u"/nothing-here"_s ? 404 : 200);
            QCOMPARE(reply->rawHeader("Content-Security-Policy"), contentSecurityPolicy);
            QCOMPARE(reply->rawHeader("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(reply->rawHeader("Referrer-Policy"), QByteArray("no-referrer"));
            QCOMPARE(reply->rawHeader("Cache-Control"), QByteArray("no-store"));
            if (path == u"/"_s)
                QVERIFY2(reply->header(QNetworkRequest::ContentTypeHeader)
                             .toString()
                             .startsWith(u"text/html"_s),
                         qPrintable(reply->header(QNetworkRequest::ContentTypeHeader).toString()));
        }
    }

    // Case 5: what the administrator sees, at 1280x800, for a person to look at.
    void screenshots()
    {
        const QString folder = QStringLiteral(FOLLOWME_BINARY_DIR "/test-screenshots/console/");
        QVERIFY(QDir().mkpath(folder));
        auto shoot = [&](const QString &name) {
            const QString path = folder + name;
            QFile::remove(path);
            m_answer = drive({{u"cmd"_s, u"screenshot"_s}, {u"path"_s, path}});
            const QImage image(path);
            return m_answer.value(u"ok"_s).toBool() && image.size() == QSize(1280, 800);
        };
        DRIVE({{u"cmd"_s, u"open"_s}});
        QVERIFY2(shoot(u"0-login.png"_s), qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"login"_s}, {u"token"_s, adminToken}});
        QCOMPARE(m_answer.value(u"state"_s).toString(), u"ready"_s);
        QVERIFY2(shoot(u"1-user-list.png"_s), qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"openUser"_s}, {u"user"_s, u"alice"_s}});
        QVERIFY2(shoot(u"2-devices.png"_s), qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"openDialog"_s}, {u"device"_s, u"desk"_s}});
        QVERIFY2(shoot(u"3-followme-dialog.png"_s), qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"closeDialog"_s}});
        DRIVE({{u"cmd"_s, u"tab"_s}, {u"name"_s, u"timeline"_s}});
        QVERIFY2(shoot(u"4-timeline.png"_s), qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"tab"_s}, {u"name"_s, u"audit"_s}});
        DRIVE({{u"cmd"_s, u"waitText"_s}, {u"css"_s, u"#audit-list li[data-entry-id]"_s}});
        QVERIFY2(shoot(u"5-audit.png"_s), qPrintable(describe(m_answer)));
        qInfo("screenshots in %s", qPrintable(folder));
    }

    // Case 3 (last: the wrong token counts as a failed login of this address): a wrong token
    // and a user's token are refused in the page, and a user's session can't use an admin
    // command on the admin address either.
    void wrongAndUserTokensAreRefused()
    {
        DRIVE({{u"cmd"_s, u"open"_s}});
        DRIVE({{u"cmd"_s, u"login"_s}, {u"token"_s, u"not-a-token"_s},
               {u"timeout"_s, browserSeconds}});
        QCOMPARE(m_answer.value(u"state"_s).toString(), u"refused"_s);
        QVERIFY2(m_answer.value(u"error"_s).toString().contains(u"wrong token"_s, Qt::CaseInsensitive),
                 qPrintable(describe(m_answer)));

        DRIVE({{u"cmd"_s, u"open"_s}});
        DRIVE({{u"cmd"_s, u"login"_s}, {u"token"_s, userToken}, {u"timeout"_s, browserSeconds}});
        QCOMPARE(m_answer.value(u"state"_s).toString(), u"refused"_s);
        QVERIFY2(m_answer.value(u"error"_s).toString().contains(u"not an administrator"_s),
                 qPrintable(describe(m_answer)));
        DRIVE({{u"cmd"_s, u"count"_s}, {u"css"_s, u"#user-list li[data-user]"_s}});
        QCOMPARE(m_answer.value(u"count"_s).toInt(), 0);
        DRIVE({{u"cmd"_s, u"storage"_s}});
        QVERIFY2(!describe(m_answer).contains(userToken), qPrintable(describe(m_answer)));

        // The protocol itself: alice's token on the admin address is a user session, and every
        // admin command is forbidden to it; nothing changes.
        ProtocolPeer peer(m_server.consoleSocketUrl());
        QVERIFY(peer.connected());
        QCOMPARE(peer.hello(userToken).value(u"type"_s).toString(), u"snapshot"_s);
        const QJsonObject list = peer.command(u"x"_s, u"user.list"_s);
        QCOMPARE(list.value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(list.value(u"code"_s).toString(), u"forbidden"_s);
        const bool locked = m_document.settings().device(u"desk"_s)->isLocked();
        for (const QString &command : {u"device.lock"_s, u"device.unlock"_s, u"audit.list"_s,
                                       u"user.watch"_s, u"token.issue"_s}) {
            const QJsonObject refused =
                peer.command(u"y-"_s + command, command,
                             {{u"device"_s, u"desk"_s}, {u"user"_s, u"alice"_s}});
            QCOMPARE(refused.value(u"type"_s).toString(), u"error"_s);
            QCOMPARE(refused.value(u"code"_s).toString(), u"forbidden"_s);
        }
        QCOMPARE(m_document.settings().device(u"desk"_s)->isLocked(), locked);
    }

private:
    // Reloads the console (a reload asks for the token again), logs in as the administrator
    // and opens a user's devices.
    bool loginAndOpen(const QString &user)
    {
        m_answer = drive({{u"cmd"_s, u"open"_s}});
        if (m_answer.value(u"ok"_s).toBool())
            m_answer = drive({{u"cmd"_s, u"login"_s}, {u"token"_s, adminToken},
                              {u"timeout"_s, browserSeconds}});
        if (m_answer.value(u"state"_s).toString() != u"ready"_s) {
            qWarning("login: %s", qPrintable(describe(m_answer)));
            return false;
        }
        m_answer = drive({{u"cmd"_s, u"openUser"_s}, {u"user"_s, user},
                          {u"timeout"_s, browserSeconds}});
        if (!m_answer.value(u"ok"_s).toBool())
            qWarning("openUser: %s", qPrintable(describe(m_answer)));
        return m_answer.value(u"ok"_s).toBool();
    }

    // The newest audit entry's id the console shows (-1 for none), from its audit tab.
    int latestAuditId()
    {
        drive({{u"cmd"_s, u"tab"_s}, {u"name"_s, u"audit"_s}});
        const QJsonArray ids = drive({{u"cmd"_s, u"auditIds"_s}}).value(u"ids"_s).toArray();
        drive({{u"cmd"_s, u"tab"_s}, {u"name"_s, u"devices"_s}});
        return ids.isEmpty() ? -1 : ids.first().toInt();
    }

    // The server's audit entry with this id, through an admin session of the test's own.
    QJsonObject auditEntry(int id)
    {
        ProtocolPeer peer(m_server.consoleSocketUrl());
        if (!peer.connected() || peer.hello(adminToken).value(u"type"_s).toString() != u"adminReady"_s)
            return {};
        const QJsonObject ack = peer.command(u"audit"_s, u"audit.list"_s,
                                             {{u"user"_s, u"alice"_s}, {u"limit"_s, 20}});
        for (const QJsonValue &value :
             ack.value(u"result"_s).toObject().value(u"entries"_s).toArray()) {
            if (value.toObject().value(u"id"_s).toInt() == id)
                return value.toObject();
        }
        qWarning("no audit entry %d in %s", id, qPrintable(describe(ack)));
        return {};
    }

    QJsonObject readAnswer(int ms)
    {
        if (!m_driver.canReadLine() && m_driver.state() == QProcess::Running) {
            QEventLoop loop;
            QTimer timer;
            timer.setSingleShot(true);
            connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
            connect(&m_driver, &QProcess::finished, &loop, &QEventLoop::quit);
            connect(&m_driver, &QProcess::readyReadStandardOutput, &loop, [&] {
                if (m_driver.canReadLine())
                    loop.quit();
            });
            timer.start(ms);
            loop.exec();
        }
        if (!m_driver.canReadLine())
            return {{u"ok"_s, false},
                    {u"error"_s, m_driver.state() == QProcess::Running
                         ? u"console_driver.py did not answer in %1 ms"_s.arg(ms)
                         : u"console_driver.py has ended"_s}};
        const QByteArray line = m_driver.readLine();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject())
            return {{u"ok"_s, false},
                    {u"error"_s, QString(u"not JSON from console_driver.py: "_s + QString::fromUtf8(line))}};
        return document.object();
    }
    QJsonObject drive(const QJsonObject &command)
    {
        if (m_driver.state() != QProcess::Running)
            return {{u"ok"_s, false}, {u"error"_s, u"console_driver.py is not running"_s}};
        m_driver.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
        const int seconds = command.value(u"timeout"_s).toInt(15);
        return readAnswer((seconds + 30) * 1000);
    }

    QTemporaryDir m_dir;
    ConsoleServer m_server;
    SettingsDocument m_document;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<FollowMePage> m_page;
    DeviceRulesView *m_rows = nullptr;
    int m_desk = -1;
    QProcess m_driver;
    QJsonObject m_answer;
};

QTEST_MAIN(TestAdminConsole)
#include "tst_adminconsole.moc"
