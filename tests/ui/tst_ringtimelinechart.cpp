#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "FollowMePage.h"
#include "PlanData.h"
#include "PlanSummary.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "TimelineDecorations.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QSet>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace {

// What Qt Charts was told to do, from its own signals: the chart's cost is in these.
struct ChartChanges
{
    int categoryResets = 0; // the axis labels set (and measured) again
    int valuesReplaced = 0; // one value of a bar set changed in place
    int setsRefilled = 0; // a bar set emptied or filled anew

    explicit ChartChanges(RingTimelineChart *timeline)
    {
        QChart *chart = timeline->findChild<QChartView *>()->chart();
        for (QAbstractAxis *axis : chart->axes()) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                QObject::connect(categories, &QBarCategoryAxis::categoriesChanged, &context,
                                 [this] { ++categoryResets; });
        }
        for (QAbstractSeries *series : chart->series()) {
            for (QBarSet *set : qobject_cast<QAbstractBarSeries *>(series)->barSets()) {
                QObject::connect(set, &QBarSet::valueChanged, &context,
                                 [this] { ++valuesReplaced; });
                QObject::connect(set, &QBarSet::valuesAdded, &context, [this] { ++setsRefilled; });
                QObject::connect(set, &QBarSet::valuesRemoved, &context,
                                 [this] { ++setsRefilled; });
            }
        }
    }
    QObject context;
};

// Counts the paints of a widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// Runs the event loop until nothing is left to do now (no waiting for timers).
void drainEvents()
{
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();
}

// Shows a window as the application does and lets it settle: laid out, painted, idle.
bool showAndSettle(QWidget &window)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    drainEvents();
    return true;
}

} // namespace

