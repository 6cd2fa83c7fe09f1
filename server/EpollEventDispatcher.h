// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QMultiHash>
#include <QSet>

#include <atomic>
#include <cstdint>
#include <vector>

class QSocketNotifier;

// The server's event loop on Linux (docs/server.md, "Event dispatcher"). Qt's dispatchers hand
// every socket of the thread to poll() on each pass, so with thousands of idle sessions each
// edit paid for all of them; epoll reports only the sockets that are ready. Socket notifiers
// stay level-triggered as Qt expects, timers are kept in a heap, wakeUp() writes an eventfd.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        // Told to epoll with each event, so an event for an fd that was closed and reused
        // within one batch is not taken for the new socket's.
        quint32 generation = 0;
        quint32 kernelEvents = 0; // what epoll has been told; 0: not added
        bool dirty = false; // changed since epoll was last told
    };
    struct Timer
    {
        QObject *object;
        qint64 interval; // ms
        qint64 deadline; // ns, steady clock
        Qt::TimerType type;
        quint64 sequence; // which heap entry is current
    };
    struct HeapEntry
    {
        qint64 deadline;
        quint64 sequence;
        int timerId;
    };

    static quint32 wantedEvents(const Watch &watch);
    void updateWatch(int fd, Watch &watch);
    void applyWatchChanges();
    bool activateSocketNotifiers(const struct epoll_event *events, int count);
    bool activateAlwaysReady();
    int activateTimers();
    void schedule(int timerId, Timer &timer);
    void compactHeap();
    // ms until the next timer is due (0 if one is), -1 without timers.
    int nextTimeout();
    void drainWakeUp();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending {false};
    std::atomic<bool> m_interrupted {false};
    quint32 m_nextGeneration = 1;
    QHash<int, Watch> m_watches;
    std::vector<int> m_dirty; // fds whose watch changed since the last wait
    QSet<int> m_alwaysReady; // fds epoll refuses (regular files)
    QHash<int, Timer> m_timers;
    QMultiHash<QObject *, int> m_timersByObject;
    std::vector<HeapEntry> m_heap; // min-heap by deadline, with stale entries skipped
    quint64 m_nextSequence = 1;
};
