// SPDX-License-Identifier: GPL-3.0-or-later
// The failed-login throttle's arithmetic (docs/protocol.md 3.1), on a fake clock.
#include "LoginThrottle.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Ms = LoginThrottle::Milliseconds;

class tst_LoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void waitsDoubleUpToEightSeconds();
    void refusesAfterTwentyFailuresInTenMinutes();
    void successEndsTheRunButNotTheCount();
    void parallelAttemptsQueue();
    void addressesAreIndependent();
};

void tst_LoginThrottle::waitsDoubleUpToEightSeconds()
{
    LoginThrottle throttle;
    const QString address = u"192.0.2.1"_s;
    Ms now = 1000s;
    QList<qint64> waits;
    for (int i = 0; i < 8; ++i) {
        const Ms wait = throttle.recordFailure(address, now);
        waits.append(wait.count());
        now += wait + 1ms; // the client retries right after the answer
    }
    QCOMPARE(waits, (QList<qint64> {250, 500, 1000, 2000, 4000, 8000, 8000, 8000}));
}

void tst_LoginThrottle::refusesAfterTwentyFailuresInTenMinutes()
{
    LoginThrottle throttle;
    const QString address = u"192.0.2.2"_s;
    Ms now = 1000s;
    for (int i = 0; i < 19; ++i) {
        QVERIFY(!throttle.isBlocked(address, now));
        now += throttle.recordFailure(address, now) + 1ms;
    }
    QVERIFY(!throttle.isBlocked(address, now));
    throttle.recordFailure(address, now);
    QVERIFY(throttle.isBlocked(address, now));
    // Ten minutes after the first failures they no longer count.
    QVERIFY(!throttle.isBlocked(address, 1000s + 10min + 1ms));
}

void tst_LoginThrottle::successEndsTheRunButNotTheCount()
{
    LoginThrottle::Policy policy;
    policy.failureLimit = 3;
    LoginThrottle throttle(policy);
    const QString address = u"192.0.2.3"_s;
    Ms now = 1000s;
    now += throttle.recordFailure(address, now);
    now += throttle.recordFailure(address, now);
    throttle.recordSuccess(address);
    QCOMPARE(throttle.recordFailure(address, now + 1s).count(), 250);
    QVERIFY(throttle.isBlocked(address, now + 2s));
}

void tst_LoginThrottle::parallelAttemptsQueue()
{
    LoginThrottle throttle;
    const QString address = u"192.0.2.4"_s;
    const Ms now = 1000s;
    // Three connections fail at the same moment: their answers come one after the other.
    QCOMPARE(throttle.recordFailure(address, now).count(), 250);
    QCOMPARE(throttle.recordFailure(address, now).count(), 750);
    QCOMPARE(throttle.recordFailure(address, now).count(), 1750);
}

void tst_LoginThrottle::addressesAreIndependent()
{
    LoginThrottle::Policy policy;
    policy.failureLimit = 1;
    LoginThrottle throttle(policy);
    throttle.recordFailure(u"192.0.2.5"_s, 1000s);
    QVERIFY(throttle.isBlocked(u"192.0.2.5"_s, 1001s));
    QVERIFY(!throttle.isBlocked(u"192.0.2.6"_s, 1001s));
    QCOMPARE(throttle.recordFailure(u"192.0.2.6"_s, 1001s).count(), 250);
}

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_loginthrottle.moc"