class TestRingTimelineChart : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_model = std::make_unique<DeviceRuleModel>(m_document.get());
        m_chart = std::make_unique<RingTimelineChart>();
        m_chart->setModel(m_model.get());
    }
    void cleanup()
    {
        m_chart.reset();
        m_model.reset();
        m_document.reset();
    }

    void oneBarPerDeviceFromDelayToEnd()
    {
        QCOMPARE(m_chart->barCount(), 6);
        const RingTimelineChart::Bar mobile = m_chart->bar(DemoRow::mobile);
        QCOMPARE(mobile.label, u"Mobile app"_s);
        QCOMPARE(mobile.start, 10.0);
        QCOMPARE(mobile.end, 35.0);
        QCOMPARE(mobile.style, RingTimelineChart::BarStyle::Rings);
        // The first device is the top bar, whatever order the chart keeps internally.
        QCOMPARE(m_chart->bar(0).label, u"Desk phone"_s);
        QCOMPARE(m_chart->bar(DemoRow::privateMobile).start, 30.0);
        QCOMPARE(m_chart->bar(DemoRow::privateMobile).end, 45.0);
        QVERIFY(m_chart->axisMaximum() >= 45.0);
    }

    void lockedAndDisabledLookDifferent()
    {
        const RingTimelineChart::Bar reception = m_chart->bar(DemoRow::reception);
        QCOMPARE(reception.style, RingTimelineChart::BarStyle::LockedRings);
        QVERIFY(reception.label.contains(u"Reception phone"_s));
        QVERIFY(reception.label != u"Reception phone"_s); // marked as locked

        m_model->setCallKind(CallKind::Internal);
        QCOMPARE(m_chart->bar(DemoRow::dect).style, RingTimelineChart::BarStyle::Off);
        QCOMPARE(m_chart->bar(DemoRow::reception).style, RingTimelineChart::BarStyle::LockedOff);
        // A device that is off still shows what it is set to.
        QCOMPARE(m_chart->bar(DemoRow::dect).start, 5.0);
        QCOMPARE(m_chart->bar(DemoRow::dect).end, 30.0);
    }

    void followsEditsAndCallKind()
    {
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 12, 100}));
        QCOMPARE(m_chart->bar(DemoRow::desk).start, 12.0);
        QCOMPARE(m_chart->bar(DemoRow::desk).end, 112.0);
        QVERIFY(m_chart->axisMaximum() >= 112.0);

        m_model->setCallKind(CallKind::Teams);
        QCOMPARE(m_chart->bar(DemoRow::reception).start, 0.0);
        QCOMPARE(m_chart->bar(DemoRow::reception).end, 40.0);
        QCOMPARE(m_chart->bar(DemoRow::desk).end, 20.0);
    }

    void toolTipSaysWhenItRings()
    {
        QCOMPARE(m_chart->toolTipForRow(DemoRow::dect), u"DECT handset rings from 5 s to 35 s"_s);
        QVERIFY(m_chart->toolTipForRow(DemoRow::reception).contains(u"administrator"_s));
        m_model->setCallKind(CallKind::Internal);
        QVERIFY(m_chart->toolTipForRow(DemoRow::dect).contains(u"switched off"_s));
        QVERIFY(m_chart->toolTipForRow(99).isEmpty());
    }

    void hoveringABarShowsWhenItRings()
    {
        m_chart->resize(640, 360);
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        QWidget *viewport = m_chart->childAt(m_chart->barCenter(DemoRow::mobile));
        QVERIFY(viewport);
        QTest::mouseMove(viewport,
                         viewport->mapFrom(m_chart.get(), m_chart->barCenter(DemoRow::mobile)));
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), u"Mobile app rings from 10 s to 35 s"_s);
    }

    void summaryIsTheAccessibleDescription()
    {
        // The sentence is PlanSummary's, handed over with the other decorations: the chart
        // doesn't word the plan a second time.
        m_chart->setDecorations(
            TimelineDecorations::of(m_document->settings(), CallKind::External));
        QCOMPARE(m_chart->summary(),
                 PlanSummary::describe(m_document->settings(), CallKind::External));
        QVERIFY(m_chart->summary().contains(u"Mobile app 10–35 s"_s));
        QCOMPARE(m_chart->accessibleDescription(), m_chart->summary());
        m_model->setCallKind(CallKind::Teams);
        m_chart->setDecorations(TimelineDecorations::of(m_document->settings(), CallKind::Teams));
        QCOMPARE(m_chart->accessibleDescription(),
                 PlanSummary::describe(m_document->settings(), CallKind::Teams));
    }

    void anEditChangesOnlyItsRowInPlace()
    {
        QVERIFY(!m_document->reset(planWithDevices(50)));
        QCOMPARE(m_chart->barCount(), 50);
        drainEvents();
        ChartChanges changes(m_chart.get());
        const RingRule before = m_model->rule(7);
        QVERIFY(!m_model->setRule(7, {before.enabled, before.delay + 1, before.timeout}));
        QCOMPARE(m_chart->bar(7).start, before.delay + 1.0); // at once, for readers
        drainEvents();
        // The gap before the bar, and nothing else: no labels measured again, no set refilled.
        QCOMPARE(changes.valuesReplaced, 1);
        QCOMPARE(changes.categoryResets, 0);
        QCOMPARE(changes.setsRefilled, 0);

        // A rename changes a label: the categories are set again, once.
        FollowMeSettings renamed = m_document->settings();
        renamed.devices[7].name = u"Renamed phone"_s;
        QVERIFY(!m_document->update(renamed));
        drainEvents();
        QCOMPARE(changes.categoryResets, 1);
        QCOMPARE(m_chart->bar(7).label, u"Renamed phone"_s);
        QCOMPARE(changes.setsRefilled, 0);
    }

    void spinnerEditsOfOneTurnAreDrawnOnce()
    {
        // On the page, as the spinners edit it.
        SettingsDocument document;
        QVERIFY(!document.reset(planWithDevices(50)));
        SettingsWindow window(&document);
        QVERIFY(showAndSettle(window));
        FollowMePage *page = window.followMePage();
        RingTimelineChart *timeline = page->timeline();
        PaintCounter counter(timeline->findChild<QChartView *>()->viewport());
        ChartChanges changes(timeline);
        for (int row : {DemoRow::desk, DemoRow::softphone, DemoRow::mobile}) {
            SecondsSpinBox *delay = page->rulesView()->delaySpinBox(row);
            delay->setValue(delay->value() + 2);
        }
        // Turns of the event loop, as the application runs them (no sleeps in between, which
        // would let unrelated timers paint too).
        QElapsedTimer waited;
        waited.start();
        while (counter.paints == 0 && waited.elapsed() < 5000)
            QCoreApplication::processEvents();
        drainEvents();
        QCOMPARE(changes.categoryResets, 0);
        QCOMPARE(changes.valuesReplaced, 3);
        QCOMPARE(counter.paints, 1);
        QCOMPARE(timeline->bar(DemoRow::mobile).start, page->model()->rule(DemoRow::mobile).delay);
    }

    // On the page the list names the devices: the chart's categories are keys, so renaming or
    // locking a device replaces its row's values at most, and measures no label again.
    void onThePageARenameOrLockLeavesTheCategories()
    {
        SettingsDocument document;
        QVERIFY(!document.reset(planWithDevices(50)));
        SettingsWindow window(&document);
        QVERIFY(showAndSettle(window));
        RingTimelineChart *timeline = window.followMePage()->timeline();
        ChartChanges changes(timeline);
        // Device 9, a copy of the demo's DECT handset, is the user's and rings on the page's
        // call kind.
        QCOMPARE(timeline->bar(9).style, RingTimelineChart::BarStyle::Rings);
        FollowMeSettings changed = document.settings();
        changed.devices[7].name = u"Renamed phone"_s;
        changed.devices[9].userConfigurable = false;
        QVERIFY(!document.update(changed));
        drainEvents();
        QCOMPARE(changes.categoryResets, 0);
        QCOMPARE(changes.setsRefilled, 0);
        QCOMPARE(timeline->bar(7).label, u"Renamed phone"_s);
        QCOMPARE(timeline->bar(9).style, RingTimelineChart::BarStyle::LockedRings);
    }

    void pageGettingItsDataBuildsTheChartOnce()
    {
        // As a connected client starts: the page first, the server's settings after.
        SettingsDocument document;
        SettingsWindow window(&document);
        QVERIFY(showAndSettle(window));
        RingTimelineChart *timeline = window.followMePage()->timeline();
        ChartChanges changes(timeline);
        QChart *chart = timeline->findChild<QChartView *>()->chart();
        QCOMPARE(chart->axes(Qt::Vertical).size(), 1);
        auto *rows = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());
        QVERIFY(rows);
        int rowRanges = 0;
        connect(rows, &QValueAxis::rangeChanged, this, [&rowRanges] { ++rowRanges; });
        PaintCounter counter(timeline->findChild<QChartView *>()->viewport());
        // A reset brings the rows, then the warnings and the ending row follow from it.
        QVERIFY(!document.reset(planWithDevices(50)));
        QTRY_VERIFY(counter.paints > 0);
        drainEvents();
        QCOMPARE(timeline->barCount(), 50);
        // On the page the list names the devices: the rows are numbered on a value axis, whose
        // range is set once, with no hidden label per device for Qt Charts to lay out.
        QCOMPARE(changes.categoryResets, 0);
        QCOMPARE(rowRanges, 1);
        QCOMPARE(rows->min(), -0.5);
        QCOMPARE(rows->max(), 50.5); // 50 devices and the row of the ending
        // Each of the five bar sets filled once.
        QCOMPARE(changes.setsRefilled, 5);
    }

    void emptyModel()
    {
        QVERIFY(!m_document->reset({}));
        QCOMPARE(m_chart->barCount(), 0);
        QVERIFY(!m_chart->toImage(QSize(300, 200)).isNull());
    }

    void rendersAnImageOfTheRequestedSize()
    {
        const QImage image = m_chart->toImage(QSize(640, 320));
        QCOMPARE(image.size(), QSize(640, 320));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 10, "the rendered chart looks blank");

        QByteArray svg;
        QBuffer buffer(&svg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(m_chart->writeSvg(&buffer, QSize(640, 320)));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("Desk phone"));
    }

private:
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<DeviceRuleModel> m_model;
    std::unique_ptr<RingTimelineChart> m_chart;
};

QTEST_MAIN(TestRingTimelineChart)
#include "tst_ringtimelinechart.moc"
