// Tests for RingBounds, RingRule and RingWindow: the allowed values and what a rule means in time.

#include "CoreTestSupport.h"
#include "RingBounds.h"
#include "RingRule.h"
#include "RingWindow.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestRingBounds : public QObject
{
    Q_OBJECT

private slots:
    void limits();
    void delay_data();
    void delay();
    void timeout_data();
    void timeout();
    void ruleWithinBounds_data();
    void ruleWithinBounds();
    void defaultRule();
    void ruleEquality();
    void window_data();
    void window();
    void contains_data();
    void contains();
    void windowEquality();
};

void TestRingBounds::limits()
{
    QCOMPARE(RingBounds::minDelay, 0);
    QCOMPARE(RingBounds::maxDelay, 300);
    QCOMPARE(RingBounds::minTimeout, 1);
    QCOMPARE(RingBounds::maxTimeout, 600);
    // Usable at compile time, so spinners and static checks can read them.
    static_assert(RingBounds::isValidDelay(0) && !RingBounds::isValidDelay(-1));
    static_assert(RingBounds::isValidTimeout(600) && !RingBounds::isValidTimeout(601));
}

void TestRingBounds::delay_data()
{
    QTest::addColumn<qlonglong>("seconds");
    QTest::addColumn<bool>("valid");

    QTest::newRow("-1") << -1LL << false;
    QTest::newRow("0") << 0LL << true;
    QTest::newRow("1") << 1LL << true;
    QTest::newRow("150") << 150LL << true;
    QTest::newRow("299") << 299LL << true;
    QTest::newRow("300") << 300LL << true;
    QTest::newRow("301") << 301LL << false;
    QTest::newRow("huge") << 10'000'000'000LL << false;
    QTest::newRow("very negative") << -10'000'000'000LL << false;
}

void TestRingBounds::delay()
{
    QFETCH(qlonglong, seconds);
    QFETCH(bool, valid);
    QCOMPARE(RingBounds::isValidDelay(seconds), valid);
}

void TestRingBounds::timeout_data()
{
    QTest::addColumn<qlonglong>("seconds");
    QTest::addColumn<bool>("valid");

    QTest::newRow("-1") << -1LL << false;
    QTest::newRow("0") << 0LL << false;
    QTest::newRow("1") << 1LL << true;
    QTest::newRow("2") << 2LL << true;
    QTest::newRow("300") << 300LL << true;
    QTest::newRow("599") << 599LL << true;
    QTest::newRow("600") << 600LL << true;
    QTest::newRow("601") << 601LL << false;
    QTest::newRow("huge") << 10'000'000'000LL << false;
}

void TestRingBounds::timeout()
{
    QFETCH(qlonglong, seconds);
    QFETCH(bool, valid);
    QCOMPARE(RingBounds::isValidTimeout(seconds), valid);
}

void TestRingBounds::ruleWithinBounds_data()
{
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("within");

    QTest::newRow("smallest") << 0 << 1 << true << true;
    QTest::newRow("largest") << 300 << 600 << true << true;
    QTest::newRow("typical") << 10 << 25 << true << true;
    QTest::newRow("delay -1") << -1 << 20 << true << false;
    QTest::newRow("delay 301") << 301 << 20 << true << false;
    QTest::newRow("timeout 0") << 0 << 0 << true << false;
    QTest::newRow("timeout 601") << 0 << 601 << true << false;
    // Bounds apply whether or not the rule is enabled: a disabled rule keeps its values.
    QTest::newRow("disabled, delay 301") << 301 << 20 << false << false;
    QTest::newRow("disabled, timeout 0") << 5 << 0 << false << false;
    QTest::newRow("disabled, valid") << 5 << 15 << false << true;
}

void TestRingBounds::ruleWithinBounds()
{
    QFETCH(int, delay);
    QFETCH(int, timeout);
    QFETCH(bool, enabled);
    QFETCH(bool, within);
    const RingRule rule {enabled, delay, timeout};
    QCOMPARE(rule.isWithinBounds(), within);
}

void TestRingBounds::defaultRule()
{
    const RingRule rule;
    QCOMPARE(rule.enabled, false);
    QCOMPARE(rule.delay, 0);
    QCOMPARE(rule.timeout, 20);
    QVERIFY(rule.isWithinBounds());
}

void TestRingBounds::ruleEquality()
{
    const RingRule base {true, 5, 30};
    QVERIFY(base == (RingRule {true, 5, 30}));
    QVERIFY(!(base != (RingRule {true, 5, 30})));
    QVERIFY(base != (RingRule {false, 5, 30}));
    QVERIFY(base != (RingRule {true, 6, 30}));
    QVERIFY(base != (RingRule {true, 5, 31}));
    QVERIFY(!(base == (RingRule {true, 5, 31})));
}

void TestRingBounds::window_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");

    // The timeout counts from the moment the device starts ringing: [delay, delay + timeout).
    QTest::newRow("immediately") << true << 0 << 25 << 0 << 25;
    QTest::newRow("after 10 s") << true << 10 << 25 << 10 << 35;
    QTest::newRow("shortest") << true << 0 << 1 << 0 << 1;
    QTest::newRow("longest") << true << 300 << 600 << 300 << 900;
    QTest::newRow("disabled still has a window") << false << 5 << 15 << 5 << 20;
}

void TestRingBounds::window()
{
    QFETCH(bool, enabled);
    QFETCH(int, delay);
    QFETCH(int, timeout);
    QFETCH(int, start);
    QFETCH(int, end);
    const RingRule rule {enabled, delay, timeout};
    const RingWindow window = rule.window();
    QCOMPARE(window.start, start);
    QCOMPARE(window.end, end);
    QCOMPARE(window.length(), timeout);
    QCOMPARE(window, (RingWindow {start, end}));
}

void TestRingBounds::contains_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<int>("second");
    QTest::addColumn<bool>("contained");

    QTest::newRow("before start") << 10 << 35 << 9 << false;
    QTest::newRow("at start") << 10 << 35 << 10 << true;
    QTest::newRow("inside") << 10 << 35 << 20 << true;
    QTest::newRow("last second") << 10 << 35 << 34 << true;
    QTest::newRow("at end (exclusive)") << 10 << 35 << 35 << false;
    QTest::newRow("after end") << 10 << 35 << 36 << false;
    QTest::newRow("from 0, at 0") << 0 << 1 << 0 << true;
    QTest::newRow("from 0, at 1") << 0 << 1 << 1 << false;
    QTest::newRow("from 0, negative") << 0 << 1 << -1 << false;
    QTest::newRow("empty window") << 5 << 5 << 5 << false;
}

void TestRingBounds::contains()
{
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(int, second);
    QFETCH(bool, contained);
    const RingWindow window {start, end};
    QCOMPARE(window.contains(second), contained);
}

void TestRingBounds::windowEquality()
{
    QVERIFY((RingWindow {0, 25}) == (RingWindow {0, 25}));
    QVERIFY((RingWindow {0, 25}) != (RingWindow {1, 25}));
    QVERIFY((RingWindow {0, 25}) != (RingWindow {0, 26}));
    QCOMPARE((RingWindow {}).length(), 0);
    QVERIFY(!(RingWindow {}).contains(0));
}

QTEST_APPLESS_MAIN(TestRingBounds)
#include "tst_ringbounds.moc"
