#include "CallPlayer.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace std::chrono_literals;

CallPlayer::CallPlayer(QObject *parent)
    : QObject(parent)
{
    m_clock = [] {
        static QElapsedTimer monotonic;
        if (!monotonic.isValid())
            monotonic.start();
        return monotonic.elapsed();
    };
    // About 30 frames a second is smooth enough for a line moving a few pixels a second.
    m_timer.setInterval(33ms);
    connect(&m_timer, &QTimer::timeout, this, &CallPlayer::tick);
}

void CallPlayer::start(double endSeconds, double speed)
{
    m_end = endSeconds;
    m_speed = std::max(speed, 0.01);
    m_startedAt = m_clock();
    m_position = 0;
    m_timer.start();
    emit positionChanged(0);
}

void CallPlayer::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit stopped();
}

void CallPlayer::tick()
{
    if (!m_timer.isActive())
        return;
    const double elapsed = double(m_clock() - m_startedAt) / 1000.0 * m_speed;
    m_position = std::min(elapsed, m_end);
    emit positionChanged(m_position);
    if (m_position >= m_end) {
        m_timer.stop();
        emit finished();
    }
}
