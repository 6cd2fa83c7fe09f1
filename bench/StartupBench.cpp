// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupBench.h"

#include "BenchOptions.h"
#include "ChildProcess.h"
#include "ManyDevicesFile.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

struct Variant
{
    QString name;
    QString program;
    QStringList arguments;
    QString token; // connected: FOLLOWME_TOKEN
    QString missing; // why it can't run, empty when it can
    LatencyStats samples; // spawn → painted, µs
};

// One spawn → painted line; -1 when the line did not come.
double startOnce(const Variant &variant, const QString &profile, QString *why)
{
    QDir().mkpath(profile);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"FOLLOWME_BENCH_PAINTED"_s, u"1"_s);
    // A fresh profile each time, so no run finds what an earlier one cached or stored.
    environment.insert(u"XDG_CONFIG_HOME"_s, profile + u"/config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, profile + u"/data"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, profile + u"/cache"_s);
    if (variant.token.isEmpty())
        environment.remove(u"FOLLOWME_TOKEN"_s);
    else
        environment.insert(u"FOLLOWME_TOKEN"_s, variant.token);
    ChildProcess process;
    process.setEnvironment(environment);
    static const QRegularExpression painted(u"^followme-bench: painted$"_s);
    if (!process.start(variant.program, variant.arguments, profile + u"/stderr.log"_s)) {
        *why = u"did not start"_s;
        return -1;
    }
    qint64 arrival = 0;
    const bool seen = process.waitForLine(painted, 20000, &arrival).hasMatch();
    if (!seen) {
        *why = process.isRunning()
            ? u"no painted line in 20 s (FOLLOWME_BENCH_PAINTED not there?)"_s
            : u"ended without a painted line"_s;
        process.stop();
        return -1;
    }
    // It should quit by itself; one that doesn't is stopped, the figure stands.
    if (!process.waitForExit(5000))
        process.stop();
    return double(arrival - process.startNs()) / 1000.0;
}

} // namespace

void StartupBench::run(const BenchOptions &options, ResultTable *table)
{
    QTextStream out(stdout);
    const QString folder = QDir(options.workFolder).filePath(u"start"_s);
    QDir().mkpath(folder);
    const QString demoFile = QString::fromUtf8(FOLLOWME_DEMO_SETTINGS);
    const QString six = QDir(folder).filePath(u"devices-6.json"_s);
    const QString hundred = QDir(folder).filePath(u"devices-100.json"_s);
    const bool filesOk =
        ManyDevicesFile::write(demoFile, 6, six) && ManyDevicesFile::write(demoFile, 100, hundred);

    auto builtOrMissing = [](const QString &path, const QString &target) {
        return !path.isEmpty() && QFileInfo(path).isExecutable() ? QString()
                                                                 : u"not built (%1)"_s.arg(target);
    };
    const QString clientMissing = builtOrMissing(options.client, u"followme"_s);
    ServerProcess server;
    const bool serverUp =
        clientMissing.isEmpty() && server.start(QDir(folder).filePath(u"server"_s));

    Variant window {u"floor window"_s,
                    options.window,
                    {},
                    {},
                    builtOrMissing(options.window, u"followme-bench-window"_s),
                    {}};
    Variant offline6 {
        u"offline, 6 devices"_s, options.client, {u"--offline"_s, six}, {}, clientMissing, {}};
    Variant offline100 {u"offline, 100 devices"_s,
                        options.client,
                        {u"--offline"_s, hundred},
                        {},
                        clientMissing,
                        {}};
    Variant connected {
        u"connected"_s,        options.client, {u"--server"_s, server.url().toString()},
        u"alice-demo-token"_s, clientMissing,  {}};
    if (!filesOk) {
        offline6.missing = offline100.missing = u"settings files not written"_s;
    }
    if (connected.missing.isEmpty() && !serverUp)
        connected.missing = u"the server did not start"_s;
    QList<Variant *> variants {&window, &offline6, &offline100, &connected};

    int runs = 0;
    for (int round = 0; round < options.startRounds; ++round) {
        // Each round starts with another variant, so none always runs right after another.
        for (int i = 0; i < variants.size(); ++i) {
            Variant *variant = variants.at((i + round) % variants.size());
            if (!variant->missing.isEmpty())
                continue;
            QString why;
            const double us =
                startOnce(*variant, QDir(folder).filePath(u"profile-%1"_s.arg(++runs)), &why);
            if (us < 0)
                variant->missing = why; // not tried again: each failure costs 20 s
            else
                variant->samples.add(us);
        }
        out << "  start round " << round + 1 << '/' << options.startRounds << Qt::endl;
    }

    using Unit = Summary::Unit;
    auto summary = [](const Variant &v) {
        return Summary::ofSamples(v.samples, Unit::Microseconds);
    };
    auto addRow = [&](const QString &figure, const Variant &subject, const Variant &base,
                      ResultTable::Goal goal) {
        const Variant &broken = !subject.missing.isEmpty() ? subject : base;
        if (!broken.missing.isEmpty())
            table->addMissing(figure, broken.name + u": "_s + broken.missing);
        else
            table->add({figure, summary(subject), summary(base), goal});
    };
    addRow(u"start → first paint, offline 6 devices, vs floor window"_s, offline6, window,
           ResultTable::Goal::ratioAtMost(1.3));
    addRow(u"start → server's data painted, connected, vs floor window"_s, connected, window,
           ResultTable::Goal::ratioAtMost(1.3));
    addRow(u"start → first paint, offline 100 devices, vs floor window"_s, offline100, window, {});
    addRow(u"start → first paint, offline 100 vs 6 devices"_s, offline100, offline6,
           ResultTable::Goal::ratioAtMost(1.3));
    table->addNote(
        u"start: %1 rounds, each of floor window, offline 6, offline 100 and "
        u"connected once, in turns; spawn → \"followme-bench: painted\" on standard "
        u"output, QT_QPA_PLATFORM=offscreen, a fresh profile (XDG_* folders) per run."_s.arg(
            options.startRounds));
}
