#include "PlanHeader.h"

#include "DeviceRulesView.h"
#include "RingTimelineChart.h"
#include "TimelineAxisHeader.h"

#include <QEvent>
#include <QLabel>

PlanHeader::PlanHeader(DeviceRulesView *rules, RingTimelineChart *timeline, QWidget *parent)
    : QWidget(parent)
    , m_rules(rules)
    , m_timeline(timeline)
    , m_device(new QLabel(this))
    , m_delay(new QLabel(this))
    , m_timeout(new QLabel(this))
    , m_axis(new TimelineAxisHeader(this))
{
    for (QLabel *heading : {m_device, m_delay, m_timeout}) {
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
    }
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // Any move or resize of the columns (a new font, a wider window, a scroll sideways).
    for (QWidget *watched : {static_cast<QWidget *>(rules), static_cast<QWidget *>(timeline)})
        watched->installEventFilter(this);
    connect(timeline, &RingTimelineChart::geometryChanged, this, &PlanHeader::align);
    retranslate();
}

QSize PlanHeader::sizeHint() const
{
    const int height = std::max({m_device->sizeHint().height(), m_axis->sizeHint().height()});
    return {0, height};
}

QSize PlanHeader::minimumSizeHint() const
{
    return sizeHint();
}

QRect PlanHeader::inHere(const QWidget *widget, const QRect &rect) const
{
    return QRect(mapFromGlobal(widget->mapToGlobal(rect.topLeft())), rect.size());
}

void PlanHeader::align()
{
    if (!m_rules || !m_timeline)
        return;
    const int h = height();
    auto place = [this, h](QLabel *label, const QRect &column, Qt::Alignment alignment) {
        label->setVisible(!column.isEmpty());
        if (column.isEmpty())
            return;
        const QRect rect = inHere(m_rules, column);
        label->setAlignment(alignment | Qt::AlignBottom);
        // A heading wider than its column (German, a big font) grows leftwards over the name
        // column's free space rather than into the next heading.
        const int width = std::max(rect.width(), label->sizeHint().width());
        const int x = alignment & Qt::AlignRight ? rect.right() + 1 - width : rect.left();
        label->setGeometry(x, 0, width, h);
    };
    place(m_device, m_rules->headingRect(DeviceRulesView::Heading::Device), Qt::AlignLeft);
    place(m_delay, m_rules->headingRect(DeviceRulesView::Heading::Delay), Qt::AlignRight);
    place(m_timeout, m_rules->headingRect(DeviceRulesView::Heading::Timeout), Qt::AlignRight);
    const QRect chart = inHere(m_timeline, m_timeline->rect());
    m_axis->setGeometry(chart.left(), 0, chart.width(), h);
    // Not geometry(): that would draw the chart's pending changes in the middle of a layout
    // pass; geometryChanged brings them here when they are drawn.
    m_axis->setTimeline(m_timeline->shownGeometry());
}

bool PlanHeader::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::LayoutRequest:
    case QEvent::Show:
        align();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void PlanHeader::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    align();
}

void PlanHeader::retranslate()
{
    m_device->setText(tr("Device"));
    m_delay->setText(tr("Delay"));
    m_timeout->setText(tr("Timeout"));
    fitColumns();
}

void PlanHeader::fitColumns()
{
    if (m_rules)
        // The Timeout column is at least as wide as its heading, with a little air before the
        // seconds labels; a wider Delay heading grows leftwards, over the names' free space.
        m_rules->setTimeoutHeadingWidth(m_timeout->sizeHint().width()
                                        + fontMetrics().averageCharWidth());
    align();
}

void PlanHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::FontChange) {
        updateGeometry();
        fitColumns();
    }
    QWidget::changeEvent(event);
}
