#pragma once

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPen>

class QPainter;
class QPalette;

// How each mark of the ring timeline looks, from a palette: the chart, its legend, its axis
// header and the exporter draw with the same colours, and every mark keeps 3:1 contrast against
// the plot's background and text 4.5:1 (WCAG AA), light or dark.
class TimelineStyle
{
    Q_DECLARE_TR_FUNCTIONS(TimelineStyle)

public:
    enum class Mark { Rings, LockedRings, Off, LockedOff, Warning, SilentGap, Ringing };
    static QList<Mark> marks();

    explicit TimelineStyle(const QPalette &palette);

    QColor plotBackground() const { return m_plot; }
    QColor background() const { return m_background; }
    QColor text() const { return m_text; }
    QColor gridLine() const { return m_grid; }
    QColor accent() const { return m_accent; }
    QColor warning() const { return m_warning; }
    QColor muted() const { return m_muted; }
    bool isDark() const { return m_dark; }

    QBrush barBrush(Mark mark) const;
    QPen barPen(Mark mark) const;
    // The colour a mark is seen by against the plot: what the contrast rule is about.
    QColor markColor(Mark mark) const;

    // The legend's words for a mark, and its sample, drawn into rect.
    static QString label(Mark mark);
    void paintSwatch(QPainter *painter, const QRectF &rect, Mark mark) const;

private:
    QColor m_plot;
    QColor m_background;
    QColor m_text;
    QColor m_grid;
    QColor m_accent;
    QColor m_lockedAccent;
    QColor m_warning;
    QColor m_muted;
    bool m_dark = false;
};
