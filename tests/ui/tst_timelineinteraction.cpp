#include "DarkPalette.h"
#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"

#include <QApplication>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QImage>
#include <QLineEdit>
#include <QMouseEvent>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A failed check between press and release would leave QTest's button pressed for the tests
// after it; the guard's release prevents that.
auto releaseOnFailure(QWidget *view, const QPoint &atViewport)
{
    return qScopeGuard([view, atViewport] {
        if (QTest::currentTestFailed())
            QTest::mouseRelease(view, Qt::LeftButton, {}, atViewport);
    });
}

} // namespace

// Shaping the ring timeline with the mouse and the keyboard, and the overlays the page drives
// while a call plays or warnings apply. The chart is shown at a fixed size so that pixels map
// to seconds the same way on every run.
class TestTimelineInteraction : public QObject
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
        m_chart->resize(800, 420);
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        // The spinners, on the same model: they must follow the chart's edits.
        m_rows = std::make_unique<DeviceRulesView>();
        m_rows->setModel(m_model.get());
    }
    void cleanup()
    {
        m_rows.reset();
        m_chart.reset();
        m_model.reset();
        m_document.reset();
    }

    void pointAtMatchesTheBars()
    {
        const RingTimelineChart::Bar mobile = m_chart->bar(DemoRow::mobile);
        const QRect rect = m_chart->barRect(DemoRow::mobile);
        QVERIFY(qAbs(m_chart->pointAt(DemoRow::mobile, mobile.start).x() - rect.left()) <= 1);
        QVERIFY(qAbs(m_chart->pointAt(DemoRow::mobile, mobile.end).x() - rect.right()) <= 1);
        QCOMPARE(m_chart->pointAt(DemoRow::mobile, 20).y(),
                 m_chart->barCenter(DemoRow::mobile).y());
        // 5 s later is to the right; a later row is lower.
        QVERIFY(m_chart->pointAt(0, 15).x() > m_chart->pointAt(0, 10).x());
        QVERIFY(m_chart->pointAt(1, 10).y() > m_chart->pointAt(0, 10).y());
    }

    void draggingTheBodyMovesTheStart()
    {
        QSignalSpy started(m_chart.get(), &RingTimelineChart::editStarted);
        QSignalSpy finished(m_chart.get(), &RingTimelineChart::editFinished);
        const QPoint from = m_chart->barCenter(DemoRow::mobile); // 10–35 s
        drag(from, from + secondsOffset(DemoRow::mobile, 7));

        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 17);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 25);
        QCOMPARE(documentRule(DemoRow::mobile).delay, 17);
        // The same path as the spinners: the spinners follow.
        QCOMPARE(m_rows->delaySpinBox(DemoRow::mobile)->value(), 17);
        QCOMPARE(m_rows->timeoutSpinBox(DemoRow::mobile)->value(), 25);
        QCOMPARE(m_chart->bar(DemoRow::mobile).start, 17.0);
        QCOMPARE(m_chart->bar(DemoRow::mobile).end, 42.0);
        // One gesture, one bracket, however many moves it took.
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.constFirst().constFirst().toInt(), DemoRow::mobile);
        QCOMPARE(finished.constFirst().constFirst().toInt(), DemoRow::mobile);
        // Other rows are untouched.
        QCOMPARE(m_model->rule(DemoRow::dect).delay, 5);
    }

    void draggingBackAndForthEndsWhereReleased()
    {
        const QPoint from = m_chart->barCenter(DemoRow::dect); // 5–35 s
        QWidget *view = viewport();
        auto release = releaseOnFailure(view, toViewport(from));
        QTest::mousePress(view, Qt::LeftButton, {}, toViewport(from));
        QTest::mouseMove(view, toViewport(from + secondsOffset(DemoRow::dect, 12)));
        QCOMPARE(m_model->rule(DemoRow::dect).delay, 17); // follows while dragging
        QTest::mouseMove(view, toViewport(from + secondsOffset(DemoRow::dect, -3)));
        QTest::mouseRelease(view, Qt::LeftButton, {},
                            toViewport(from + secondsOffset(DemoRow::dect, -3)));
        QCOMPARE(m_model->rule(DemoRow::dect).delay, 2);
        QCOMPARE(m_model->rule(DemoRow::dect).timeout, 30);
    }

    void draggingTheRightEndChangesTheTimeoutOnly()
    {
        const QRect rect = m_chart->barRect(DemoRow::desk); // 0–25 s
        const QPoint from(rect.right() - 1, rect.center().y());
        drag(from, from + secondsOffset(DemoRow::desk, 15));
        QCOMPARE(m_model->rule(DemoRow::desk).delay, 0);
        QCOMPARE(m_model->rule(DemoRow::desk).timeout, 40);
        QCOMPARE(m_rows->timeoutSpinBox(DemoRow::desk)->value(), 40);
    }

    void draggingTheLeftEndKeepsTheEnd()
    {
        const QRect rect = m_chart->barRect(DemoRow::dect); // 5–35 s
        const QPoint from(rect.left() + 1, rect.center().y());
        drag(from, from + secondsOffset(DemoRow::dect, 7));
        QCOMPARE(m_model->rule(DemoRow::dect).delay, 12);
        QCOMPARE(m_model->rule(DemoRow::dect).timeout, 23);
        QCOMPARE(
            m_model->data(m_model->index(DemoRow::dect, 0), DeviceRuleModel::RingEndRole).toInt(),
            35);

        // Dragged past the end, it stops one second before it.
        const QRect again = m_chart->barRect(DemoRow::dect);
        const QPoint start(again.left() + 1, again.center().y());
        drag(start, start + secondsOffset(DemoRow::dect, 40));
        QCOMPARE(m_model->rule(DemoRow::dect).delay, 34);
        QCOMPARE(m_model->rule(DemoRow::dect).timeout, 1);
    }

    void snapsToWholeSeconds_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("delay");
        QTest::newRow("7.3 s") << 7.3 << 17;
        QTest::newRow("7.7 s") << 7.7 << 18;
        QTest::newRow("-2.3 s") << -2.3 << 8;
        QTest::newRow("0.3 s") << 0.3 << 10;
    }
    void snapsToWholeSeconds()
    {
        QFETCH(double, seconds);
        QFETCH(int, delay);
        const QPoint from = m_chart->pointAt(DemoRow::mobile, 20); // inside 10–35 s
        const QPoint to(m_chart->pointAt(DemoRow::mobile, 20 + seconds).x(), from.y());
        QSignalSpy started(m_chart.get(), &RingTimelineChart::editStarted);
        drag(from, to);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, delay);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 25);
        // No change, no edit step.
        QCOMPARE(started.count(), delay == 10 ? 0 : 1);
    }

    void clampsToTheBounds()
    {
        const QPoint from = m_chart->barCenter(DemoRow::mobile); // 10–35 s
        drag(from, from + secondsOffset(DemoRow::mobile, -30));
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 0);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 25);

        // The right end can't go below one second.
        const QRect rect = m_chart->barRect(DemoRow::softphone); // 0–25 s
        const QPoint end(rect.right() - 1, rect.center().y());
        drag(end, end + secondsOffset(DemoRow::softphone, -40));
        QCOMPARE(m_model->rule(DemoRow::softphone).delay, 0);
        QCOMPARE(m_model->rule(DemoRow::softphone).timeout, 1);
    }

    void lockedAndDisabledBarsDontMove()
    {
        QSignalSpy started(m_chart.get(), &RingTimelineChart::editStarted);
        QSignalSpy refused(m_model.get(), &DeviceRuleModel::editRefused);
        const RingRule reception = m_model->rule(DemoRow::reception);
        const QPoint locked = m_chart->barCenter(DemoRow::reception);
        drag(locked, locked + secondsOffset(DemoRow::reception, 5));
        QCOMPARE(m_model->rule(DemoRow::reception), reception);

        m_model->setCallKind(CallKind::Internal); // the DECT handset is off here
        QCOMPARE(m_chart->bar(DemoRow::dect).style, RingTimelineChart::BarStyle::Off);
        const RingRule dect = m_model->rule(DemoRow::dect);
        const QPoint off = m_chart->barCenter(DemoRow::dect);
        drag(off, off + secondsOffset(DemoRow::dect, 5));
        QCOMPARE(m_model->rule(DemoRow::dect), dect);
        const QRect rect = m_chart->barRect(DemoRow::dect);
        const QPoint end(rect.right() - 1, rect.center().y());
        drag(end, end + secondsOffset(DemoRow::dect, 5));
        QCOMPARE(m_model->rule(DemoRow::dect), dect);

        // Not even tried: the model refused nothing.
        QCOMPARE(started.count(), 0);
        QCOMPARE(refused.count(), 0);
    }

    void cursorSaysWhatADragWouldDo()
    {
        QWidget *view = viewport();
        auto shapeAt = [&](const QPoint &at) {
            // A plain hover, sent directly: QTest's hover goes through QCursor::setPos, which
            // the offscreen platform maps inexactly at other scale factors.
            const QPoint pos = toViewport(at);
            QMouseEvent move(QEvent::MouseMove, pos, view->mapToGlobal(pos), Qt::NoButton,
                             Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(view, &move);
            return view->cursor().shape();
        };
        const QRect mobile = m_chart->barRect(DemoRow::mobile);
        QCOMPARE(shapeAt(mobile.center()), Qt::OpenHandCursor);
        QCOMPARE(shapeAt(QPoint(mobile.left() + 1, mobile.center().y())), Qt::SizeHorCursor);
        QCOMPARE(shapeAt(QPoint(mobile.right() - 1, mobile.center().y())), Qt::SizeHorCursor);
        QCOMPARE(shapeAt(m_chart->barCenter(DemoRow::reception)), Qt::ForbiddenCursor);
        QCOMPARE(shapeAt(QPoint(5, 5)), Qt::ArrowCursor);

        // Grabbing the body closes the hand.
        auto release = releaseOnFailure(view, toViewport(mobile.center()));
        QTest::mousePress(view, Qt::LeftButton, {}, toViewport(mobile.center()));
        QCOMPARE(view->cursor().shape(), Qt::ClosedHandCursor);
        QTest::mouseRelease(view, Qt::LeftButton, {}, toViewport(mobile.center()));
    }

    void escapeCancelsADrag()
    {
        QSignalSpy finished(m_chart.get(), &RingTimelineChart::editFinished);
        QWidget *view = viewport();
        const QPoint from = m_chart->barCenter(DemoRow::mobile);
        auto release = releaseOnFailure(view, toViewport(from));
        QTest::mousePress(view, Qt::LeftButton, {}, toViewport(from));
        QTest::mouseMove(view, toViewport(from + secondsOffset(DemoRow::mobile, 6)));
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 16);
        QTest::keyClick(m_chart.get(), Qt::Key_Escape);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 10);
        QCOMPARE(finished.count(), 1);
        QTest::mouseRelease(view, Qt::LeftButton, {}, toViewport(from));
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 10);
    }

    void tabGivesTheChartTheFocus()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *before = new QLineEdit(&window);
        auto *chart = new RingTimelineChart(&window);
        chart->setModel(m_model.get());
        layout->addWidget(before);
        layout->addWidget(chart);
        window.resize(800, 480);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        before->setFocus();
        QTRY_VERIFY(before->hasFocus());
        QCOMPARE(chart->focusedRow(), -1);
        QTest::keyClick(before, Qt::Key_Tab);
        QTRY_VERIFY(chart->hasFocus());
        QCOMPARE(chart->focusedRow(), 0);
        QVERIFY(chart->accessibleDescription().startsWith(u"Desk phone, rings from 0 s to 25 s"_s));
        // The keys reach the chart itself, not only a child of it.
        QCOMPARE(QApplication::focusWidget(), chart);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(m_model->rule(0).delay, 1);
    }

    void upAndDownMoveTheFocus()
    {
        QSignalSpy changed(m_chart.get(), &RingTimelineChart::focusedRowChanged);
        m_chart->setFocusedRow(DemoRow::softphone);
        QTest::keyClick(m_chart.get(), Qt::Key_Down);
        QCOMPARE(m_chart->focusedRow(), DemoRow::mobile);
        QTest::keyClick(m_chart.get(), Qt::Key_Up);
        QTest::keyClick(m_chart.get(), Qt::Key_Up);
        QCOMPARE(m_chart->focusedRow(), DemoRow::desk);
        QTest::keyClick(m_chart.get(), Qt::Key_Up); // stays on the first
        QCOMPARE(m_chart->focusedRow(), DemoRow::desk);
        m_chart->setFocusedRow(DemoRow::privateMobile);
        QTest::keyClick(m_chart.get(), Qt::Key_Down); // and on the last
        QCOMPARE(m_chart->focusedRow(), DemoRow::privateMobile);
        QCOMPARE(changed.count(), 5);
        m_chart->setFocusedRow(99);
        QCOMPARE(m_chart->focusedRow(), m_chart->barCount() - 1);
    }

    void keysMoveAndStretchTheFocusedBar()
    {
        QSignalSpy started(m_chart.get(), &RingTimelineChart::editStarted);
        QSignalSpy finished(m_chart.get(), &RingTimelineChart::editFinished);
        m_chart->setFocusedRow(DemoRow::mobile); // 10 + 25 s
        QTest::keyClick(m_chart.get(), Qt::Key_Right);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 11);
        QTest::keyClick(m_chart.get(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 16);
        QTest::keyClick(m_chart.get(), Qt::Key_Left);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 15);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 25);

        QTest::keyClick(m_chart.get(), Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 26);
        QTest::keyClick(m_chart.get(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 21);
        QTest::keyClick(m_chart.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 22);
        QTest::keyClick(m_chart.get(), Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::mobile).timeout, 17);
        QCOMPARE(m_model->rule(DemoRow::mobile).delay, 15);

        // Each key press is one edit step.
        QCOMPARE(started.count(), 7);
        QCOMPARE(finished.count(), 7);
        // The same path as the spinners.
        QCOMPARE(documentRule(DemoRow::mobile).delay, 15);
        QCOMPARE(m_rows->delaySpinBox(DemoRow::mobile)->value(), 15);
        QCOMPARE(m_rows->timeoutSpinBox(DemoRow::mobile)->value(), 17);
        QVERIFY2(
            m_chart->accessibleDescription().contains(u"Mobile app, rings from 15 s to 32 s"_s),
            qPrintable(m_chart->accessibleDescription()));
        QCOMPARE(m_chart->accessibleName(), u"Ring timeline"_s);
    }

    void keysClampAndRespectLocks()
    {
        QSignalSpy started(m_chart.get(), &RingTimelineChart::editStarted);
        m_chart->setFocusedRow(DemoRow::desk); // 0 + 25 s
        QTest::keyClick(m_chart.get(), Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::desk).delay, 0);
        QCOMPARE(started.count(), 0); // nothing to do, no step

        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 298, 3}));
        QTest::keyClick(m_chart.get(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::desk).delay, 300);
        QTest::keyClick(m_chart.get(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_model->rule(DemoRow::desk).timeout, 1);

        m_chart->setFocusedRow(DemoRow::reception);
        const RingRule reception = m_model->rule(DemoRow::reception);
        QTest::keyClick(m_chart.get(), Qt::Key_Right);
        QTest::keyClick(m_chart.get(), Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(m_model->rule(DemoRow::reception), reception);

        m_model->setCallKind(CallKind::Internal);
        m_chart->setFocusedRow(DemoRow::dect); // off for internal calls
        const RingRule dect = m_model->rule(DemoRow::dect);
        QTest::keyClick(m_chart.get(), Qt::Key_Right);
        QCOMPARE(m_model->rule(DemoRow::dect), dect);
        QVERIFY(m_chart->accessibleDescription().contains(u"DECT handset, switched off"_s));
    }

    void playheadIsDrawnAndHidden()
    {
        focusChart(); // the focus outline must not get in the way of the comparison
        const QImage before = grabChart();
        const int x = m_chart->pointAt(0, 47).x(); // after every bar
        m_chart->setPlayhead(47.0);
        QCOMPARE(m_chart->playhead(), std::optional<double>(47.0));
        const QImage with = grabChart();
        const QRect plotColumn(x - 1, m_chart->barRect(0).top(), 3,
                               m_chart->barRect(m_chart->barCount() - 1).bottom()
                                   - m_chart->barRect(0).top());
        QVERIFY2(differingPixels(before, with, plotColumn) > plotColumn.height(),
                 "no playhead at 47 s");
        // Only there.
        QCOMPARE(differingPixels(before, with, plotColumn.translated(-60, 0)), 0);
        m_chart->setPlayhead(std::nullopt);
        QVERIFY(!m_chart->playhead());
        QCOMPARE(differingPixels(before, grabChart(), QRect(QPoint(), before.size())), 0);
    }

    void ringingRowsLightUp()
    {
        const QImage before = grabChart();
        m_chart->setRingingRows({DemoRow::mobile});
        const QImage with = grabChart();
        const QRect mobile = m_chart->barRect(DemoRow::mobile).adjusted(3, 3, -3, -3);
        QVERIFY(differingPixels(before, with, mobile) > mobile.width() * mobile.height() / 2);
        const QRect dect = m_chart->barRect(DemoRow::dect).adjusted(3, 6, -3, -3);
        QCOMPARE(differingPixels(before, with, dect), 0);
        m_chart->setRingingRows({});
        QCOMPARE(differingPixels(before, grabChart(), QRect(QPoint(), before.size())), 0);
    }

    void gapMarkersShadeAndExplain()
    {
        const QImage before = grabChart();
        m_chart->setGapMarkers({{46, 49, u"Nothing rings from 46 s to 49 s"_s}});
        QCOMPARE(m_chart->gapMarkers().size(), 1);
        const QImage with = grabChart();
        const QPoint middle(m_chart->pointAt(0, 47.5).x(), m_chart->barCenter(2).y());
        const QRect shaded(middle - QPoint(5, 40), QSize(10, 80));
        QCOMPARE(differingPixels(before, with, shaded), shaded.width() * shaded.height());
        const QRect outside(m_chart->pointAt(0, 30).x(), shaded.top(), 10, 80);
        QCOMPARE(differingPixels(before, with, outside), 0);

        // The tooltip request a resting mouse makes, sent at once.
        QWidget *view = viewport();
        const QPoint at = toViewport(middle);
        QHelpEvent help(QEvent::ToolTip, at, view->mapToGlobal(at));
        QApplication::sendEvent(view, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), u"Nothing rings from 46 s to 49 s"_s);
        // Over a bar, the bar's own text.
        const QPoint onBar = toViewport(m_chart->barCenter(DemoRow::mobile));
        QHelpEvent helpOnBar(QEvent::ToolTip, onBar, view->mapToGlobal(onBar));
        QApplication::sendEvent(view, &helpOnBar);
        QTRY_COMPARE(QToolTip::text(), u"Mobile app rings from 10 s to 35 s"_s);

        m_chart->setGapMarkers({});
        QCOMPARE(differingPixels(before, grabChart(), QRect(QPoint(), before.size())), 0);
    }

    void rowWarningsMarkTheRow()
    {
        m_chart->setRowWarnings({{DemoRow::mobile, u"Voicemail may answer first"_s}});
        QCOMPARE(m_chart->bar(DemoRow::mobile).label, u"Mobile app (!)"_s);
        QCOMPARE(m_chart->bar(DemoRow::desk).label, u"Desk phone"_s);
        QVERIFY(m_chart->toolTipForRow(DemoRow::mobile).contains(u"Voicemail may answer first"_s));
        m_chart->setFocusedRow(DemoRow::mobile);
        QVERIFY(m_chart->accessibleDescription().contains(u"Voicemail may answer first"_s));
        m_chart->setRowWarnings({});
        QCOMPARE(m_chart->bar(DemoRow::mobile).label, u"Mobile app"_s);
        QVERIFY(!m_chart->toolTipForRow(DemoRow::mobile).contains(u"Voicemail"_s));
    }

    void endingIsWrittenAfterTheLastBar()
    {
        m_chart->setEnding(u"→ voicemail"_s);
        QCOMPARE(m_chart->ending(), u"→ voicemail"_s);
        QCoreApplication::processEvents();
        const int lastRow = DemoRow::privateMobile; // ends at 45 s, the lowest of two
        QCOMPARE(m_chart->bar(lastRow).end, 45.0);
        // In a row of its own under the devices, starting where the last bar ends: it can't
        // sit on (or between) other bars.
        const TimelineGeometry geometry = m_chart->geometry();
        QVERIFY(geometry.hasEndingRow());
        const QRectF band = geometry.rowBand(geometry.deviceRows());
        QVERIFY(band.top() >= m_chart->barRect(lastRow).bottom());
        const QRect afterEnd(m_chart->barRect(lastRow).right(), int(band.top()),
                             int(band.right()) - m_chart->barRect(lastRow).right(),
                             int(band.height()));
        QVERIFY2(darkPixels(grabChart(), afterEnd) > 10, "no ending label after the last bar");
        // Rendered images (the export path) carry it too.
        QVERIFY(darkPixels(m_chart->toImage(m_chart->size()), afterEnd) > 10);
        m_chart->setEnding({});
        QCoreApplication::processEvents();
        QVERIFY(!m_chart->geometry().hasEndingRow());
    }

    void focusOutlineShowsWithTheFocus()
    {
        focusChart(); // an active window: its palette is the one to compare in
        m_chart->setFocusedRow(DemoRow::mobile);
        const QImage focused = grabChart();
        m_chart->clearFocus();
        QTRY_VERIFY(!m_chart->hasFocus());
        const QImage unfocused = grabChart();
        const QRect bar = m_chart->barRect(DemoRow::mobile);
        const QRect above(bar.left(), bar.top() - 6, bar.width(), 5);
        QVERIFY(differingPixels(unfocused, focused, above) > bar.width() / 2);
        const QRect desk = m_chart->barRect(DemoRow::desk);
        QCOMPARE(differingPixels(unfocused, focused,
                                 QRect(desk.left(), desk.top() - 6, desk.width(), 5)),
                 0);
        QCOMPARE(m_chart->focusedRow(), DemoRow::mobile); // kept for when the focus comes back
    }

    // Not a check: pictures to look at, when FOLLOWME_SCREENSHOT_DIR is set.
    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void screenshots()
    {
        QFETCH(bool, dark);
        const QString dir = qEnvironmentVariable("FOLLOWME_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("FOLLOWME_SCREENSHOT_DIR is not set");
        if (dark) {
            m_chart->setPalette(darkPalette());
        }
        QVERIFY(!m_document->setRule(u"private-mobile"_s, CallKind::External, {true, 50, 15}));
        focusChart();
        m_chart->setFocusedRow(DemoRow::mobile);
        QCoreApplication::processEvents();
        const QString base = dir + u"/timeline-"_s + QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(m_chart->grab().save(base + u"-focus.png"_s));
        m_chart->setPlayhead(20.0);
        m_chart->setRingingRows({DemoRow::desk, DemoRow::softphone, DemoRow::mobile, DemoRow::dect,
                                 DemoRow::reception});
        m_chart->setGapMarkers({{45, 50, u"Nothing rings"_s}});
        m_chart->setRowWarnings({{DemoRow::privateMobile, u"Voicemail may answer"_s}});
        m_chart->setEnding(u"→ voicemail"_s);
        QCoreApplication::processEvents();
        QVERIFY(m_chart->grab().save(base + u".png"_s));
    }

private:
    QWidget *viewport() const { return m_chart->findChild<QGraphicsView *>()->viewport(); }
    QPoint toViewport(const QPoint &inChart) const
    {
        return viewport()->mapFrom(m_chart.get(), inChart);
    }
    // How far the given number of seconds is on the screen, as an offset.
    QPoint secondsOffset(int row, double seconds) const
    {
        return QPoint(m_chart->pointAt(row, 20 + seconds).x() - m_chart->pointAt(row, 20).x(), 0);
    }
    void drag(const QPoint &from, const QPoint &to)
    {
        QWidget *view = viewport();
        QTest::mousePress(view, Qt::LeftButton, {}, toViewport(from));
        QTest::mouseMove(view, toViewport((from + to) / 2));
        QTest::mouseMove(view, toViewport(to));
        QTest::mouseRelease(view, Qt::LeftButton, {}, toViewport(to));
    }
    RingRule documentRule(int row) const
    {
        return m_document->settings().devices.at(row).rule(CallKind::External);
    }
    void focusChart()
    {
        m_chart->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_chart.get()));
        m_chart->setFocus();
        QTRY_VERIFY(m_chart->hasFocus());
    }
    QImage grabChart() const
    {
        QCoreApplication::processEvents();
        return m_chart->grab().toImage().convertToFormat(QImage::Format_RGB32);
    }
    // An area in the widget's coordinates as the image's pixels (more of them at 200 % scaling).
    static QRect inPixels(const QImage &image, const QRect &area)
    {
        const qreal ratio = image.devicePixelRatio();
        return QRect(QPoint(qRound(area.left() * ratio), qRound(area.top() * ratio)),
                     area.size() * ratio)
            .intersected(image.rect());
    }
    // Counted in logical pixels: a pixel differs when any of its device pixels does.
    static int differingPixels(const QImage &a, const QImage &b, const QRect &area)
    {
        int count = 0;
        const QRect inside = inPixels(a, area);
        for (int y = inside.top(); y <= inside.bottom(); ++y) {
            for (int x = inside.left(); x <= inside.right(); ++x) {
                if (a.pixel(x, y) != b.pixel(x, y))
                    ++count;
            }
        }
        const qreal ratio = a.devicePixelRatio();
        return int(std::ceil(count / (ratio * ratio)));
    }
    // Text-dark pixels (the light palette's text), which grid lines and the background are not.
    static int darkPixels(const QImage &image, const QRect &area)
    {
        int count = 0;
        const QRect inside = inPixels(image, area);
        for (int y = inside.top(); y <= inside.bottom(); ++y) {
            for (int x = inside.left(); x <= inside.right(); ++x) {
                if (QColor(image.pixel(x, y)).lightness() < 100)
                    ++count;
            }
        }
        return count;
    }

    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<DeviceRuleModel> m_model;
    std::unique_ptr<RingTimelineChart> m_chart;
    std::unique_ptr<DeviceRulesView> m_rows;
};

QTEST_MAIN(TestTimelineInteraction)
#include "tst_timelineinteraction.moc"
