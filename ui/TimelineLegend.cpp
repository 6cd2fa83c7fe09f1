#include "TimelineLegend.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace {

struct Item
{
    TimelineStyle::Mark mark;
    QRectF swatch;
    QPointF textOrigin;
};

// Lays the items out in lines within width; returns the height used.
qreal layOut(qreal width, const QFont &font, QList<Item> *items)
{
    const QFontMetricsF metrics(font);
    const qreal swatchWidth = metrics.height() * 2;
    const qreal gap = metrics.averageCharWidth() * 0.8;
    const qreal itemGap = metrics.averageCharWidth() * 2.5;
    const qreal lineHeight = metrics.height() * 1.4;
    qreal x = 0;
    qreal y = 0;
    for (TimelineStyle::Mark mark : TimelineStyle::marks()) {
        const qreal itemWidth =
            swatchWidth + gap + metrics.horizontalAdvance(TimelineStyle::label(mark));
        if (x > 0 && x + itemWidth > width) {
            x = 0;
            y += lineHeight;
        }
        if (items) {
            const QRectF swatch(x, y + (lineHeight - metrics.height()) / 2, swatchWidth,
                                metrics.height());
            items->append({mark, swatch,
                           QPointF(x + swatchWidth + gap,
                                   y + (lineHeight + metrics.ascent() - metrics.descent()) / 2)});
        }
        x += itemWidth + itemGap;
    }
    return y + lineHeight;
}

} // namespace

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    retranslate();
}

int TimelineLegend::heightFor(int width, const QFont &font)
{
    return int(std::ceil(layOut(width, font, nullptr)));
}

void TimelineLegend::paint(QPainter *painter, const QRectF &rect, const QFont &font,
                           const TimelineStyle &style)
{
    QList<Item> items;
    layOut(rect.width(), font, &items);
    painter->save();
    painter->translate(rect.topLeft());
    painter->setFont(font);
    for (const Item &item : std::as_const(items)) {
        painter->fillRect(item.swatch, style.plotBackground());
        style.paintSwatch(painter, item.swatch, item.mark);
        painter->setPen(style.text());
        painter->drawText(item.textOrigin, TimelineStyle::label(item.mark));
    }
    painter->restore();
}

int TimelineLegend::heightForWidth(int width) const
{
    return heightFor(width, font());
}

QSize TimelineLegend::sizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 90;
    return {width, heightFor(width, font())};
}

QSize TimelineLegend::minimumSizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 20;
    return {width, heightFor(width, font())};
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(&painter, rect(), font(), TimelineStyle(palette()));
}

void TimelineLegend::retranslate()
{
    QStringList names;
    for (TimelineStyle::Mark mark : TimelineStyle::marks())
        names.append(TimelineStyle::label(mark));
    setAccessibleName(tr("Key"));
    // What a screen reader can't see in the swatches.
    setAccessibleDescription(QLocale().createSeparatedList(names));
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateGeometry();
    } else if (event->type() == QEvent::FontChange) {
        updateGeometry();
    }
    QWidget::changeEvent(event);
}
