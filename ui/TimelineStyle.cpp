#include "TimelineStyle.h"

#include "ColorContrast.h"

#include <QPainter>
#include <QPalette>

namespace {

// WCAG 2.x: text 4.5:1, graphical marks 3:1.
constexpr double textContrast = 4.5;
constexpr double markContrast = 3.0;

} // namespace

QList<TimelineStyle::Mark> TimelineStyle::marks()
{
    return {Mark::Rings,   Mark::LockedRings, Mark::Off,    Mark::LockedOff,
            Mark::Warning, Mark::SilentGap,   Mark::Ringing};
}

TimelineStyle::TimelineStyle(const QPalette &palette)
    : m_plot(palette.color(QPalette::Base))
    , m_background(palette.color(QPalette::Window))
{
    m_dark = m_plot.lightness() < 128;
    m_text =
        ColorContrast::readableOn(palette.color(QPalette::WindowText), m_background, textContrast);
    m_grid = palette.color(QPalette::WindowText);
    m_grid.setAlphaF(0.18);
    m_grid = ColorContrast::composited(m_grid, m_plot);
    m_accent = ColorContrast::readableOn(palette.color(QPalette::Highlight), m_plot, markContrast);
    // Locked bars: the same accent in light and dark, told apart by their hatching (a lighter
    // or darker tint meant the opposite on the two).
    m_lockedAccent = m_accent;
    m_warning = ColorContrast::readableOn(
        m_dark ? QColor(0xff, 0xb5, 0x47) : QColor(0xb8, 0x6e, 0x00), m_plot, markContrast);
    m_muted =
        ColorContrast::readableOn(palette.color(QPalette::PlaceholderText), m_plot, markContrast);
}

QColor TimelineStyle::markColor(Mark mark) const
{
    switch (mark) {
    case Mark::Rings:
    case Mark::Ringing:
        return m_accent;
    case Mark::LockedRings:
        return m_lockedAccent;
    case Mark::Off:
    case Mark::LockedOff:
        return m_muted;
    case Mark::Warning:
    case Mark::SilentGap:
        return m_warning;
    }
    return m_accent;
}

QBrush TimelineStyle::barBrush(Mark mark) const
{
    switch (mark) {
    case Mark::Rings:
        return m_accent;
    case Mark::Ringing:
        return m_accent.lighter(m_dark ? 130 : 140); // lit up, set off further by its glow
    case Mark::LockedRings:
        return QBrush(m_lockedAccent, Qt::FDiagPattern);
    case Mark::Off:
        return QBrush(m_muted, Qt::BDiagPattern);
    case Mark::LockedOff:
        return QBrush(m_muted, Qt::DiagCrossPattern);
    case Mark::Warning:
        return Qt::NoBrush;
    case Mark::SilentGap: {
        QColor tint = m_warning;
        tint.setAlphaF(m_dark ? 0.22 : 0.18);
        return tint;
    }
    }
    return {};
}

QPen TimelineStyle::barPen(Mark mark) const
{
    switch (mark) {
    case Mark::Rings:
        return QPen(m_dark ? m_accent.lighter(125) : m_accent.darker(130), 1);
    case Mark::Ringing:
        return QPen(m_dark ? m_accent.lighter(150) : m_accent.darker(140), 1.5);
    case Mark::LockedRings:
        return QPen(m_lockedAccent, 1.5);
    case Mark::Off:
    case Mark::LockedOff:
        return QPen(m_muted, 1.2, Qt::DashLine);
    case Mark::Warning:
        return QPen(m_warning, 2);
    case Mark::SilentGap:
        return QPen(m_warning, 1, Qt::DashLine);
    }
    return {};
}

QString TimelineStyle::label(Mark mark)
{
    switch (mark) {
    case Mark::Rings:
        return tr("Rings");
    case Mark::LockedRings:
        return tr("Rings (locked)");
    case Mark::Off:
        return tr("Off");
    case Mark::LockedOff:
        return tr("Off (locked)");
    case Mark::Warning:
        return tr("Has a warning");
    case Mark::SilentGap:
        return tr("Nothing rings");
    case Mark::Ringing:
        return tr("Ringing now");
    }
    return {};
}

void TimelineStyle::paintSwatch(QPainter *painter, const QRectF &rect, Mark mark) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF bar = rect.adjusted(1, rect.height() * 0.2, -1, -rect.height() * 0.2);
    switch (mark) {
    case Mark::Warning:
        painter->setPen(barPen(Mark::Rings));
        painter->setBrush(barBrush(Mark::Rings));
        painter->drawRect(bar.adjusted(2, 2, -2, -2));
        painter->setPen(barPen(Mark::Warning));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar.adjusted(1, 1, -1, -1));
        break;
    case Mark::SilentGap:
        painter->fillRect(rect, barBrush(mark));
        painter->setPen(barPen(mark));
        painter->drawLine(rect.topLeft(), rect.bottomLeft());
        painter->drawLine(rect.topRight(), rect.bottomRight());
        break;
    case Mark::Ringing: {
        QColor glow = m_accent;
        glow.setAlphaF(0.45);
        painter->setPen(QPen(glow, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar.adjusted(2, 1, -2, -1));
        painter->setPen(barPen(mark));
        painter->setBrush(barBrush(mark));
        painter->drawRect(bar.adjusted(2, 1, -2, -1));
        break;
    }
    default:
        if (mark == Mark::LockedRings || mark == Mark::Off || mark == Mark::LockedOff)
            painter->fillRect(bar, m_plot); // the pattern's gaps show the plot, as in the chart
        painter->setPen(barPen(mark));
        painter->setBrush(barBrush(mark));
        painter->drawRect(bar);
        break;
    }
    painter->restore();
}
