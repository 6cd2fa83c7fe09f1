// SPDX-License-Identifier: GPL-3.0-or-later
#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QDebug>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

// The eventfd's tag in epoll; sockets carry their fd and a generation, never all ones.
constexpr quint64 wakeUpTag = ~quint64(0);
constexpr int maxEventsPerPass = 256;
constexpr quint32 readEvents = EPOLLIN;
constexpr quint32 writeEvents = EPOLLOUT;
constexpr quint32 exceptionEvents = EPOLLPRI;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

quint64 tag(int fd, quint32 generation)
{
    return (quint64(generation) << 32) | quint32(fd);
}

bool heapAfter(const auto &a, const auto &b)
{
    return a.deadline > b.deadline;
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd: %s", strerror(errno));
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.u64 = wakeUpTag;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // Anything posted from now on calls wakeUp(), so waiting can't miss it.
    const bool wait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load();
    if (wait)
        emit aboutToBlock();
    if (m_interrupted.load())
        return false;

    int timeout = 0;
    if (wait && m_alwaysReady.isEmpty())
        timeout = includeTimers ? nextTimeout() : -1;

    bool handled = false;
    epoll_event events[maxEventsPerPass];
    int count = 0;
    if (includeNotifiers) {
        applyWatchChanges();
        count = epoll_wait(m_epoll, events, maxEventsPerPass, timeout);
        if (count < 0)
            count = 0; // EINTR: a signal; go round again
    } else {
        pollfd wake {m_wakeFd, POLLIN, 0};
        if (poll(&wake, 1, timeout) > 0) {
            drainWakeUp();
            handled = true;
        }
    }
    // The eventfd first: what it announced was posted before anything below ran.
    for (int i = 0; i < count; ++i) {
        if (events[i].data.u64 == wakeUpTag) {
            drainWakeUp();
            handled = true;
        }
    }
    if (includeNotifiers) {
        handled = activateSocketNotifiers(events, count) || handled;
        handled = activateAlwaysReady() || handled;
    }
    if (includeTimers)
        handled = activateTimers() > 0 || handled;
    return handled;
}

void EpollEventDispatcher::drainWakeUp()
{
    quint64 value = 0;
    while (::read(m_wakeFd, &value, sizeof value) < 0 && errno == EINTR) { }
    m_wakeUpPending.store(false, std::memory_order_release);
}

bool EpollEventDispatcher::activateSocketNotifiers(const epoll_event *events, int count)
{
    bool handled = false;
    for (int i = 0; i < count; ++i) {
        const quint64 data = events[i].data.u64;
        if (data == wakeUpTag)
            continue;
        const int fd = int(quint32(data));
        const quint32 generation = quint32(data >> 32);
        const quint32 ready = events[i].events;
        // As Qt's own dispatchers do: an error or hang-up wakes the reader (and the writer),
        // who find out what happened by reading.
        const bool wanted[] = {
            (ready & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)) != 0,
            (ready & (EPOLLOUT | EPOLLERR | EPOLLHUP)) != 0,
            (ready & EPOLLPRI) != 0,
        };
        for (int type = 0; type < 3; ++type) {
            if (!wanted[type])
                continue;
            // Looked up again for each activation: the previous one may have deleted or
            // disabled this notifier (or all of this fd's).
            const auto it = m_watches.constFind(fd);
            if (it == m_watches.cend() || it->generation != generation)
                break;
            QSocketNotifier *notifier = type == 0 ? it->read
                : type == 1                       ? it->write
                                                  : it->exception;
            if (!notifier)
                continue;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            handled = true;
        }
    }
    return handled;
}

bool EpollEventDispatcher::activateAlwaysReady()
{
    if (m_alwaysReady.isEmpty())
        return false;
    // Files epoll refuses (regular files) are always ready, as poll() reports them.
    std::vector<epoll_event> events;
    for (const int fd : std::as_const(m_alwaysReady)) {
        const auto it = m_watches.constFind(fd);
        if (it == m_watches.cend())
            continue;
        epoll_event event {};
        event.events = (it->read ? readEvents : 0u) | (it->write ? writeEvents : 0u);
        event.data.u64 = tag(fd, it->generation);
        events.push_back(event);
    }
    return activateSocketNotifiers(events.data(), int(events.size()));
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_watches.find(fd);
    if (it == m_watches.end()) {
        Watch watch;
        watch.generation = m_nextGeneration++;
        it = m_watches.insert(fd, watch);
    }
    QSocketNotifier **slot = notifier->type() == QSocketNotifier::Read ? &it->read
        : notifier->type() == QSocketNotifier::Write                   ? &it->write
                                                                       : &it->exception;
    if (*slot && *slot != notifier) {
        // The one before was left enabled on a descriptor that was closed, and the descriptor
        // now belongs to a new file (Qt's QPSQL driver leaves its notifier so when libpq drops a
        // lost connection). epoll forgot the closed file by itself: the new one is added afresh.
        it->kernelEvents = 0;
    }
    *slot = notifier;
    updateWatch(fd, *it);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    if (it->read == notifier)
        it->read = nullptr;
    else if (it->write == notifier)
        it->write = nullptr;
    else if (it->exception == notifier)
        it->exception = nullptr;
    else
        return;
    updateWatch(fd, *it);
}

quint32 EpollEventDispatcher::wantedEvents(const Watch &watch)
{
    return (watch.read ? readEvents : 0u) | (watch.write ? writeEvents : 0u)
        | (watch.exception ? exceptionEvents : 0u);
}

