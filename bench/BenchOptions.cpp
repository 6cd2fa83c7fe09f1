// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

const QStringList BenchOptions::allSections {u"edit"_s,  u"group"_s, u"fanout"_s,  u"idle"_s,
                                             u"start"_s, u"chart"_s, u"postgres"_s};

namespace {

std::optional<QList<int>> numbers(const QString &text)
{
    QList<int> list;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok || value < 0)
            return std::nullopt;
        list.append(value);
    }
    return list;
}

} // namespace

std::optional<BenchOptions> BenchOptions::parse(const QCoreApplication &app)
{
    BenchOptions options;
#ifdef FOLLOWME_CLIENT_EXECUTABLE
    options.client = QString::fromUtf8(FOLLOWME_CLIENT_EXECUTABLE);
#endif
#ifdef FOLLOWME_BENCH_WINDOW_EXECUTABLE
    options.window = QString::fromUtf8(FOLLOWME_BENCH_WINDOW_EXECUTABLE);
#endif
#ifdef FOLLOWME_BENCH_CHART_EXECUTABLE
    options.chart = QString::fromUtf8(FOLLOWME_BENCH_CHART_EXECUTABLE);
#endif
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Issue 11's figures of FollowMe against bare-Qt floors, measured in one run, "
        u"interleaved, and printed as a table (docs/performance.md)."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Fewer rounds and samples (about a minute)."_s);
    const QCommandLineOption only(
        u"only"_s, u"Only these sections, comma-separated: %1."_s.arg(allSections.join(u", "_s)),
        u"list"_s);
    const QCommandLineOption skip(u"skip"_s, u"Leave out these sections."_s, u"list"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"Interleaved rounds (default 7; start-up 40)."_s,
                                    u"n"_s);
    const QCommandLineOption edits(u"edits"_s, u"Edits per round (default 200)."_s, u"n"_s);
    const QCommandLineOption fanOut(u"sessions"_s, u"Fan-out sizes (default 10,1000)."_s,
                                    u"list"_s);
    const QCommandLineOption idle(u"idle"_s, u"Idle session counts (default 0,2000,5000,10000)."_s,
                                  u"list"_s);
    const QCommandLineOption client(u"client"_s, u"The followme executable."_s, u"path"_s,
                                    options.client);
    const QCommandLineOption window(u"window"_s, u"The followme-bench-window executable."_s,
                                    u"path"_s, options.window);
    const QCommandLineOption chart(u"chart"_s, u"The followme-bench-chart executable."_s, u"path"_s,
                                   options.chart);
    const QCommandLineOption dir(
        u"dir"_s, u"Put the databases (and the fdatasync floor) in a new folder under this one."_s,
        u"path"_s);
    parser.addOptions({quick, only, skip, rounds, edits, fanOut, idle, client, window, chart, dir});
    parser.process(app);

    options.sections = allSections;
    options.quick = parser.isSet(quick);
    if (options.quick) {
        options.rounds = 3;
        options.edits = 100;
        options.groupMs = 1000;
        options.changes = 10;
        options.startRounds = 3;
    }
    auto fail = [](const QString &why) {
        QTextStream(stderr) << "followme-bench: " << why << Qt::endl;
        return std::nullopt;
    };
    if (parser.isSet(only))
        options.sections = parser.value(only).split(u',', Qt::SkipEmptyParts);
    for (const QString &section : parser.value(skip).split(u',', Qt::SkipEmptyParts))
        options.sections.removeAll(section);
    for (const QString &section : std::as_const(options.sections)) {
        if (!allSections.contains(section))
            return fail(
                u"unknown section \"%1\" (sections: %2)"_s.arg(section, allSections.join(u", "_s)));
    }
    if (parser.isSet(rounds))
        options.rounds = options.startRounds = qMax(1, parser.value(rounds).toInt());
    if (parser.isSet(edits))
        options.edits = qMax(1, parser.value(edits).toInt());
    if (parser.isSet(fanOut)) {
        const auto sizes = numbers(parser.value(fanOut));
        if (!sizes)
            return fail(u"--sessions takes numbers, e.g. 10,1000"_s);
        options.fanOutSizes = *sizes;
    }
    if (parser.isSet(idle)) {
        const auto levels = numbers(parser.value(idle));
        if (!levels || levels->isEmpty())
            return fail(u"--idle takes numbers, e.g. 0,2000,5000,10000"_s);
        options.idleLevels = *levels;
    }
    options.workParent = parser.value(dir);
    options.client = parser.value(client);
    options.window = parser.value(window);
    options.chart = parser.value(chart);
    return options;
}
