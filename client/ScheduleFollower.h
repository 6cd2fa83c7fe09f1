#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

class SettingsDocument;

// Keeps an --offline document's active profile on time, as the server does for its users
// (ProfileClock): at the instant its schedule or override next has something to do, the document
// follows it (SettingsDocument::followSchedule), which its store then writes back. Sleeps at most
// an hour, so a wall clock that jumped is caught up with.
class ScheduleFollower : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `clock`: the time the schedule is read at (UTC); by default the system's. Follows the
    // schedule at once.
    explicit ScheduleFollower(SettingsDocument *document, Clock clock = {},
                              QObject *parent = nullptr);

    // When it next wakes; invalid when nothing is due.
    QDateTime nextWake() const { return m_wake; }
    // Follows the schedule now and sets the next wake (also what the timer does).
    void follow();

private:
    void arm();

    static constexpr qint64 longestSleepMs = 3600 * 1000;

    SettingsDocument *m_document;
    Clock m_clock;
    QTimer m_timer;
    QDateTime m_wake;
};
