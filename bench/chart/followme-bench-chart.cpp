// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bench-chart: the cost of one spinner edit until the ring timeline has repainted, on
// FollowMe's real Settings window with N devices, against a floor: a bare QChartView of the same
// shape where an edit replaces one value of one bar set in place. Both are measured the same way
// (the end of the chart viewport's paint, waited for by processing events), in interleaved
// rounds of one run.
//
//   followme-bench-chart [--devices 50] [--edits 200] [--rounds 10] [--only followme|floor]
//
// Prints human lines, then one machine line per figure, e.g.
//   RESULT chart-update-50 followme p50_us=1234 p10_us=1100 p90_us=1500 n=200
#include "DeviceRulesView.h"
#include "FloorChart.h"
#include "FollowMePage.h"
#include "PaintProbe.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHorizontalStackedBarSeries>
#include <QScrollArea>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// The demo's kinds of device come round, every fifth locked, a few switched off, and start
// times spread out so the bars differ.
FollowMeSettings planWithDevices(int count)
{
    const DeviceKind kinds[] = {DeviceKind::DeskPhone, DeviceKind::Softphone, DeviceKind::MobileApp,
                                DeviceKind::Dect, DeviceKind::ExternalNumber};
    const QString names[] = {u"Desk phone"_s, u"Desktop softphone"_s, u"Mobile app"_s,
                             u"DECT handset"_s, u"Private mobile"_s};
    FollowMeSettings settings;
    for (int i = 0; i < count; ++i) {
        Device device;
        device.id = u"device-%1"_s.arg(i);
        device.name = u"%1 %2"_s.arg(names[i % 5]).arg(i + 1);
        device.kind = kinds[i % 5];
        device.number = device.kind == DeviceKind::ExternalNumber
            ? u"+4917612345%1"_s.arg(i, 3, 10, QChar(u'0'))
            : QString::number(200 + i);
        device.userConfigurable = i % 5 != 4;
        for (RingRule &rule : device.rules) {
            rule.enabled = i % 7 != 3;
            rule.delay = (3 * i) % 60;
            rule.timeout = 20 + (i % 3) * 5;
        }
        settings.devices.append(device);
    }
    settings.controlledDeviceId = count > 0 ? settings.devices.constFirst().id : QString();
    return settings;
}

struct Stats
{
    QList<double> micros;

    double percentile(double p) const
    {
        if (micros.isEmpty())
            return 0;
        QList<double> sorted = micros;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype rank =
            std::clamp<qsizetype>(qsizetype(std::ceil(p / 100 * sorted.size())), 1, sorted.size());
        return sorted.at(rank - 1);
    }
};

// Counts of what the chart did, from Qt Charts' own signals.
struct ChartActivity
{
    int categoryResets = 0; // QBarCategoryAxis::categoriesChanged
    int valueChanges = 0; // QBarSet::valueChanged (one value replaced in place)
    int setRefills = 0; // QBarSet::valuesAdded / valuesRemoved (a set filled again)

    void watch(QChart *chart, QObject *context)
    {
        for (QAbstractAxis *axis : chart->axes()) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                QObject::connect(categories, &QBarCategoryAxis::categoriesChanged, context,
                                 [this] { ++categoryResets; });
        }
        for (QAbstractSeries *series : chart->series()) {
            auto *bars = qobject_cast<QAbstractBarSeries *>(series);
            if (!bars)
                continue;
            for (QBarSet *set : bars->barSets()) {
                QObject::connect(set, &QBarSet::valueChanged, context, [this] { ++valueChanges; });
                QObject::connect(set, &QBarSet::valuesAdded, context, [this] { ++setRefills; });
                QObject::connect(set, &QBarSet::valuesRemoved, context, [this] { ++setRefills; });
            }
        }
    }
};

