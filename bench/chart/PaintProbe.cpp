// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

#include <ctime>

PaintProbe::PaintProbe(QWidget *watched, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_watched(watched)
    , m_clock(clock)
{
    // Installed last, so it is asked first, before the scroll area's own viewport filter.
    watched->installEventFilter(this);
}

bool PaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_watched || event->type() != QEvent::Paint || m_inside)
        return QObject::eventFilter(watched, event);
    // Deliver the paint event now, through the remaining filters and the widget, while the
    // painter's redirection of this paint is still in place; then it is done.
    m_inside = true;
    QCoreApplication::sendEvent(watched, event);
    m_inside = false;
    ++m_paints;
    m_lastPaintEnd = m_clock->nsecsElapsed();
    m_lastPaintEndCpu = threadCpuMicros();
    return true;
}

double PaintProbe::threadCpuMicros()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}
