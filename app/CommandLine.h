#pragma once

#include "CallKind.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

// What the user asked for on the command line. Parsing never exits the process except for
// --help and --version, which print and exit as every command-line tool does.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Mode { Window, OfflineFile, ExportTimeline };

    Mode mode = Mode::Window;
    QString settingsPath; // --offline FILE, or the FILE of --export-timeline
    QUrl server; // --server URL
    CallKind kind = CallKind::External;
    QString outputPath;
    QSize size;
    // --startup-check: exit once the page shows the server's settings, or say what didn't come up.
    bool startupCheck = false;

    // Returns an error message, or an empty string when the arguments are usable.
    QString parse(const QStringList &arguments);

    // True when the arguments ask for work that needs no window (checked before the
    // application object exists, to pick a platform that needs no display).
    static bool needsNoWindow(int argc, char **argv);
};
