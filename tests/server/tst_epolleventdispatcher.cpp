// SPDX-License-Identifier: GPL-3.0-or-later
// The server's epoll event dispatcher (docs/server.md, "Event dispatcher"), installed as this
// test's own: timers, socket notifiers, posted events and wake-ups from other threads.
#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <future>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {

// A connected pair of local sockets, closed at the end of the scope.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { QVERIFY(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) == 0); }
    ~SocketPair()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    void send(char byte = 'x') const { QCOMPARE(::write(fds[1], &byte, 1), 1); }
    void drain() const
    {
        char buffer[64];
        while (::read(fds[0], buffer, sizeof buffer) > 0) { }
    }
};

// Passes of the loop that don't wait: a ready fd of an enabled notifier is reported on every
// one of them (level-triggered), so nothing reported in these means nothing is watched.
void runPasses(int count = 5)
{
    for (int i = 0; i < count; ++i)
        QCoreApplication::processEvents();
}

EpollEventDispatcher *dispatcher()
{
    return qobject_cast<EpollEventDispatcher *>(QCoreApplication::eventDispatcher());
}

} // namespace

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isTheApplicationsDispatcher();
    void timersFireInOrderOfTheirDeadlines();
    void repeatingTimerRepeatsUntilStopped();
    void zeroTimerLetsOtherEventsThrough();
    void timersOfADeletedObjectAreGone();
    void readNotifierIsLevelTriggered();
    void readAndWriteNotifiersShareAnFd();
    void notifierDeletedByAnotherInTheSameBatch();
    void excludeSocketNotifiersDefersThem();
    void aReusedFdIsWatchedForItsNewNotifier();
    void postedEventFromAnotherThreadWakesTheLoop();
};

void tst_EpollEventDispatcher::isTheApplicationsDispatcher()
{
    QVERIFY(dispatcher());
}

void tst_EpollEventDispatcher::timersFireInOrderOfTheirDeadlines()
{
    QList<int> fired;
    QTimer late, early, middle, zero;
    const std::pair<QTimer *, int> timers[] = {
        {&late, 60}, {&early, 20}, {&middle, 40}, {&zero, 0}};
    for (const auto &[timer, interval] : timers) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        connect(timer, &QTimer::timeout, this,
                [&fired, interval = interval] { fired << interval; });
        timer->start(interval);
    }
    QVERIFY(dispatcher()->remainingTime(late.timerId()) > 0);
    QTRY_COMPARE(fired, (QList<int> {0, 20, 40, 60}));
    QVERIFY(!late.isActive());
}

void tst_EpollEventDispatcher::repeatingTimerRepeatsUntilStopped()
{
    QTimer timer;
    timer.setInterval(5ms);
    int count = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++count == 3)
            timer.stop();
    });
    timer.start();
    QCOMPARE(dispatcher()->registeredTimers(&timer).size(), 1);
    QTRY_VERIFY(!timer.isActive());
    QCOMPARE(count, 3);
    QVERIFY(dispatcher()->registeredTimers(&timer).isEmpty());
    // Stopped means unregistered: nothing fires any more, even once its deadline passes again.
    QTimer later;
    later.setSingleShot(true);
    QSignalSpy laterSpy(&later, &QTimer::timeout);
    later.start(30ms);
    QVERIFY(laterSpy.wait());
    QCOMPARE(count, 3);
}

void tst_EpollEventDispatcher::zeroTimerLetsOtherEventsThrough()
{
    // A zero timer fires once per pass: it must not keep the loop from timers, posted events
    // and sockets.
    QTimer busy;
    int spins = 0;
    connect(&busy, &QTimer::timeout, this, [&] { ++spins; });
    busy.start(0);
    bool posted = false;
    QMetaObject::invokeMethod(
        this, [&] { posted = true; }, Qt::QueuedConnection);
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QSignalSpy readable(&notifier, &QSocketNotifier::activated);
    pair.send();
    QTimer other;
    other.setSingleShot(true);
    QSignalSpy otherSpy(&other, &QTimer::timeout);
    other.start(20ms);
    QVERIFY(otherSpy.wait());
    QVERIFY(posted);
    QVERIFY(readable.count() > 0);
    QVERIFY(spins > 1);
}

void tst_EpollEventDispatcher::timersOfADeletedObjectAreGone()
{
    auto timer = std::make_unique<QTimer>();
    timer->start(10ms);
    QPointer<QTimer> guard(timer.get());
    QObject *raw = timer.get();
    timer.reset();
    QVERIFY(!guard);
    QVERIFY(dispatcher()->registeredTimers(raw).isEmpty());
    QVERIFY(!dispatcher()->unregisterTimers(raw));
    // The loop goes on without touching it.
    runPasses();
}

void tst_EpollEventDispatcher::readNotifierIsLevelTriggered()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QSignalSpy spy(&notifier, &QSocketNotifier::activated);
    pair.send();
    // Not read, so still readable: reported again on the next passes, as Qt's own do.
    QTRY_VERIFY(spy.count() >= 3);
    pair.drain();
    notifier.setEnabled(false);
    const auto count = spy.count();
    pair.send();
    runPasses();
    QCOMPARE(spy.count(), count);
    notifier.setEnabled(true);
    QTRY_VERIFY(spy.count() > count);
}

