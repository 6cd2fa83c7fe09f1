// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchPaintProbe.h"
#include "ClientSession.h"
#include "CommandLine.h"
#include "FollowMePage.h"
#include "FollowMeStyle.h"
#include "LanguagePage.h"
#include "OfflineSession.h"
#include "SettingsFileStore.h"
#include "SettingsWindow.h"
#include "StartupCheck.h"
#include "SyncClient.h"
#include "TimelineExporter.h"
#include "Translator.h"
#include "UserFolders.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>

#include <chrono>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "followme.app")

namespace {

// Exit codes, documented in the README.
enum ExitCode { Ok = 0, UsageError = 1, BadSettings = 2, ExportFailed = 3, StartupFailed = 4 };

// How long --startup-check waits for the page to show the server's settings: generous, since a
// CI machine may be busy or run a sanitizer build.
constexpr std::chrono::seconds startupCheckDeadline {30};

bool isHeadless()
{
    const QString platform = QGuiApplication::platformName();
    return platform == u"offscreen" || platform == u"minimal";
}

void printError(const QString &message)
{
    std::fputs(qPrintable(u"followme: "_s + message + u'\n'), stderr);
}

// On the terminal always; in a dialog too when there is a screen to show it on.
void reportError(const QString &title, const QString &message)
{
    printError(message);
    if (!isHeadless())
        QMessageBox::critical(nullptr, title, message);
}

// The end of --startup-check: success on stdout, failure on stderr, and the exit code.
void reportStartupCheck(bool ok, const QString &report)
{
    if (ok) {
        const QString line =
            QCoreApplication::translate("main", "followme: startup check passed: %1").arg(report);
        std::fputs(qPrintable(line + u'\n'), stdout);
    } else {
        printError(QCoreApplication::translate("main", "startup check failed: %1").arg(report));
    }
    QCoreApplication::exit(ok ? Ok : StartupFailed);
}

int exportTimeline(const CommandLine &commandLine)
{
    ValidationError error;
    const auto settings = SettingsFileStore::load(commandLine.settingsPath, &error);
    if (!settings) {
        printError(QCoreApplication::translate("main", "%1: %2")
                       .arg(QDir::toNativeSeparators(commandLine.settingsPath), error.message()));
        return BadSettings;
    }
    if (const auto failure = TimelineExporter::exportTimeline(
            *settings, commandLine.kind, commandLine.outputPath, commandLine.size)) {
        printError(*failure);
        return ExportFailed;
    }
    qCInfo(lcApp) << "wrote" << commandLine.outputPath;
    return Ok;
}

} // namespace

int main(int argc, char *argv[])
{
    // Exporting opens no window, so it must not need a display either; nor must an error
    // report on a machine without one.
    const bool noDisplay =
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#if defined(Q_OS_LINUX)
    const bool fallBackToOffscreen = noDisplay || CommandLine::needsNoWindow(argc, argv);
#else
    Q_UNUSED(noDisplay);
    const bool fallBackToOffscreen = CommandLine::needsNoWindow(argc, argv);
#endif
    if (fallBackToOffscreen && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"FollowMe"_s);
    QApplication::setOrganizationName(u"FollowMe"_s);
    QApplication::setApplicationVersion(QStringLiteral(FOLLOWME_VERSION));
    QGuiApplication::setDesktopFileName(u"org.followme.FollowMe"_s);

    Translator translator;
    translator.install(LanguagePage::startupLocale());

    CommandLine commandLine;
    if (const QString problem = commandLine.parse(QApplication::arguments()); !problem.isEmpty()) {
        printError(problem);
        printError(QCoreApplication::translate("main", "see followme --help"));
        return UsageError;
    }

    if (commandLine.mode == CommandLine::Mode::ExportTimeline)
        return exportTimeline(commandLine);
    // The desktop's style (or the one asked for with -style), with FollowMe's own icons for
    // what Qt would read from image files at start.
    QApplication::setStyle(new FollowMeStyle(QApplication::style()->name()));
    // Before anything is written there: QSettings' file, tokens, unsent edits, the cache.
    for (const QString &problem : UserFolders::makePrivate())
        qWarning("%s", qUtf8Printable(problem));

    if (commandLine.mode == CommandLine::Mode::Window) {
        // The token is taken from the environment, not the command line, where every user of
        // the machine could read it.
        ClientSession session(&translator, commandLine.server,
                              qEnvironmentVariable("FOLLOWME_TOKEN"));
        std::unique_ptr<QObject> watcher; // of the start, once the window is open
        QObject::connect(&session, &ClientSession::windowOpened, &app, [&] {
            SettingsWindow *window = session.window();
            SyncClient *sync = session.syncClient();
            if (BenchPaintProbe::wanted()) {
                // Connected means the server's snapshot is in the document (SyncClient says so
                // after applying it), not a cached one.
                auto probe = std::make_unique<BenchPaintProbe>(window->followMePage(), [sync] {
                    return sync->state() == SyncClient::State::Connected;
                });
                QObject::connect(sync, &SyncClient::stateChanged, probe.get(),
                                 &BenchPaintProbe::dataArrived);
                watcher = std::move(probe);
            } else if (commandLine.startupCheck) {
                auto check = std::make_unique<StartupCheck>(
                    sync, session.document(), window->followMePage(), startupCheckDeadline);
                QObject::connect(check.get(), &StartupCheck::finished, &app, &reportStartupCheck);
                check->start();
                watcher = std::move(check);
            }
        });
        session.start();
        return app.exec();
    }

    const QString path = commandLine.settingsPath;
    OfflineSession session(path, &translator);
    if (const auto error = session.open()) {
        reportError(QCoreApplication::translate("main", "FollowMe"),
                    QCoreApplication::translate("main",
                                                "The settings in %1 can't be opened, and the file "
                                                "was left as it is:\n%2")
                        .arg(QDir::toNativeSeparators(path), error->message()));
        return BadSettings;
    }
    session.show();
    std::unique_ptr<BenchPaintProbe> probe;
    if (BenchPaintProbe::wanted())
        probe = std::make_unique<BenchPaintProbe>(session.window()->followMePage(),
                                                  [] { return true; });
    const int result = app.exec();
    if (const auto failure = session.finish()) {
        reportError(QCoreApplication::translate("main", "FollowMe"),
                    QCoreApplication::translate("main",
                                                "Your last changes could not be saved "
                                                "to %1:\n%2")
                        .arg(QDir::toNativeSeparators(path), *failure));
        return BadSettings;
    }
    return result;
}
