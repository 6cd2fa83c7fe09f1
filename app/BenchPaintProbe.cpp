// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

#include <cstdio>

bool BenchPaintProbe::wanted()
{
    return qEnvironmentVariableIntValue("FOLLOWME_BENCH_PAINTED") == 1;
}

BenchPaintProbe::BenchPaintProbe(QWidget *page, std::function<bool()> shows, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_shows(std::move(shows))
{
    m_page->installEventFilter(this);
}

void BenchPaintProbe::dataArrived()
{
    if (!m_done && m_shows())
        m_page->update();
}

bool BenchPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    // Decided before the paint is delivered: the data was there when it was painted.
    if (watched == m_page && event->type() == QEvent::Paint && !m_done && m_shows()) {
        m_done = true;
        // Queued, so the line comes once this paint has been delivered, not before.
        QMetaObject::invokeMethod(
            this,
            [] {
                std::fputs("followme-bench: painted\n", stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}
