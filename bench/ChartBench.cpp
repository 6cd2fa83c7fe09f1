// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartBench.h"

#include "BenchOptions.h"
#include "ChildProcess.h"
#include "ResultTable.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

void ChartBench::run(const BenchOptions &options, ResultTable *table)
{
    const QString figure = u"chart update after an edit, 50 devices, p50"_s;
    if (options.chart.isEmpty() || !QFileInfo(options.chart).isExecutable()) {
        table->addMissing(figure, u"not built (followme-bench-chart)"_s);
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    ChildProcess process;
    process.setEnvironment(environment);
    // followme-bench-chart interleaves its own rounds (default: 200 edits in 10 rounds).
    QStringList arguments {u"--rounds"_s, QString::number(qMax(options.rounds, 3))};
    if (options.quick)
        arguments = QStringList {u"--edits"_s, u"60"_s, u"--rounds"_s, u"3"_s};
    if (!process.start(options.chart, arguments,
                       QDir(options.workFolder).filePath(u"chart.log"_s))) {
        table->addMissing(figure, u"followme-bench-chart did not start"_s);
        return;
    }
    static const QRegularExpression result(
        u"^RESULT (\\S+) (followme|floor) p50_us=([\\d.]+) p10_us=([\\d.]+) p90_us=([\\d.]+) "
        u"n=(\\d+)"_s);
    // Figure name → {followme, floor}
    QMap<QString, QPair<Summary, Summary>> figures;
    while (true) {
        const QRegularExpressionMatch match = process.waitForLine(result, 300000);
        if (!match.hasMatch())
            break;
        Summary summary;
        summary.center = match.captured(3).toDouble();
        summary.low = match.captured(4).toDouble();
        summary.high = match.captured(5).toDouble();
        summary.n = match.captured(6).toLongLong();
        auto &pair = figures[match.captured(1)];
        (match.captured(2) == u"followme"_s ? pair.first : pair.second) = summary;
    }
    process.waitForExit(10000);
    if (figures.isEmpty()) {
        table->addMissing(figure, u"no RESULT lines from followme-bench-chart"_s);
        return;
    }
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        table->add({it.key() == u"chart-update-50"_s ? figure : it.key(), it.value().first,
                    it.value().second, ResultTable::Goal::ratioAtMost(1.3)});
    }
    table->addNote(u"chart: followme-bench-chart's own interleaved rounds (FollowMe's page "
                   u"against a bare QChartView that updates one bar set's values in place)."_s);
}
