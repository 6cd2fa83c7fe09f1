#pragma once

#include "TimelineGeometry.h"

#include <QWidget>

// The seconds labels above the ring timeline ("0 s", "10 s", …), drawn from the chart's own
// TimelineGeometry so each label stands over its grid line. It lives outside the scrolling
// rows, so it stays in view with 50 devices as with one.
class TimelineAxisHeader : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineAxisHeader(QWidget *parent = nullptr);

    // The chart's geometry, in this header's x coordinates (the header spans the chart).
    void setTimeline(const TimelineGeometry &geometry);
    TimelineGeometry timeline() const { return m_geometry; }
    // The seconds that get a label (every tick if they fit, else every second or third one).
    QList<int> labelledSeconds() const;
    static QString labelFor(int second);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    TimelineGeometry m_geometry;
};
