#include "CommandLine.h"

#include "TimelineExporter.h"

#include <QCommandLineParser>

#include <cstring>

using namespace Qt::StringLiterals;

QString CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("FollowMe: choose which of your phones ring for a call, when, and for how long."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption offline(
        u"offline"_s, tr("Open the settings document FILE; edits are saved back to it."),
        tr("FILE"));
    const QCommandLineOption exportTimeline(
        u"export-timeline"_s,
        tr("Render the ring timeline of the settings document FILE to an image and exit."),
        tr("FILE"));
    const QCommandLineOption kindOption(u"kind"_s,
                                        tr("Call kind to export: external, internal or teams."),
                                        tr("KIND"), u"external"_s);
    const QCommandLineOption output(u"output"_s, tr("Image to write: a .png or .svg file."),
                                    tr("OUT"));
    const QCommandLineOption sizeOption(
        u"size"_s,
        tr("Image size in pixels, for example 1200x600 (default %1x%2).")
            .arg(TimelineExporter::defaultSize.width())
            .arg(TimelineExporter::defaultSize.height()),
        tr("WxH"));
    const QCommandLineOption serverOption(
        u"server"_s,
        tr("Connect to the FollowMe server at URL (ws:// or wss://). The token comes from the "
           "FOLLOWME_TOKEN environment variable or from the credential store."),
        tr("URL"));
    const QCommandLineOption startupCheckOption(
        u"startup-check"_s,
        tr("Start without a window on screen, connect, and exit with 0 once the FollowMe page "
           "shows the server's settings; otherwise say what did not come up and exit with 4."));
    parser.addOptions({offline, serverOption, exportTimeline, kindOption, output, sizeOption,
                       startupCheckOption});

    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst());

    if (!parser.isSet(exportTimeline)) {
        for (const QCommandLineOption &exportOnly : {kindOption, output, sizeOption}) {
            if (parser.isSet(exportOnly))
                return tr("--%1 only goes with --export-timeline")
                    .arg(exportOnly.names().constFirst());
        }
        if (parser.isSet(offline) && parser.isSet(serverOption))
            return tr("--offline and --server can't be combined");
        if (parser.isSet(offline) && parser.isSet(startupCheckOption))
            return tr("--startup-check checks a connected start: it can't be combined with "
                      "--offline");
        startupCheck = parser.isSet(startupCheckOption);
        mode = parser.isSet(offline) ? Mode::OfflineFile : Mode::Window;
        settingsPath = parser.value(offline);
        if (parser.isSet(serverOption)) {
            server = QUrl::fromUserInput(parser.value(serverOption));
            if (!server.isValid() || (server.scheme() != u"ws" && server.scheme() != u"wss"))
                return tr("invalid server \"%1\": use ws://HOST:PORT/ or wss://HOST:PORT/")
                    .arg(parser.value(serverOption));
        }
        return {};
    }

    if (parser.isSet(offline) || parser.isSet(serverOption) || parser.isSet(startupCheckOption))
        return tr("--export-timeline can't be combined with --offline, --server or "
                  "--startup-check");
    mode = Mode::ExportTimeline;
    settingsPath = parser.value(exportTimeline);
    const auto parsedKind = CallKinds::fromKey(parser.value(kindOption).toLower());
    if (!parsedKind)
        return tr("unknown call kind \"%1\": use external, internal or teams")
            .arg(parser.value(kindOption));
    kind = *parsedKind;
    if (!parser.isSet(output))
        return tr("--export-timeline needs --output OUT.png or OUT.svg");
    outputPath = parser.value(output);
    if (!TimelineExporter::formatFor(outputPath))
        return tr("%1: the output must end in .png or .svg").arg(outputPath);
    size = TimelineExporter::defaultSize;
    if (parser.isSet(sizeOption)) {
        const auto parsedSize = TimelineExporter::parseSize(parser.value(sizeOption));
        if (!parsedSize)
            return tr("invalid size \"%1\": use WIDTHxHEIGHT between %2x%3 and %4x%5")
                .arg(parser.value(sizeOption),
                     QString::number(TimelineExporter::minimumSize.width()),
                     QString::number(TimelineExporter::minimumSize.height()),
                     QString::number(TimelineExporter::maximumSize.width()),
                     QString::number(TimelineExporter::maximumSize.height()));
        size = *parsedSize;
    }
    return {};
}

bool CommandLine::needsNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        for (const char *flag : {"--export-timeline", "-export-timeline", "--startup-check",
                                 "-startup-check", "--help", "-h", "--version", "-v"}) {
            const size_t length = std::strlen(flag);
            if (std::strncmp(argument, flag, length) == 0
                && (argument[length] == '\0' || argument[length] == '='))
                return true;
        }
    }
    return false;
}