// One edit, measured: from the change until the chart's viewport has finished its last paint
// for it, waiting by processing events; the loop runs on a little after the first paint, so a
// second paint of the same edit is counted and timed (and not charged to the next one).
double measureEdit(const QElapsedTimer &clock, PaintProbe &probe, const std::function<void()> &edit,
                   Stats *cpu)
{
    const int paintsBefore = probe.paints();
    const double cpuStart = PaintProbe::threadCpuMicros();
    const qint64 start = clock.nsecsElapsed();
    edit();
    QElapsedTimer guard;
    guard.start();
    while (probe.paints() == paintsBefore && guard.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    // What the same edit still has queued (a second paint) counts, up to its last paint: that
    // one shows the edit's final state.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    const qint64 end = probe.lastPaintEnd();
    cpu->micros.append(probe.lastPaintEndCpu() - cpuStart);
    return probe.paints() == paintsBefore ? -1 : double(end - start) / 1000.0;
}

void printResult(const QString &figure, const char *who, const Stats &stats)
{
    std::printf("RESULT %s %s p50_us=%.0f p10_us=%.0f p90_us=%.0f n=%lld\n", qPrintable(figure),
                who, stats.percentile(50), stats.percentile(10), stats.percentile(90),
                static_cast<long long>(stats.micros.size()));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Spinner edit → ring timeline repainted, against a bare "
                                     u"QChartView floor."_s);
    parser.addHelpOption();
    const QCommandLineOption devicesOption(u"devices"_s, u"Devices on the page."_s, u"n"_s,
                                           u"50"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"Edits measured for each."_s, u"n"_s,
                                         u"200"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Interleaved rounds."_s, u"n"_s, u"10"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Measure one side only (for a profile)."_s,
                                        u"followme|floor"_s);
    parser.addOptions({devicesOption, editsOption, roundsOption, onlyOption});
    parser.process(app);
    const int devices = std::max(1, parser.value(devicesOption).toInt());
    const int edits = std::max(1, parser.value(editsOption).toInt());
    const int rounds = std::clamp(parser.value(roundsOption).toInt(), 1, edits);
    const QString only = parser.value(onlyOption);
    const bool runFollowMe = only.isEmpty() || only == u"followme"_s;
    const bool runFloor = only.isEmpty() || only == u"floor"_s;
    const QString figure = u"chart-update-%1"_s.arg(devices);

    QElapsedTimer clock;
    clock.start();

    // FollowMe as the app builds it: a document reset with the settings, then the window.
    SettingsDocument document;
    if (auto problem = document.reset(planWithDevices(devices))) {
        std::fprintf(stderr, "invalid settings: %s\n", qPrintable(problem->message()));
        return 1;
    }
    SettingsWindow window(&document);
    FollowMePage *page = window.followMePage();
    RingTimelineChart *timeline = page->timeline();
    auto *timelineView = timeline->findChild<QChartView *>();
    if (!timelineView) {
        std::fprintf(stderr, "no chart view in the timeline\n");
        return 1;
    }
    window.resize(1280, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(50); // the first paints of the window settle
    ChartActivity editActivity;
    QObject context;
    editActivity.watch(timelineView->chart(), &context);
    PaintProbe followMeProbe(timelineView->viewport(), &clock);

    // The floor, in a window of its own of the same shape: a chart as large as FollowMe's, in a
    // scroll area showing as much of it as the page's rows do.
    FloorChart floor(devices, 5);
    QScrollArea floorWindow;
    floorWindow.setFrameShape(QFrame::NoFrame);
    floorWindow.setWidget(floor.view());
    floor.view()->resize(timelineView->size());
    floorWindow.resize(page->planScrollArea()->viewport()->size());
    floorWindow.show();
    if (!QTest::qWaitForWindowExposed(&floorWindow))
        return 1;
    QTest::qWait(50);
    std::printf("Chart %dx%d px, %dx%d px of it shown\n", timelineView->width(),
                timelineView->height(), floorWindow.viewport()->width(),
                floorWindow.viewport()->height());
    ChartActivity floorActivity;
    floorActivity.watch(floor.view()->chart(), &context);
    PaintProbe floorProbe(floor.viewport(), &clock);

    DeviceRulesView *rows = page->rulesView();
    Stats followMe, floorStats, followMeCpu, floorCpu;
    int followMePaints = 0, floorPaints = 0;
    int followMeRow = 0, floorRow = 0;
    const auto nextEditableRow = [&](int from) {
        for (int i = 0; i < devices; ++i) {
            const int row = (from + i) % devices;
            if (rows->delaySpinBox(row)->isEnabled())
                return row;
        }
        return -1;
    };
    for (int round = 0; round < rounds; ++round) {
        const int count = edits / rounds + (round < edits % rounds ? 1 : 0);
        if (runFollowMe) {
            const int paints = followMeProbe.paints();
            for (int i = 0; i < count; ++i) {
                const int row = nextEditableRow(followMeRow);
                if (row < 0)
                    break;
                followMeRow = row + 1;
                SecondsSpinBox *spinner = rows->delaySpinBox(row);
                // What a spinner's arrow does: one step, up or back down.
                const int value = spinner->value() < spinner->maximum() ? spinner->value() + 1
                                                                        : spinner->value() - 1;
                const double micros = measureEdit(
                    clock, followMeProbe, [spinner, value] { spinner->setValue(value); },
                    &followMeCpu);
                if (micros >= 0)
                    followMe.micros.append(micros);
            }
            followMePaints += followMeProbe.paints() - paints;
        }
        if (runFloor) {
            const int paints = floorProbe.paints();
            for (int i = 0; i < count; ++i) {
                const int row = floorRow++ % devices;
                const int value = floor.start(row) < 60 ? floor.start(row) + 1 : 0;
                const double micros = measureEdit(
                    clock, floorProbe, [&floor, row, value] { floor.setStart(row, value); },
                    &floorCpu);
                if (micros >= 0)
                    floorStats.micros.append(micros);
            }
            floorPaints += floorProbe.paints() - paints;
        }
    }

    const auto perEdit = [](int what, qsizetype measured) {
        return measured > 0 ? double(what) / double(measured) : 0.0;
    };
    std::printf("Spinner edit → chart repainted, %d devices, %d edits in %d interleaved rounds\n",
                devices, edits, rounds);
    if (runFollowMe) {
        std::printf("  followme: p50 %.0f µs, p10 %.0f µs, p90 %.0f µs (n = %lld)\n",
                    followMe.percentile(50), followMe.percentile(10), followMe.percentile(90),
                    static_cast<long long>(followMe.micros.size()));
        std::printf("  followme per edit: %.2f paints, %.2f label re-sets, %.2f values "
                    "replaced, %.2f set refills\n",
                    perEdit(followMePaints, followMe.micros.size()),
                    perEdit(editActivity.categoryResets, followMe.micros.size()),
                    perEdit(editActivity.valueChanges, followMe.micros.size()),
                    perEdit(editActivity.setRefills, followMe.micros.size()));
    }
    if (runFloor) {
        std::printf("  floor:    p50 %.0f µs, p10 %.0f µs, p90 %.0f µs (n = %lld)\n",
                    floorStats.percentile(50), floorStats.percentile(10), floorStats.percentile(90),
                    static_cast<long long>(floorStats.micros.size()));
        std::printf("  floor per edit: %.2f paints\n",
                    perEdit(floorPaints, floorStats.micros.size()));
    }
    if (runFollowMe && runFloor && floorStats.percentile(50) > 0)
        std::printf("  ratio p50: %.2f×\n", followMe.percentile(50) / floorStats.percentile(50));
    if (runFollowMe && runFloor && floorCpu.percentile(50) > 0)
        std::printf("  thread CPU per edit p50: followme %.0f µs, floor %.0f µs, ratio %.2f×\n",
                    followMeCpu.percentile(50), floorCpu.percentile(50),
                    followMeCpu.percentile(50) / floorCpu.percentile(50));
    if (runFollowMe)
        printResult(figure, "followme", followMe);
    if (runFloor)
        printResult(figure, "floor", floorStats);
    return 0;
}
