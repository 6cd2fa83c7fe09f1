#pragma once

#include <QPointer>
#include <QWidget>

class DeviceRulesView;
class QLabel;
class RingTimelineChart;
class TimelineAxisHeader;

// The headings over the plan: "Device", "Delay", "Timeout" over the list's columns and the
// seconds over the timeline. It sits above the area where rows scroll, and follows the columns
// wherever the layout puts them.
class PlanHeader : public QWidget
{
    Q_OBJECT

public:
    PlanHeader(DeviceRulesView *rules, RingTimelineChart *timeline, QWidget *parent = nullptr);

    QLabel *deviceHeading() const { return m_device; }
    QLabel *delayHeading() const { return m_delay; }
    QLabel *timeoutHeading() const { return m_timeout; }
    TimelineAxisHeader *axisHeader() const { return m_axis; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Puts every heading over its column again (call after the columns moved).
    void align();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void fitColumns();
    QRect inHere(const QWidget *widget, const QRect &rect) const;

    QPointer<DeviceRulesView> m_rules;
    QPointer<RingTimelineChart> m_timeline;
    QLabel *m_device;
    QLabel *m_delay;
    QLabel *m_timeout;
    TimelineAxisHeader *m_axis;
};
