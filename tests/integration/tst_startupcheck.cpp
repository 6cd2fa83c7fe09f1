// SPDX-License-Identifier: GPL-3.0-or-later
// `followme --server URL --startup-check`, the smoke test behind `scripts/run.sh --startup-check`:
// the real client binary against the real server binary on 127.0.0.1. It must pass only when the
// page really shows the server's snapshot, and say what did not come up otherwise.

#include "ProgramRun.h"
#include "ServerProcess.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

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

private:
    Run runClient(const QStringList &arguments, const QString &token) const;

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
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display, as in CI: the check must choose a platform that needs none by itself.
    environment.remove(u"QT_QPA_PLATFORM"_s);
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANGUAGE"_s, u"en"_s);
    const QString home = m_dir->filePath(u"home"_s);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    environment.insert(u"XDG_RUNTIME_DIR"_s, m_dir->path());
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
    QVERIFY2(result.exitCode == 4, result.describe().constData());
    QVERIFY2(result.err.contains(u"startup check failed"_s), result.describe().constData());
    QVERIFY2(result.err.contains(u"refused"_s), result.describe().constData());
    QVERIFY2(!result.out.contains(u"passed"_s), result.describe().constData());
}

void TestStartupCheck::failsWithoutAServer()
{
    const Run result = runClient({u"--startup-check"_s}, u"alice-demo-token"_s);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 4, result.describe().constData());
    QVERIFY2(result.err.contains(u"no server is set"_s), result.describe().constData());
}

void TestStartupCheck::refusesOfflineMode()
{
    const Run result =
        runClient({u"--offline"_s, m_dir->filePath(u"settings.json"_s), u"--startup-check"_s}, {});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains(u"--startup-check"_s), result.describe().constData());
}

QTEST_GUILESS_MAIN(TestStartupCheck)
#include "tst_startupcheck.moc"
