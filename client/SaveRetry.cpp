#include "SaveRetry.h"

#include <algorithm>

SaveRetry::SaveRetry(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SaveRetry::due);
}

void SaveRetry::setDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
{
    m_first = first;
    m_longest = std::max(first, longest);
    m_next = first;
}

void SaveRetry::failed()
{
    m_timer.start(m_next);
    m_next = std::min(m_next * 2, m_longest);
}

void SaveRetry::succeeded()
{
    m_timer.stop();
    m_next = m_first;
}
