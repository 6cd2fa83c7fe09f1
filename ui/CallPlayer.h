#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

// Plays a simulated incoming call along the timeline: a position in seconds that runs from 0 to
// the end, in real time or faster. Time comes from a clock the tests replace.
class CallPlayer : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // milliseconds, only ever growing

    explicit CallPlayer(QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Plays from 0 to `endSeconds` at `speed` times real time.
    void start(double endSeconds, double speed = 1.0);
    void stop();
    // The plan changed while playing: the call now ends elsewhere.
    void setEnd(double endSeconds) { m_end = endSeconds; }

    bool isPlaying() const { return m_timer.isActive(); }
    double position() const { return m_position; }
    double speed() const { return m_speed; }

    // Advances to the clock's time; the timer calls it, tests may too.
    void tick();

signals:
    void positionChanged(double seconds);
    // Reached the end: nobody rings any more.
    void finished();
    void stopped();

private:
    Clock m_clock;
    QTimer m_timer;
    qint64 m_startedAt = 0;
    double m_end = 0;
    double m_speed = 1.0;
    double m_position = 0;
};
