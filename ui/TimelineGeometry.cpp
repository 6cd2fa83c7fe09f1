#include "TimelineGeometry.h"

#include <algorithm>
#include <cmath>

TimelineGeometry::Scale TimelineGeometry::Scale::forLastSecond(int lastSecond)
{
    // At least half a minute; a step that gives 6 to 12 ticks, 5 or 10 s for ordinary plans so
    // a value can be read off to the second between grid lines; and a little room after the
    // last bar so it never touches the frame.
    const int needed = std::max(lastSecond + 1, 30);
    int interval = 5;
    for (int candidate : {5, 10, 15, 30, 60, 120}) {
        interval = candidate;
        if ((needed + candidate - 1) / candidate <= 12)
            break;
    }
    return {(needed + interval - 1) / interval * interval, interval};
}

QList<int> TimelineGeometry::Scale::ticks() const
{
    QList<int> result;
    for (int second = 0; second <= maximum; second += tickInterval)
        result.append(second);
    return result;
}

TimelineGeometry::TimelineGeometry(const QRectF &plot, const Scale &scale, int deviceRows,
                                   bool endingRow, qreal barFraction)
    : m_plot(plot)
    , m_scale(scale)
    , m_deviceRows(std::max(deviceRows, 0))
    , m_endingRow(endingRow)
    , m_barFraction(barFraction)
{ }

qreal TimelineGeometry::xAt(double second) const
{
    if (m_scale.maximum <= 0)
        return m_plot.left();
    return m_plot.left() + second / m_scale.maximum * m_plot.width();
}

double TimelineGeometry::secondAt(qreal x) const
{
    if (m_plot.width() <= 0)
        return 0;
    return (x - m_plot.left()) / m_plot.width() * m_scale.maximum;
}

double TimelineGeometry::secondsPerPixel() const
{
    return m_plot.width() > 0 ? m_scale.maximum / m_plot.width() : 0;
}

QRectF TimelineGeometry::rowBand(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const qreal height = m_plot.height() / rowCount();
    return {m_plot.left(), m_plot.top() + row * height, m_plot.width(), height};
}

QRectF TimelineGeometry::barRect(int row, double start, double end) const
{
    const QRectF band = rowBand(row);
    if (band.isNull())
        return {};
    const qreal thickness = band.height() * m_barFraction;
    const qreal left = xAt(std::min(start, end));
    const qreal right = xAt(std::max(start, end));
    return {left, band.center().y() - thickness / 2, right - left, thickness};
}

int TimelineGeometry::rowAt(qreal y) const
{
    if (!isValid() || y < m_plot.top() || y >= m_plot.bottom())
        return -1;
    return std::clamp(int((y - m_plot.top()) / (m_plot.height() / rowCount())), 0, rowCount() - 1);
}

TimelineGeometry::Hit TimelineGeometry::hitTest(const QPointF &point, const QList<Span> &bars,
                                                qreal grip) const
{
    const int row = rowAt(point.y());
    if (row < 0 || row >= m_deviceRows || row >= bars.size())
        return {};
    const QRectF rect = barRect(row, bars.at(row).start, bars.at(row).end);
    // The bar's band, a little taller than the bar, counts: a thin bar is still easy to grab.
    if (point.y() < rect.top() - grip / 2 || point.y() > rect.bottom() + grip / 2)
        return {};
    // A short bar keeps a middle third to move it by.
    const qreal reach = std::min(grip, rect.width() / 3);
    const qreal x = point.x();
    if (x < rect.left() - reach || x > rect.right() + reach)
        return {};
    if (x <= rect.left() + reach)
        return {row, Part::Start};
    if (x >= rect.right() - reach)
        return {row, Part::End};
    return {row, Part::Body};
}
