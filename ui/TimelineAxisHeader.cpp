#include "TimelineAxisHeader.h"

#include "TimelineStyle.h"

#include <QEvent>
#include <QPainter>

#include <cmath>

TimelineAxisHeader::TimelineAxisHeader(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void TimelineAxisHeader::setTimeline(const TimelineGeometry &geometry)
{
    if (geometry == m_geometry)
        return;
    m_geometry = geometry;
    update();
}

QString TimelineAxisHeader::labelFor(int second)
{
    return tr("%1 s", "a seconds label above the timeline").arg(second);
}

QList<int> TimelineAxisHeader::labelledSeconds() const
{
    const QList<int> ticks = m_geometry.scale().ticks();
    if (ticks.size() < 2)
        return ticks;
    // Every n-th tick, the smallest n whose labels keep a gap between them; the grid lines
    // stay on every tick, so values still read off to 5 s.
    const qreal pitch = m_geometry.xAt(ticks.at(1)) - m_geometry.xAt(ticks.at(0));
    const qreal label = fontMetrics().horizontalAdvance(labelFor(ticks.constLast()));
    // Label every tick, or every 2nd, 3rd, …: steps that keep round numbers (10, 15, 20, 30 s).
    auto labelled = [&ticks, pitch](qreal needed) {
        int every = 1;
        for (int candidate : {1, 2, 3, 4, 6, 12, 24}) {
            every = candidate;
            if (pitch * candidate >= needed)
                break;
        }
        QList<int> result;
        for (int i = 0; i < ticks.size(); i += every)
            result.append(ticks.at(i));
        return result;
    };
    // A comfortable gap between labels; a narrow one where that would leave fewer than three.
    QList<int> result = labelled(label + fontMetrics().averageCharWidth() * 2);
    if (result.size() < 3)
        result = labelled(label + fontMetrics().averageCharWidth() / 2);
    return result;
}

QSize TimelineAxisHeader::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, fontMetrics().height() + 6};
}

QSize TimelineAxisHeader::minimumSizeHint() const
{
    return {0, fontMetrics().height() + 6};
}

void TimelineAxisHeader::paintEvent(QPaintEvent *)
{
    if (!m_geometry.isValid())
        return;
    QPainter painter(this);
    const TimelineStyle style(palette());
    painter.setPen(style.text());
    const QFontMetrics metrics = fontMetrics();
    for (int second : labelledSeconds()) {
        const QString text = labelFor(second);
        const int width = metrics.horizontalAdvance(text);
        const int x = std::clamp(int(std::lround(m_geometry.xAt(second))) - width / 2, 0,
                                 std::max(0, this->width() - width));
        // On the headings' baseline (they are bottom-aligned labels of the same height).
        painter.drawText(QRect(x, 0, width, height()), Qt::AlignBottom | Qt::AlignLeft, text);
    }
}

void TimelineAxisHeader::retranslate()
{
    setAccessibleName(tr("Seconds after the call arrives"));
    update();
}

void TimelineAxisHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}