void tst_EpollEventDispatcher::readAndWriteNotifiersShareAnFd()
{
    SocketPair pair;
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
    QSignalSpy readable(&reader, &QSocketNotifier::activated);
    QSignalSpy writable(&writer, &QSocketNotifier::activated);
    // An idle socket can be written to but has nothing to read.
    QTRY_VERIFY(writable.count() > 0);
    QCOMPARE(readable.count(), 0);
    writer.setEnabled(false);
    pair.send();
    QTRY_VERIFY(readable.count() > 0);
    const auto written = writable.count();
    pair.drain();
    runPasses();
    QCOMPARE(writable.count(), written);
    // Disabling the reader too removes the fd; enabling the writer brings it back.
    reader.setEnabled(false);
    writer.setEnabled(true);
    QTRY_VERIFY(writable.count() > written);
}

void tst_EpollEventDispatcher::notifierDeletedByAnotherInTheSameBatch()
{
    // Both sockets are readable before the loop runs, so both come back from one epoll_wait;
    // whichever is activated first deletes the other, which must then not be activated.
    SocketPair first, second;
    auto *a = new QSocketNotifier(first.fds[0], QSocketNotifier::Read, this);
    auto *b = new QSocketNotifier(second.fds[0], QSocketNotifier::Read, this);
    QPointer<QSocketNotifier> guardA(a), guardB(b);
    int activations = 0;
    connect(a, &QSocketNotifier::activated, this, [&] {
        ++activations;
        delete guardB;
        first.drain();
    });
    connect(b, &QSocketNotifier::activated, this, [&] {
        ++activations;
        delete guardA;
        second.drain();
    });
    first.send();
    second.send();
    QTRY_VERIFY(!guardA || !guardB);
    runPasses();
    QCOMPARE(activations, 1);
    // The fd of the deleted one, reused by a new notifier, works as any other.
    delete guardA;
    delete guardB;
    QSocketNotifier again(second.fds[0], QSocketNotifier::Read);
    QSignalSpy spy(&again, &QSocketNotifier::activated);
    second.send();
    QVERIFY(spy.wait());
}

// A notifier left enabled on a descriptor that is closed (Qt's QPSQL driver does so when libpq
// drops a lost connection), and the descriptor reused by the next socket: that socket's notifier
// is told of its data, although the stale one still holds the slot when it registers.
void tst_EpollEventDispatcher::aReusedFdIsWatchedForItsNewNotifier()
{
    auto first = std::make_unique<SocketPair>();
    const int fd = first->fds[0];
    QSocketNotifier stale(fd, QSocketNotifier::Read);
    runPasses(); // told to epoll
    ::close(first->fds[0]);
    first->fds[0] = -1;
    first.reset();
    SocketPair second;
    QCOMPARE(second.fds[0], fd); // the lowest free descriptor: the closed one
    QSocketNotifier fresh(second.fds[0], QSocketNotifier::Read);
    QSignalSpy spy(&fresh, &QSocketNotifier::activated);
    second.send();
    QTRY_VERIFY(spy.count() > 0);
}

void tst_EpollEventDispatcher::excludeSocketNotifiersDefersThem()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    QSignalSpy spy(&notifier, &QSocketNotifier::activated);
    pair.send();
    bool posted = false;
    QMetaObject::invokeMethod(
        this, [&] { posted = true; }, Qt::QueuedConnection);
    QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QVERIFY(posted);
    QCOMPARE(spy.count(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
}

void tst_EpollEventDispatcher::postedEventFromAnotherThreadWakesTheLoop()
{
    // The other thread posts only once the loop is about to block, with no timer of its own
    // due: only the wake-up can end the wait. (A watchdog timer ends it if that is broken.)
    std::promise<void> blocking;
    bool promised = false;
    const auto connection =
        connect(dispatcher(), &QAbstractEventDispatcher::aboutToBlock, this, [&] {
            if (!promised) {
                promised = true;
                blocking.set_value();
            }
        });
    std::atomic<bool> posting {false};
    bool delivered = false;
    std::thread poster([&] {
        blocking.get_future().wait();
        posting = true;
        QMetaObject::invokeMethod(
            this, [&] { delivered = true; }, Qt::QueuedConnection);
    });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    bool watchdogFired = false;
    connect(&watchdog, &QTimer::timeout, this, [&] { watchdogFired = true; });
    watchdog.start(20s);
    // Posted events are sent at the start of a pass, which then waits again (as Qt's own
    // dispatchers do): the wait that the post must end is the one it came into.
    while (!posting && !watchdogFired)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    poster.join();
    disconnect(connection);
    QTRY_VERIFY(delivered);
    QVERIFY(!watchdogFired);
}

int main(int argc, char *argv[])
{
    // As in followme-server: the dispatcher is set before the application exists.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
