#include "TimelineAccessible.h"

#include "RingTimelineChart.h"

#include <QPointer>
#include <QWindow>

namespace {

// One bar of the timeline, as a screen reader sees it. It holds the chart weakly: a bar of a
// chart that is gone (or a row that is gone) reports itself invalid.
class BarAccessible : public QAccessibleInterface
{
public:
    BarAccessible(RingTimelineChart *chart, int row)
        : m_chart(chart)
        , m_row(row)
    { }

    bool isValid() const override { return m_chart && m_row < m_chart->barCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override
    {
        return m_chart ? m_chart->window()->windowHandle() : nullptr;
    }
    QAccessibleInterface *parent() const override
    {
        return m_chart ? QAccessible::queryAccessibleInterface(m_chart) : nullptr;
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name:
            return m_chart->deviceName(m_row);
        case QAccessible::Description:
            return m_chart->toolTipForRow(m_row).split(u'\n').join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override { }
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect bar = m_chart->barRect(m_row);
        return QRect(m_chart->mapToGlobal(bar.topLeft()), bar.size());
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State state;
        if (!isValid())
            return state;
        state.focusable = true;
        state.focused = m_chart->hasFocus() && m_chart->focusedRow() == m_row;
        state.readOnly = !m_chart->isRowEditable(m_row);
        return state;
    }

private:
    QPointer<RingTimelineChart> m_chart;
    int m_row;
};

QAccessibleInterface *timelineFactory(const QString &className, QObject *object)
{
    if (className == u"RingTimelineChart" && object && object->isWidgetType())
        return new TimelineAccessible(static_cast<RingTimelineChart *>(object));
    return nullptr;
}

} // namespace

TimelineAccessible::TimelineAccessible(RingTimelineChart *chart)
    : QAccessibleWidget(chart, QAccessible::List)
{ }

TimelineAccessible::~TimelineAccessible()
{
    for (QAccessible::Id id : std::as_const(m_bars))
        QAccessible::deleteAccessibleInterface(id);
}

void TimelineAccessible::installFactory()
{
    static const bool installed = [] {
        QAccessible::installFactory(timelineFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

RingTimelineChart *TimelineAccessible::chart() const
{
    return static_cast<RingTimelineChart *>(widget());
}

int TimelineAccessible::childCount() const
{
    return chart()->barCount();
}

QAccessibleInterface *TimelineAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    if (const auto id = m_bars.constFind(index); id != m_bars.cend())
        return QAccessible::accessibleInterface(*id);
    auto *bar = new BarAccessible(chart(), index);
    m_bars.insert(index, QAccessible::registerAccessibleInterface(bar));
    return bar;
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    for (auto it = m_bars.cbegin(); it != m_bars.cend(); ++it) {
        if (QAccessible::accessibleInterface(it.value()) == child)
            return it.key() < childCount() ? it.key() : -1;
    }
    return -1;
}

QAccessibleInterface *TimelineAccessible::focusChild() const
{
    if (!chart()->hasFocus() || chart()->focusedRow() < 0)
        return nullptr;
    return child(chart()->focusedRow());
}

QAccessibleInterface *TimelineAccessible::childAt(int x, int y) const
{
    const QPoint local = chart()->mapFromGlobal(QPoint(x, y));
    for (int row = 0; row < childCount(); ++row) {
        if (chart()->barRect(row).contains(local))
            return child(row);
    }
    return nullptr;
}
