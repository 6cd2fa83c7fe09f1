// SPDX-License-Identifier: GPL-3.0-or-later
// `followme --server URL --startup-check`, the smoke test behind `scripts/run.sh --startup-check`:
// the real client binary against the real server binary on 127.0.0.1. It must pass only when the
// page really shows the server's snapshot, and say what did not come up otherwise.

#include "DeviceRulesView.h"
#include "FollowMePage.h"
#include "ProgramRun.h"
#include "ServerProcess.h"
#include "SettingsDocument.h"
#include "StartupCheck.h"
#include "SyncClient.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalBlocker>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using Run = ProgramRun;

class TestStartupCheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passesWhenThePageShowsTheSnapshot();
    void failsWhenTheServerRefusesTheToken();
    void failsWithoutAServer();
    void refusesOfflineMode();
    // In this process, to reach what the binary can't be made to do: a page that is off.
    void passesOnAPageThatFollowsTheDocument();
    void failsWhenARowShowsOtherValues();

private:
    Run runClient(const QStringList &arguments, const QString &token) const;
    // The check's verdict on a connected page; `spoil` may change what the page shows first.
    QVariantList checkConnectedPage(const std::function<void(FollowMePage &)> &spoil);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
};

void TestStartupCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ServerProcess>(QStringLiteral(FOLLOWME_SERVER_EXECUTABLE),
                                               m_dir->filePath(u"server.db"_s));
    QVERIFY(m_server->start());
}

void TestStartupCheck::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

Run TestStartupCheck::runClient(const QStringList &arguments, const QString &token) const
{
    QProcessEnvironment environment = isolatedEnvironment(m_dir->path());
    // No display and no platform set, as in CI: the check must choose one that needs none.
    environment.remove(u"QT_QPA_PLATFORM"_s);
    if (token.isEmpty())
        environment.remove(u"FOLLOWME_TOKEN"_s);
    else
        environment.insert(u"FOLLOWME_TOKEN"_s, token);

    // Longer than the check's own deadline, so the check reports and not this.
    return runProgram(QStringLiteral(FOLLOWME_EXECUTABLE), arguments, environment, m_dir->path(),
                      60000);
}

void TestStartupCheck::passesWhenThePageShowsTheSnapshot()
{
    const Run result = runClient({u"--server"_s, m_server->url().toString(), u"--startup-check"_s},
                                 u"alice-demo-token"_s);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    // The demo user and the demo's six devices, from the server: nothing was cached before.
    QVERIFY2(result.out.contains(u"startup check passed"_s), result.describe().constData());
    QVERIFY2(result.out.contains(u"as Alice"_s), result.describe().constData());
    QVERIFY2(result.out.contains(u"shows 6 devices"_s), result.describe().constData());
}

void TestStartupCheck::failsWhenTheServerRefusesTheToken()
{
    const Run result = runClient({u"--server"_s, m_server->url().toString(), u"--startup-check"_s},
                                 u"not-a-token"_s);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 4, result.describe().constData());
    QVERIFY2(result.err.contains(u"startup check failed"_s), result.describe().constData());
    QVERIFY2(result.err.contains(u"refused"_s), result.describe().constData());
    QVERIFY2(!result.out.contains(u"passed"_s), result.describe().constData());
}

void TestStartupCheck::failsWithoutAServer()
{
    const Run result = runClient({u"--startup-check"_s}, u"alice-demo-token"_s);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 4, result.describe().constData());
    QVERIFY2(result.err.contains(u"no server is set"_s), result.describe().constData());
}

void TestStartupCheck::refusesOfflineMode()
{
    const Run result =
        runClient({u"--offline"_s, m_dir->filePath(u"settings.json"_s), u"--startup-check"_s}, {});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains(u"--startup-check"_s), result.describe().constData());
}

QVariantList TestStartupCheck::checkConnectedPage(const std::function<void(FollowMePage &)> &spoil)
{
    SettingsDocument document;
    SyncClient client(&document, m_dir->filePath(u"outbox.json"_s),
                      m_dir->filePath(u"cache.json"_s));
    client.setServer(m_server->url());
    client.setToken(u"alice-demo-token"_s);
    client.connectToServer();
    [&] {
        QTRY_COMPARE(client.state(), SyncClient::State::Connected);
    }();
    FollowMePage page(&document);
    page.resize(900, 700);
    page.show();
    [&] {
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }();
    spoil(page);

    StartupCheck check(&client, &document, &page, 1500ms);
    QSignalSpy finished(&check, &StartupCheck::finished);
    check.start();
    [&] {
        QVERIFY(finished.wait(10000));
    }();
    return finished.isEmpty() ? QVariantList() : finished.constFirst();
}

void TestStartupCheck::passesOnAPageThatFollowsTheDocument()
{
    const QVariantList verdict = checkConnectedPage([](FollowMePage &) {});
    QCOMPARE(verdict.size(), 2);
    QVERIFY2(verdict.at(0).toBool(), qPrintable(verdict.at(1).toString()));
    // (No translator here, so the plural is the source text's.)
    QVERIFY2(verdict.at(1).toString().contains(u"shows 6 device"_s),
             qPrintable(verdict.at(1).toString()));
}

void TestStartupCheck::failsWhenARowShowsOtherValues()
{
    const QVariantList verdict = checkConnectedPage([](FollowMePage &page) {
        // A spinner that shows something else than the document, without telling anyone.
        QSpinBox *delay = page.rulesView()->delaySpinBox(0);
        const QSignalBlocker blocker(delay);
        delay->setValue(delay->value() + 1);
    });
    QCOMPARE(verdict.size(), 2);
    QVERIFY(!verdict.at(0).toBool());
    QVERIFY2(verdict.at(1).toString().contains(u"shows other values"_s),
             qPrintable(verdict.at(1).toString()));
}

QTEST_MAIN(TestStartupCheck)
#include "tst_startupcheck.moc"
