// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

// Watches one widget's paint events: how many there were, and when the last one had finished
// (not begun), on a clock shared with the caller. The widget's own paint handling runs inside
// the probe's filter, so the time it notes is after the widget has drawn everything.
class PaintProbe : public QObject
{
    Q_OBJECT

public:
    PaintProbe(QWidget *watched, const QElapsedTimer *clock, QObject *parent = nullptr);

    int paints() const { return m_paints; }
    // Nanoseconds on the clock when the last paint ended; -1 before the first.
    qint64 lastPaintEnd() const { return m_lastPaintEnd; }
    // This thread's CPU time then, in microseconds (see threadCpuMicros()).
    double lastPaintEndCpu() const { return m_lastPaintEndCpu; }

    // CPU time of this thread, in microseconds: on a machine others keep busy, wall time also
    // counts the waits for a core; this counts only the work.
    static double threadCpuMicros();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_watched;
    const QElapsedTimer *m_clock;
    bool m_inside = false;
    int m_paints = 0;
    qint64 m_lastPaintEnd = -1;
    double m_lastPaintEndCpu = 0;
};
