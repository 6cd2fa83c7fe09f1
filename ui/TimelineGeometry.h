#pragma once

#include <QList>
#include <QRectF>

// Where the ring timeline draws things: the one mapping from seconds to pixels and from device
// rows to bands, and the hit-testing on it. The chart view, the drag and keyboard gestures, the
// overlays, the axis header and the exporter all use the same value, so a bar is where the
// pointer finds it and an export is laid out as the screen is.
//
// Rows run top-down: device rows 0..deviceRows-1, then, when there is an ending (what the caller
// meets after the last bar), one more row of its own for its label.
class TimelineGeometry
{
public:
    // The seconds axis: from 0 to maximum in steps of tickInterval. It depends on the plan
    // alone (the last second anything rings), never on the widget's size or on how the page was
    // opened, so the same plan always gets the same axis.
    struct Scale
    {
        int maximum = 30;
        int tickInterval = 5;

        static Scale forLastSecond(int lastSecond);
        QList<int> ticks() const;
        friend bool operator==(const Scale &, const Scale &) = default;
    };

    enum class Part { None, Body, Start, End };
    struct Hit
    {
        int row = -1;
        Part part = Part::None;
    };
    // A bar's seconds, for hit-testing.
    struct Span
    {
        double start = 0;
        double end = 0;
    };

    TimelineGeometry() = default;
    TimelineGeometry(const QRectF &plot, const Scale &scale, int deviceRows, bool endingRow,
                     qreal barFraction = 0.6);

    QRectF plot() const { return m_plot; }
    Scale scale() const { return m_scale; }
    int deviceRows() const { return m_deviceRows; }
    bool hasEndingRow() const { return m_endingRow; }
    int rowCount() const { return m_deviceRows + (m_endingRow ? 1 : 0); }
    bool isValid() const { return m_plot.width() > 0 && m_plot.height() > 0 && rowCount() > 0; }

    qreal xAt(double second) const;
    double secondAt(qreal x) const;
    double secondsPerPixel() const;

    // The whole band of a row (row == deviceRows() is the ending row), and a bar within it.
    QRectF rowBand(int row) const;
    QRectF barRect(int row, double start, double end) const;
    // The row whose band holds y; -1 outside.
    int rowAt(qreal y) const;

    // Which bar (and which part of it: an end to resize, the body to move) is at a point.
    // grip is how far from an end still counts as grabbing that end.
    Hit hitTest(const QPointF &point, const QList<Span> &bars, qreal grip) const;

    friend bool operator==(const TimelineGeometry &, const TimelineGeometry &) = default;

private:
    QRectF m_plot;
    Scale m_scale;
    int m_deviceRows = 0;
    bool m_endingRow = false;
    qreal m_barFraction = 0.6;
};
