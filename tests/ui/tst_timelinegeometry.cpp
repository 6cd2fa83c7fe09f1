#include "TimelineGeometry.h"

#include <QTest>

// The one mapping the timeline, its gestures, its header and the exporter share.
class TestTimelineGeometry : public QObject
{
    Q_OBJECT

private slots:
    void scaleComesFromThePlanAlone_data()
    {
        QTest::addColumn<int>("lastSecond");
        QTest::addColumn<int>("maximum");
        QTest::addColumn<int>("interval");
        QTest::newRow("nothing") << 0 << 30 << 5;
        QTest::newRow("28 s") << 28 << 30 << 5;
        QTest::newRow("45 s") << 45 << 50 << 5;
        QTest::newRow("60 s") << 60 << 70 << 10;
        QTest::newRow("87 s") << 87 << 90 << 10;
        QTest::newRow("2 min") << 120 << 135 << 15;
        QTest::newRow("longest plan") << 900 << 960 << 120;
    }
    void scaleComesFromThePlanAlone()
    {
        QFETCH(int, lastSecond);
        QFETCH(int, maximum);
        QFETCH(int, interval);
        const auto scale = TimelineGeometry::Scale::forLastSecond(lastSecond);
        QCOMPARE(scale.maximum, maximum);
        QCOMPARE(scale.tickInterval, interval);
        // Room after the last bar, whole steps, and enough grid lines to read a value off.
        QVERIFY(scale.maximum > lastSecond);
        QCOMPARE(scale.maximum % scale.tickInterval, 0);
        QVERIFY(scale.ticks().size() >= 7);
        QVERIFY(scale.ticks().size() <= 13);
        QCOMPARE(scale.ticks().constFirst(), 0);
        QCOMPARE(scale.ticks().constLast(), scale.maximum);
    }

    void secondsAndPixelsMapBothWays()
    {
        const TimelineGeometry geometry(QRectF(10, 0, 300, 120), {60, 10}, 3, true);
        QCOMPARE(geometry.xAt(0), 10.0);
        QCOMPARE(geometry.xAt(60), 310.0);
        QCOMPARE(geometry.xAt(30), 160.0);
        QCOMPARE(geometry.secondAt(160), 30.0);
        QCOMPARE(geometry.secondsPerPixel(), 0.2);
        // Three device rows and the ending's own row, 30 px each, top-down.
        QCOMPARE(geometry.rowCount(), 4);
        QCOMPARE(geometry.rowBand(0), QRectF(10, 0, 300, 30));
        QCOMPARE(geometry.rowBand(3), QRectF(10, 90, 300, 30));
        QVERIFY(geometry.rowBand(4).isNull());
        QCOMPARE(geometry.rowAt(45), 1);
        QCOMPARE(geometry.rowAt(-1), -1);
        const QRectF bar = geometry.barRect(1, 10, 40);
        QCOMPARE(bar.left(), geometry.xAt(10));
        QCOMPARE(bar.right(), geometry.xAt(40));
        QCOMPARE(bar.center().y(), 45.0);
        QCOMPARE(bar.height(), 30 * 0.6);
    }

    void hitsFindTheBarAndItsPart()
    {
        const TimelineGeometry geometry(QRectF(0, 0, 600, 90), {60, 10}, 3, false);
        const QList<TimelineGeometry::Span> bars {{0, 20}, {10, 40}, {30, 31}};
        using Part = TimelineGeometry::Part;
        auto hit = [&](qreal x, qreal y) {
            return geometry.hitTest({x, y}, bars, 6);
        };
        QCOMPARE(hit(100, 15).row, 0);
        QCOMPARE(hit(100, 15).part, Part::Body);
        QCOMPARE(hit(2, 15).part, Part::Start);
        QCOMPARE(hit(198, 15).part, Part::End);
        QCOMPARE(hit(300, 15).row, -1); // beside the bar
        QCOMPARE(hit(250, 45).part, Part::Body);
        QCOMPARE(hit(250, 75).row, -1); // another row's bar is elsewhere
        // A one-second bar (10 px) still has a middle to move it by.
        QCOMPARE(hit(305, 75).part, Part::Body);
        QCOMPARE(hit(301, 75).part, Part::Start);
        QCOMPARE(hit(309, 75).part, Part::End);
    }
};

QTEST_APPLESS_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
