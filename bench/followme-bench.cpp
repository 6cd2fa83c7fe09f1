// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bench: issue 11's figures of FollowMe, each against a bare-Qt floor measured the
// same way in the same run (in turns, where that makes sense), printed as one table of medians
// with their spread, ratios and goals. The floors run in processes of their own
// (followme-bench-floor), like the server. Not a test: run it by hand (docs/performance.md).
#include "BenchOptions.h"
#include "ChartBench.h"
#include "EditAckBench.h"
#include "FanOutBench.h"
#include "FileLimit.h"
#include "GroupCommitBench.h"
#include "IdleSessionsBench.h"
#include "MachineInfo.h"
#include "PostgresBench.h"
#include "ResultTable.h"
#include "StartupBench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"followme-bench"_s);
    auto options = BenchOptions::parse(app);
    if (!options)
        return 1;
    // Thousands of sockets here, in the server and in the floors (children inherit it).
    const long files = FileLimit::raiseToHard();

    QTemporaryDir work(options->workParent.isEmpty()
                           ? QDir::tempPath() + u"/followme-bench-XXXXXX"_s
                           : options->workParent + u"/followme-bench-XXXXXX"_s);
    if (!work.isValid()) {
        QTextStream(stderr) << "followme-bench: no temporary folder: " << work.errorString()
                            << Qt::endl;
        return 1;
    }
    options->workFolder = work.path();
    QTextStream out(stdout);
    out << "followme-bench: " << MachineInfo::describe(work.path()) << "; open files " << files
        << Qt::endl
        << "sections: " << options->sections.join(u", "_s) << "; " << options->rounds << " rounds"
        << Qt::endl;

    QElapsedTimer elapsed;
    elapsed.start();
    ResultTable table;
    struct Section
    {
        const char16_t *name;
        void (*run)(const BenchOptions &, ResultTable *);
    };
    const Section sections[] = {
        {u"edit", &EditAckBench::run},      {u"group", &GroupCommitBench::run},
        {u"fanout", &FanOutBench::run},     {u"idle", &IdleSessionsBench::run},
        {u"start", &StartupBench::run},     {u"chart", &ChartBench::run},
        {u"postgres", &PostgresBench::run},
    };
    for (const Section &section : sections) {
        const QString name = QString::fromUtf16(section.name);
        if (!options->has(name))
            continue;
        out << name << "…" << Qt::endl;
        section.run(*options, &table);
    }
    table.addNote(u"whole run: %1 s. Medians with p10–p90 of the samples, or of the rounds for "
                  u"per-round figures (rates, CPU per edit, p99)."_s.arg(
                      double(elapsed.elapsed()) / 1000.0, 0, 'f', 0));
    table.print(out);
    return 0;
}
