// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QList>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QBarSet;
class QWidget;
QT_END_NAMESPACE

// The floor of a chart update: a bare QChartView of the timeline's shape (a horizontal stacked
// bar series, one category per device, a transparent gap set and four style sets, labels and
// legend off as on the page), where an edit replaces one value of one set in place.
class FloorChart
{
public:
    FloorChart(int categories, int sets);
    ~FloorChart();

    // Deleted with the floor unless a scroll area took it (and deletes it itself).
    QChartView *view() const { return m_view; }
    QWidget *viewport() const;
    // One value of the gap set, as a delay spinner changes one device's start.
    void setStart(int category, int seconds);
    int start(int category) const;

private:
    QPointer<QChartView> m_view;
    QList<QBarSet *> m_sets;
};
