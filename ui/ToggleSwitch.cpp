#include "ToggleSwitch.h"

#include "ColorContrast.h"

#include <QPainter>
#include <QPainterPath>

ToggleSwitch::ToggleSwitch(QWidget *parent)
    : QCheckBox(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize ToggleSwitch::sizeHint() const
{
    // Follows the font, so it scales with the user's font size as well as the screen scale.
    const int height = fontMetrics().height() + 6;
    return {height * 2 - 2, height};
}

QSize ToggleSwitch::minimumSizeHint() const
{
    return sizeHint();
}

bool ToggleSwitch::hitButton(const QPoint &pos) const
{
    return rect().contains(pos);
}

void ToggleSwitch::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QPalette::ColorGroup group = isEnabled() ? QPalette::Active : QPalette::Disabled;
    const QRectF track = QRectF(rect()).adjusted(2, 2, -2, -2);
    const qreal radius = track.height() / 2;

    QColor trackColor = isChecked() ? palette().color(group, QPalette::Highlight)
                                    : palette().color(group, QPalette::Mid);
    if (!isEnabled())
        trackColor.setAlphaF(0.45);
    painter.setPen(Qt::NoPen);
    painter.setBrush(trackColor);
    painter.drawRoundedRect(track, radius, radius);

    const qreal knobMargin = 2.5;
    const qreal knobSize = track.height() - 2 * knobMargin;
    const qreal knobX =
        isChecked() ? track.right() - knobMargin - knobSize : track.left() + knobMargin;
    // The knob stands out from its track: of the palette's light and dark candidates, the one
    // with the most contrast (a dark palette's HighlightedText may be black on a blue track).
    QColor knobColor = palette().color(group, QPalette::Base);
    for (QColor candidate :
         {palette().color(group, QPalette::HighlightedText), palette().color(group, QPalette::Base),
          palette().color(group, QPalette::Window), QColor(Qt::white)}) {
        if (ColorContrast::contrastRatio(candidate, trackColor)
            > ColorContrast::contrastRatio(knobColor, trackColor) + 0.5)
            knobColor = candidate;
    }
    painter.setBrush(knobColor);
    painter.setPen(QPen(palette().color(group, QPalette::Dark), 0.5));
    painter.drawEllipse(QRectF(knobX, track.top() + knobMargin, knobSize, knobSize));

    if (hasFocus()) {
        QPen focusPen(palette().color(QPalette::Active, QPalette::Highlight), 1.5);
        painter.setPen(focusPen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75), radius + 1.5,
                                radius + 1.5);
    }
}