void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    if (wantedEvents(watch) == 0) {
        // At once: Qt deletes a socket's notifiers right before it closes the fd. An error
        // (closed already) only means epoll forgot it by itself.
        if (!m_alwaysReady.remove(fd) && watch.kernelEvents != 0)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.remove(fd);
        return;
    }
    // Told to epoll just before the next wait: a socket enables its write notifier for each
    // message and disables it once the message is written, often in the same pass, and then
    // nothing needs telling at all.
    if (!watch.dirty) {
        watch.dirty = true;
        m_dirty.push_back(fd);
    }
}

void EpollEventDispatcher::applyWatchChanges()
{
    for (const int fd : m_dirty) {
        const auto it = m_watches.find(fd);
        if (it == m_watches.end() || !it->dirty)
            continue;
        it->dirty = false;
        const quint32 events = wantedEvents(*it);
        if (events == it->kernelEvents || m_alwaysReady.contains(fd))
            continue;
        epoll_event event {};
        event.events = events;
        event.data.u64 = tag(fd, it->generation);
        int result =
            epoll_ctl(m_epoll, it->kernelEvents == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
        if (result < 0 && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        else if (result < 0 && errno == ENOENT)
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result == 0)
            it->kernelEvents = events;
        else if (errno == EPERM)
            m_alwaysReady.insert(fd);
        else
            qWarning("EpollEventDispatcher: cannot watch fd %d: %s", fd, strerror(errno));
    }
    m_dirty.clear();
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    // Very coarse timers keep to whole seconds, as Qt's do; coarse ones are kept precise.
    if (timerType == Qt::VeryCoarseTimer)
        interval = std::max<qint64>(1000, (interval + 500) / 1000 * 1000);
    Timer timer {object, interval, nowNs() + interval * 1000000, timerType, 0};
    auto it = m_timers.insert(timerId, timer);
    m_timersByObject.insert(object, timerId);
    schedule(timerId, *it);
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer)
{
    timer.sequence = m_nextSequence++;
    m_heap.push_back({timer.deadline, timer.sequence, timerId});
    std::push_heap(m_heap.begin(), m_heap.end(), heapAfter<HeapEntry, HeapEntry>);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_timersByObject.remove(it->object, timerId);
    m_timers.erase(it);
    compactHeap();
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const QList<int> ids = m_timersByObject.values(object);
    if (ids.isEmpty())
        return false;
    for (const int id : ids)
        m_timers.remove(id);
    m_timersByObject.remove(object);
    compactHeap();
    return true;
}

void EpollEventDispatcher::compactHeap()
{
    // Stopped timers leave their entries behind until they would have fired; a timer
    // restarted often (a deadline pushed back) must not grow the heap without bound.
    if (m_heap.size() <= 2 * size_t(m_timers.size()) + 64)
        return;
    m_heap.clear();
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it)
        m_heap.push_back({it->deadline, it->sequence, it.key()});
    std::make_heap(m_heap.begin(), m_heap.end(), heapAfter<HeapEntry, HeapEntry>);
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const int id : m_timersByObject.values(object)) {
        const Timer &timer = m_timers[id];
        timers.append(TimerInfo(id, int(timer.interval), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    const qint64 left = it->deadline - nowNs();
    return left <= 0 ? 0 : int((left + 999999) / 1000000);
}

int EpollEventDispatcher::nextTimeout()
{
    while (!m_heap.empty()) {
        const HeapEntry &front = m_heap.front();
        const auto it = m_timers.constFind(front.timerId);
        if (it != m_timers.cend() && it->sequence == front.sequence) {
            const qint64 left = front.deadline - nowNs();
            if (left <= 0)
                return 0;
            // Rounded up: waking before the deadline would only spin until it.
            return int(std::min<qint64>(INT_MAX, (left + 999999) / 1000000));
        }
        std::pop_heap(m_heap.begin(), m_heap.end(), heapAfter<HeapEntry, HeapEntry>);
        m_heap.pop_back();
    }
    return -1;
}

int EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowNs();
    // Every timer due now fires once in this pass, rescheduled before it fires (it may stop or
    // restart itself); a zero-interval timer fires again in the next pass, not in this one.
    std::vector<std::pair<int, quint64>> due;
    while (!m_heap.empty() && m_heap.front().deadline <= now) {
        const HeapEntry entry = m_heap.front();
        std::pop_heap(m_heap.begin(), m_heap.end(), heapAfter<HeapEntry, HeapEntry>);
        m_heap.pop_back();
        const auto it = m_timers.find(entry.timerId);
        if (it == m_timers.end() || it->sequence != entry.sequence)
            continue;
        it->deadline += it->interval * 1000000;
        if (it->deadline < now)
            it->deadline = now + it->interval * 1000000;
        it->sequence = m_nextSequence++;
        due.emplace_back(entry.timerId, it->sequence);
    }
    for (const auto &[id, sequence] : due) {
        const auto it = m_timers.constFind(id);
        m_heap.push_back({it->deadline, sequence, id});
        std::push_heap(m_heap.begin(), m_heap.end(), heapAfter<HeapEntry, HeapEntry>);
    }
    int fired = 0;
    for (const auto &[id, sequence] : due) {
        // Killed, or killed and its id given to a new timer, by an earlier one in this pass.
        const auto it = m_timers.constFind(id);
        if (it == m_timers.cend() || it->sequence != sequence)
            continue;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->object, &event);
        ++fired;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    // One write until the loop has seen it: posting many events costs one system call.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    const quint64 one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) { }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}
