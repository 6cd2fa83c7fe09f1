#include "ReconnectPolicy.h"

#include <QTest>

using namespace std::chrono_literals;

class TestReconnectPolicy : public QObject
{
    Q_OBJECT

private slots:
    void growsExponentiallyUpToTheCap()
    {
        const ReconnectPolicy policy(1s, 60s, 30s, [] { return 1.0; });
        QCOMPARE(policy.delayFor(1), 1000ms);
        QCOMPARE(policy.delayFor(2), 2000ms);
        QCOMPARE(policy.delayFor(3), 4000ms);
        QCOMPARE(policy.delayFor(6), 32000ms);
        QCOMPARE(policy.delayFor(7), 60000ms);
        QCOMPARE(policy.delayFor(1000), 60000ms); // no overflow far out
    }

    void jitterKeepsAtLeastHalf()
    {
        const ReconnectPolicy low(1s, 60s, 30s, [] { return 0.0; });
        const ReconnectPolicy mid(1s, 60s, 30s, [] { return 0.5; });
        QCOMPARE(low.delayFor(3), 2000ms);
        QCOMPARE(mid.delayFor(3), 3000ms);
        QCOMPARE(low.delayFor(50), 30000ms);
    }

    void realRandomnessSpreadsClients()
    {
        const ReconnectPolicy policy;
        QSet<qint64> seen;
        for (int i = 0; i < 50; ++i) {
            const auto delay = policy.delayFor(4);
            QVERIFY(delay >= 4000ms && delay <= 8000ms);
            seen.insert(delay.count());
        }
        QVERIFY(seen.size() > 10);
        QCOMPARE(policy.stableAfter(), std::chrono::milliseconds(10s));
    }
};

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
