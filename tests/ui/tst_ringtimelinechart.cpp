#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "PlanSummary.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "TimelineDecorations.h"

#include <QBuffer>
#include <QImage>
#include <QSet>
#include <QTest>
#include <QToolTip>

using namespace Qt::StringLiterals;

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
