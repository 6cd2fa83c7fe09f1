#pragma once

#include <QAccessibleWidget>
#include <QHash>

class RingTimelineChart;

// What a screen reader finds in the ring timeline: the chart itself (its name and the plan in
// one sentence) and one child per bar with the device's name and when it rings ("rings from
// 5 s to 25 s", locked or not), so the bars can be walked one by one like list items.
class TimelineAccessible : public QAccessibleWidget
{
public:
    explicit TimelineAccessible(RingTimelineChart *chart);
    ~TimelineAccessible() override;

    // Registered once, from the chart: Qt asks it for every RingTimelineChart.
    static void installFactory();

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *focusChild() const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    RingTimelineChart *chart() const;

    mutable QHash<int, QAccessible::Id> m_bars; // row → the bar's registered interface
};
