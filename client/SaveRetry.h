#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

// When to try a failed save again (a full disk, a folder gone): soon at first, then less and
// less often, so a disk that stays full costs little and one that gets space back is used soon.
class SaveRetry : public QObject
{
    Q_OBJECT

public:
    explicit SaveRetry(QObject *parent = nullptr);

    // The first try `first` after a failure, then twice as long each time up to `longest`.
    void setDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest);
    // A save failed: `due` follows after the next delay.
    void failed();
    // A save worked: nothing is due, and a later failure starts again from the first delay.
    void succeeded();
    // A save is being tried anyway: nothing is due until its outcome is known.
    void stop() { m_timer.stop(); }
    bool isScheduled() const { return m_timer.isActive(); }

signals:
    void due();

private:
    QTimer m_timer;
    std::chrono::milliseconds m_first {1000};
    std::chrono::milliseconds m_longest {30 * 1000};
    std::chrono::milliseconds m_next = m_first;
};
