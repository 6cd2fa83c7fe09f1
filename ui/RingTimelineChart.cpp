#include "RingTimelineChart.h"

#include "CallKind.h"
#include "DeviceRuleModel.h"
#include "RingBounds.h"
#include "TimelineAccessible.h"
#include "TimelineStyle.h"

#include <QAccessible>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QEvent>
#include <QFocusEvent>
#include <QHelpEvent>
#include <QHorizontalStackedBarSeries>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Device names on an exported chart: long ones are cut, so the bars keep their room.
constexpr int exportedNameCharacters = 28;

// A chart view that lets the timeline draw its overlays (focus, playhead, warnings) over the
// chart, in scene coordinates; render() draws them too, so grabs and exports show them.
class TimelineView : public QChartView
{
public:
    TimelineView(QChart *chart, std::function<void(QPainter *)> paintUnderlay,
                 std::function<void(QPainter *)> paintOverlay, QWidget *parent)
        : QChartView(chart, parent)
        , m_paintUnderlay(std::move(paintUnderlay))
        , m_paintOverlay(std::move(paintOverlay))
    { }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawBackground(painter, rect);
        painter->save();
        m_paintUnderlay(painter);
        painter->restore();
    }
    void drawForeground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawForeground(painter, rect);
        painter->save();
        m_paintOverlay(painter);
        painter->restore();
    }

private:
    std::function<void(QPainter *)> m_paintUnderlay;
    std::function<void(QPainter *)> m_paintOverlay;
};

} // namespace

RingTimelineChart::RingTimelineChart(QWidget *parent)
    : QWidget(parent)
{
    TimelineAccessible::installFactory(); // a bar per device for screen readers
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    // The key is a TimelineLegend of its own: Qt Charts' legend knows only the bar sets, not the
    // warning, gap and ringing marks drawn over them, and its swatches are tiny.
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));

    m_gap = new QBarSet(QString());
    m_rings = new QBarSet(QString());
    m_lockedRings = new QBarSet(QString());
    m_off = new QBarSet(QString());
    m_lockedOff = new QBarSet(QString());
    m_series = new QHorizontalStackedBarSeries;
    m_series->append({m_gap, m_rings, m_lockedRings, m_off, m_lockedOff});
    m_series->setBarWidth(0.6);
    m_chart->addSeries(m_series);

    m_secondsAxis = new QValueAxis;
    m_secondsAxis->setTickType(QValueAxis::TicksDynamic);
    m_secondsAxis->setTickAnchor(0);
    m_secondsAxis->setMinorTickCount(0);
    m_chart->addAxis(m_secondsAxis, Qt::AlignBottom);
    m_series->attachAxis(m_secondsAxis);
    useDevicesAxis(true);
    // Laid out freely (an export), Qt Charts decides where the plot goes; follow it.
    connect(m_chart, &QChart::plotAreaChanged, this, &RingTimelineChart::updateGeometryFromChart);

    m_view = new TimelineView(
        m_chart, [this](QPainter *painter) { paintUnderlay(painter); },
        [this](QPainter *painter) { paintOverlay(painter); }, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The overlays follow the bars: repaint all of it, not only the items that changed.
    m_view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    // The chart itself takes the focus and the keys; the view only shows it and reports mice.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->viewport()->installEventFilter(this);
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    setMinimumSize(170, 120);
    applyPalette();
    retranslate();
    updateLayoutMode();
    scheduleRebuild();
}

RingTimelineChart::~RingTimelineChart() = default;

void RingTimelineChart::setModel(DeviceRuleModel *model)
{
    finishDrag(false);
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &RingTimelineChart::rowsReplaced);
        connect(model, &QAbstractItemModel::layoutChanged, this, &RingTimelineChart::rowsReplaced);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RingTimelineChart::rowsReplaced);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RingTimelineChart::rowsReplaced);
        connect(model, &QAbstractItemModel::dataChanged, this, &RingTimelineChart::rowsChanged);
    }
    rowsReplaced();
}

void RingTimelineChart::rowsReplaced()
{
    // Rows came or went (a reset, a remote change): keep the focus and a drag on real rows now,
    // even though the bars follow at the flush.
    const int rows = m_model ? m_model->rowCount() : 0;
    if (m_dragRow >= rows)
        finishDrag(false);
    if (m_focusedRow >= rows) {
        m_focusedRow = rows - 1;
        emit focusedRowChanged(m_focusedRow);
    }
    scheduleRebuild();
}

void RingTimelineChart::rowsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                    const QList<int> &roles)
{
    // What the bars and their labels show; "Sending…" and the controlled device are not on the
    // chart, so their changes cost nothing here.
    static const QList<int> drawn = {Qt::DisplayRole,
                                     DeviceRuleModel::LockedRole,
                                     DeviceRuleModel::RuleEnabledRole,
                                     DeviceRuleModel::DelayRole,
                                     DeviceRuleModel::TimeoutRole,
                                     DeviceRuleModel::RingEndRole};
    if (!roles.isEmpty() && std::none_of(roles.cbegin(), roles.cend(), [](int role) {
            return drawn.contains(role);
        }))
        return;
    // The flush is queued first, before Qt Charts queues its scene update for the values below:
    // that update paints the window there and then (QGraphicsView dispatches the pending paint),
    // so the flush's part (the axis, the geometry, the overlay) must be done by then, or the
    // chart paints twice.
    scheduleFlush();
    // The changed rows' values are replaced in place at once: that is cheap, and Qt Charts then
    // hands its items' changes to the scene in this same turn. Replaced from inside the queued
    // flush, that scene update would wait for the next pass, after the window's paint, and
    // paint the chart a second time. What costs more waits for the flush.
    const int rows = m_model ? m_model->rowCount() : 0;
    if (!m_rebuildPending && m_rowLabels.size() == rows) {
        for (int row = std::max(topLeft.row(), 0); row <= bottomRight.row() && row < rows; ++row) {
            if (!updateRow(row)) {
                m_rebuildPending = true; // a label changed: the categories are set again, once
                break;
            }
        }
    }
    updateDescription(); // read from the model: right at once, for screen readers
}

void RingTimelineChart::scheduleRebuild()
{
    m_rebuildPending = true;
    updateDescription();
    scheduleFlush();
}

void RingTimelineChart::scheduleFlush()
{
    // Everything changed in one turn of the event loop is drawn once: the flush is a queued
    // call, which runs before the window's (low priority) paint request.
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &RingTimelineChart::flush, Qt::QueuedConnection);
}

void RingTimelineChart::ensureCurrent() const
{
    // Readers (tests, the accessibility tree, the header, exports) see the bars of the model
    // as it is now, even before the queued flush ran: the flush then has nothing left to do.
    if (m_flushQueued)
        const_cast<RingTimelineChart *>(this)->flush();
}

void RingTimelineChart::flush()
{
    if (!m_flushQueued)
        return;
    m_flushQueued = false;
    const int rows = m_model ? m_model->rowCount() : 0;
    if (m_rebuildPending || m_rowLabels.size() != rows) {
        m_rebuildPending = false;
        rebuild();
    } else {
        finishUpdate();
    }
}

QSize RingTimelineChart::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 40, m_rowPitch > 0 ? height() : 300};
}

void RingTimelineChart::setRowPitch(int pitch)
{
    if (pitch == m_rowPitch)
        return;
    m_rowPitch = std::max(pitch, 0);
    updateLayoutMode();
    scheduleRebuild();
}

void RingTimelineChart::updateLayoutMode()
{
    const bool onPage = m_rowPitch > 0;
    if (onPage == bool(qobject_cast<QBarCategoryAxis *>(m_devicesAxis)))
        useDevicesAxis(!onPage);
    // On the page the list beside the chart names the devices and the axis header labels the
    // seconds; grid lines stay, so a value can be read anywhere down the rows.
    m_devicesAxis->setLabelsVisible(!onPage);
    m_devicesAxis->setLineVisible(!onPage);
    m_devicesAxis->setGridLineVisible(false);
    // Qt Charts lays out every label of an axis, shown or not (the hidden seconds labels were
    // a tenth of a start's instructions): on the page two ticks, as few as it takes. The scale
    // is kept by updateSecondsAxis() all the same.
    if (onPage) {
        m_secondsAxis->setTickType(QValueAxis::TicksFixed);
        m_secondsAxis->setTickCount(2);
    } else {
        m_secondsAxis->setTickType(QValueAxis::TicksDynamic);
        if (m_tickInterval > 0)
            m_secondsAxis->setTickInterval(m_tickInterval);
    }
    // On the page the plot and its grid lines are drawn under the bars from TimelineGeometry
    // (paintUnderlay): with a plot area set from outside, Qt Charts 6.4 still places the grid
    // lines by its own layout, and at larger fonts they drift off the seconds labels.
    m_secondsAxis->setGridLineVisible(!onPage);
    m_chart->setBackgroundVisible(!onPage);
    m_chart->setPlotAreaBackgroundVisible(!onPage);
    m_secondsAxis->setLabelsVisible(!onPage);
    m_secondsAxis->setTitleVisible(!onPage);
    m_secondsAxis->setLineVisible(!onPage);
    m_chart->setMargins(onPage ? QMargins() : QMargins(4, 4, 4, 4));
    if (onPage) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    } else {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumHeight(120);
        setMaximumHeight(QWIDGETSIZE_MAX);
        m_chart->setPlotArea(QRectF()); // back to Qt Charts' own layout
    }
}

void RingTimelineChart::useDevicesAxis(bool named)
{
    // On the page the device rows need no names: a category axis would still lay out and
    // measure a hidden label per device on every change of the categories (4 ms of a 68 ms
    // start with 100 devices). A value axis of one unit per row places the bars alike (row i at
    // i, from -0.5 to count - 0.5) with two hidden labels. (Without any axis Qt Charts 6.4
    // keeps the bars' range of when the series was added: none are drawn.)
    if (m_devicesAxis) {
        m_series->detachAxis(m_devicesAxis);
        m_chart->removeAxis(m_devicesAxis);
        delete m_devicesAxis;
    }
    if (named) {
        m_devicesAxis = new QBarCategoryAxis;
    } else {
        auto *rows = new QValueAxis;
        rows->setTickCount(2);
        m_devicesAxis = rows;
    }
    m_chart->addAxis(m_devicesAxis, Qt::AlignLeft);
    m_series->attachAxis(m_devicesAxis);
    styleAxis(m_devicesAxis);
    m_categories.clear(); // set on the new axis by the next rebuild
}

void RingTimelineChart::updateSecondsAxis()
{
    // The axis follows the plan alone, so the same plan always gets the same axis.
    const TimelineGeometry::Scale scale = TimelineGeometry::Scale::forLastSecond(m_lastSecond);
    // While dragging, the axis may grow but never shrink under the pointer.
    const bool held = m_dragRow >= 0 && scale.maximum <= m_secondsAxis->max();
    if (!held) {
        if (m_secondsAxis->max() != scale.maximum || m_secondsAxis->min() != 0)
            m_secondsAxis->setRange(0, scale.maximum);
        m_tickInterval = scale.tickInterval;
        if (m_rowPitch == 0 && m_secondsAxis->tickInterval() != scale.tickInterval)
            m_secondsAxis->setTickInterval(scale.tickInterval);
    }
    // Rows, the ending or the height may have changed even when the axis didn't.
    updateGeometryFromChart();
}

void RingTimelineChart::updateGeometryFromChart()
{
    const TimelineGeometry::Scale scale {int(std::lround(m_secondsAxis->max())), m_tickInterval};
    const int deviceRows = m_model ? m_model->rowCount() : 0;
    QRectF plot;
    if (m_rowPitch > 0) {
        // Room left and right for half a seconds label, so "0 s" and the last one fit above.
        const qreal left = fontMetrics().horizontalAdvance(u"0 s"_s) / 2.0 + 2;
        const qreal right = fontMetrics().horizontalAdvance(u"000 s"_s) / 2.0 + 2;
        plot = QRectF(left, 0, std::max(1.0, width() - left - right),
                      qreal(m_rowPitch) * std::max(categoryCount(), 1));
        if (m_chart->plotArea() != plot)
            m_chart->setPlotArea(plot);
    } else {
        plot = m_chart->mapToScene(m_chart->plotArea()).boundingRect();
    }
    const TimelineGeometry geometry(plot, scale, deviceRows, !m_ending.isEmpty() && deviceRows > 0,
                                    m_series->barWidth());
    if (geometry == m_geometry)
        return;
    m_geometry = geometry;
    updateOverlay();
    emit geometryChanged();
}

void RingTimelineChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateGeometryFromChart();
}

void RingTimelineChart::setCaption(const QString &caption)
{
    m_caption = caption;
    scheduleRebuild();
}

int RingTimelineChart::categoryCount() const
{
    return int(m_categories.size());
}

int RingTimelineChart::rowForCategory(int category) const
{
    // Categories run bottom-up; rows top-down, so the first device is drawn at the top (and
    // the ending's own row, when there is one, is category 0 at the bottom).
    return categoryCount() - 1 - category;
}

RingTimelineChart::RowValues RingTimelineChart::rowValues(int row) const
{
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    const bool locked = index.data(DeviceRuleModel::LockedRole).toBool();
    const bool enabled = index.data(DeviceRuleModel::RuleEnabledRole).toBool();
    const int delay = index.data(DeviceRuleModel::DelayRole).toInt();
    const int timeout = index.data(DeviceRuleModel::TimeoutRole).toInt();
    RowValues values;
    values.end = delay + timeout;
    values.bySet = {qreal(delay), enabled && !locked ? timeout : 0.0,
                    enabled && locked ? timeout : 0.0, !enabled && !locked ? timeout : 0.0,
                    !enabled && locked ? timeout : 0.0};
    return values;
}

QString RingTimelineChart::axisLabel(int row, const QFontMetrics &metrics) const
{
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    QString label = metrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                       metrics.averageCharWidth() * exportedNameCharacters);
    if (index.data(DeviceRuleModel::LockedRole).toBool())
        label = tr("%1 (locked)", "device name on the timeline axis").arg(label);
    // A text mark, not an emoji: not every font on every platform has a warning sign.
    if (m_rowWarnings.contains(row))
        label = tr("%1 (!)", "device name on the timeline axis: it has a warning").arg(label);
    return label;
}

QList<QBarSet *> RingTimelineChart::barSets() const
{
    return {m_gap, m_rings, m_lockedRings, m_off, m_lockedOff};
}

void RingTimelineChart::rebuild()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    const bool endingRow = !m_ending.isEmpty() && rows > 0;
    const QList<QBarSet *> sets = barSets();
    QList<QList<qreal>> values(sets.size());
    QStringList labels;
    if (endingRow) {
        for (QList<qreal> &set : values)
            set.append(0);
        // Not empty: Qt Charts merges equal categories. A space draws nothing.
        labels.append(u" "_s);
    }
    m_rowLabels = QStringList(rows);
    m_rowEnds = QList<int>(rows);
    const QFontMetrics metrics(font());
    // On the page the list beside the chart names the devices and the axis draws no labels:
    // each row's category is then a short key of its own, so no name is elided and measured
    // for it, and a rename or a lock leaves the categories alone.
    const bool keysOnly = m_rowPitch > 0;
    for (int row = rows - 1; row >= 0; --row) {
        const RowValues rowData = rowValues(row);
        m_rowEnds[row] = rowData.end;
        for (int set = 0; set < sets.size(); ++set)
            values[set].append(rowData.bySet.at(set));
        QString label = keysOnly ? QString::number(row) : axisLabel(row, metrics);
        m_rowLabels[row] = label;
        // Equal names would merge into one category: keep each row its own.
        while (!keysOnly && labels.contains(label))
            label += u'\u200b';
        labels.append(label);
    }

    for (int set = 0; set < sets.size(); ++set) {
        QBarSet *barSet = sets.at(set);
        const QList<qreal> &setValues = values.at(set);
        if (barSet->count() == setValues.size()) {
            for (int i = 0; i < setValues.size(); ++i) {
                if (barSet->at(i) != setValues.at(i))
                    barSet->replace(i, setValues.at(i));
            }
            continue;
        }
        if (barSet->count() > 0)
            barSet->remove(0, barSet->count());
        barSet->append(setValues);
    }
    // Only when the names change: Qt Charts measures every label again on each call.
    if (labels != m_categories) {
        m_categories = labels;
        if (auto *names = qobject_cast<QBarCategoryAxis *>(m_devicesAxis))
            names->setCategories(labels);
        else
            static_cast<QValueAxis *>(m_devicesAxis)
                ->setRange(-0.5, qreal(std::max<qsizetype>(labels.size(), 1)) - 0.5);
    }
    finishUpdate();
}

bool RingTimelineChart::updateRow(int row)
{
    // One row's bar, in place: only the values that changed are replaced. A label that changed
    // (a rename, a lock) needs the categories set again: the caller rebuilds.
    if (m_rowPitch <= 0 && axisLabel(row, QFontMetrics(font())) != m_rowLabels.at(row))
        return false;
    const RowValues values = rowValues(row);
    m_rowEnds[row] = values.end;
    const int category = rowForCategory(row);
    const QList<QBarSet *> sets = barSets();
    for (int set = 0; set < sets.size(); ++set) {
        if (sets.at(set)->at(category) != values.bySet.at(set))
            sets.at(set)->replace(category, values.bySet.at(set));
    }
    return true;
}

void RingTimelineChart::finishUpdate()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    if (m_rowPitch > 0)
        setFixedHeight(m_rowPitch * std::max(categoryCount(), 1));

    m_lastSecond =
        m_rowEnds.isEmpty() ? 0 : *std::max_element(m_rowEnds.cbegin(), m_rowEnds.cend());
    updateSecondsAxis();

    const QString title = m_rowPitch > 0 ? QString()
        : rows == 0                      ? tr("No devices to show")
                                         : m_caption;
    // Only when it changed: setting a title lays the whole chart out again, every axis label
    // measured anew.
    if (m_chart->title() != title)
        m_chart->setTitle(title);

    if (m_dragRow >= rows)
        finishDrag(false);
    if (m_focusedRow >= rows) {
        m_focusedRow = rows - 1;
        emit focusedRowChanged(m_focusedRow);
    }
    updateDescription();
    updateOverlay();
}

int RingTimelineChart::barCount() const
{
    ensureCurrent();
    return m_model ? std::min(m_model->rowCount(), categoryCount()) : 0;
}

RingTimelineChart::Bar RingTimelineChart::bar(int row) const
{
    ensureCurrent();
    const int category = rowForCategory(row);
    Bar result;
    if (row < 0 || row >= barCount())
        return result;
    // The name as the axis shows it off the page; on the page the axis holds only keys.
    result.label = axisLabel(row, QFontMetrics(font()));
    result.start = m_gap->at(category);
    const std::pair<QBarSet *, BarStyle> styled[] = {{m_rings, BarStyle::Rings},
                                                     {m_lockedRings, BarStyle::LockedRings},
                                                     {m_off, BarStyle::Off},
                                                     {m_lockedOff, BarStyle::LockedOff}};
    for (const auto &[set, style] : styled) {
        if (set->at(category) > 0) {
            result.end = result.start + set->at(category);
            result.style = style;
        }
    }
    return result;
}

QList<TimelineGeometry::Span> RingTimelineChart::spans() const
{
    QList<TimelineGeometry::Span> result;
    for (int row = 0; row < barCount(); ++row) {
        const Bar drawn = bar(row);
        result.append({drawn.start, drawn.end});
    }
    return result;
}

QPoint RingTimelineChart::barCenter(int row) const
{
    const Bar drawn = bar(row);
    return pointAt(row, (drawn.start + drawn.end) / 2);
}

TimelineGeometry RingTimelineChart::geometry() const
{
    ensureCurrent();
    return m_geometry;
}

QPoint RingTimelineChart::pointAt(int row, double second) const
{
    ensureCurrent();
    return widgetPoint(QPointF(sceneX(second), m_geometry.rowBand(row).center().y()));
}

QRect RingTimelineChart::barRect(int row) const
{
    const QRectF inScene = barSceneRect(row);
    return QRect(widgetPoint(inScene.topLeft()), widgetPoint(inScene.bottomRight()));
}

QPoint RingTimelineChart::widgetPoint(const QPointF &scenePoint) const
{
    return m_view->viewport()->mapTo(this, m_view->mapFromScene(scenePoint));
}

QRectF RingTimelineChart::barSceneRect(int row) const
{
    if (row < 0 || row >= barCount())
        return {};
    const Bar drawn = bar(row);
    return m_geometry.barRect(row, drawn.start, drawn.end);
}

QRectF RingTimelineChart::plotSceneRect() const
{
    return m_geometry.plot();
}

qreal RingTimelineChart::sceneX(double second) const
{
    return m_geometry.xAt(second);
}

qreal RingTimelineChart::axisMaximum() const
{
    ensureCurrent();
    return m_secondsAxis->max();
}

QString RingTimelineChart::deviceName(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    return m_model->index(row, DeviceRuleModel::DeviceColumn).data(Qt::DisplayRole).toString();
}

QString RingTimelineChart::toolTipForRow(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    // As text, for one multi-argument arg(): a "%2" in a device name stays as it is.
    const QString start = QString::number(index.data(DeviceRuleModel::DelayRole).toInt());
    const QString end = QString::number(index.data(DeviceRuleModel::RingEndRole).toInt());
    QString text = index.data(DeviceRuleModel::RuleEnabledRole).toBool()
        ? tr("%1 rings from %2 s to %3 s").arg(name, start, end)
        : tr("%1 is switched off (set to ring from %2 s to %3 s)").arg(name, start, end);
    if (index.data(DeviceRuleModel::LockedRole).toBool())
        text += u'\n' + tr("Managed by your administrator");
    if (const auto warning = m_rowWarnings.constFind(row); warning != m_rowWarnings.cend())
        text += u'\n' + warning.value();
    return text;
}

QString RingTimelineChart::summary() const
{
    // The plan's sentence comes from PlanSummary, through setDecorations(): one wording
    // everywhere.
    const QString plan = !m_plan.isEmpty()       ? m_plan
        : (!m_model || m_model->rowCount() == 0) ? tr("No devices")
                                                 : QString();
    const QString focused = focusedBarText();
    if (focused.isEmpty())
        return plan;
    return plan.isEmpty() ? focused
                          : tr("%1. %2", "the focused bar, then the plan").arg(focused, plan);
}

void RingTimelineChart::applyPalette()
{
    const QPalette pal = palette();
    m_style = TimelineStyle(pal);
    const TimelineStyle &style = m_style;
    m_chart->setTheme(style.isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets colours and fonts; take them from the palette and the widget instead.
    m_chart->setFont(font());
    m_chart->setBackgroundBrush(pal.color(QPalette::Window));
    m_chart->setPlotAreaBackgroundBrush(style.plotBackground());
    m_chart->setPlotAreaBackgroundVisible(m_rowPitch == 0);
    m_chart->setBackgroundVisible(m_rowPitch == 0);
    m_chart->setTitleBrush(style.text());
    QFont titleFont = font();
    titleFont.setBold(true);
    if (titleFont.pixelSize() > 0) // an export sets its font in pixels
        titleFont.setPixelSize(int(std::lround(titleFont.pixelSize() * 1.2)));
    else
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_chart->setTitleFont(titleFont);
    styleAxis(m_devicesAxis);
    styleAxis(m_secondsAxis);

    m_gap->setColor(Qt::transparent);
    m_gap->setBorderColor(Qt::transparent);
    const std::pair<QBarSet *, TimelineStyle::Mark> sets[] = {
        {m_rings, TimelineStyle::Mark::Rings},
        {m_lockedRings, TimelineStyle::Mark::LockedRings},
        {m_off, TimelineStyle::Mark::Off},
        {m_lockedOff, TimelineStyle::Mark::LockedOff}};
    for (const auto &[set, mark] : sets) {
        set->setBrush(style.barBrush(mark));
        set->setPen(style.barPen(mark));
    }
}

void RingTimelineChart::styleAxis(QAbstractAxis *axis) const
{
    axis->setLabelsColor(m_style.text());
    axis->setLabelsFont(font());
    axis->setTitleBrush(m_style.text());
    axis->setTitleFont(font());
    axis->setGridLineColor(m_style.gridLine());
    axis->setLinePenColor(m_style.gridLine());
}

void RingTimelineChart::retranslate()
{
    m_rings->setLabel(TimelineStyle::label(TimelineStyle::Mark::Rings));
    m_lockedRings->setLabel(TimelineStyle::label(TimelineStyle::Mark::LockedRings));
    m_off->setLabel(TimelineStyle::label(TimelineStyle::Mark::Off));
    m_lockedOff->setLabel(TimelineStyle::label(TimelineStyle::Mark::LockedOff));
    m_gap->setLabel(u"gap"_s); // never shown
    m_secondsAxis->setLabelFormat(
        tr("%d s", "seconds axis label: keep %d, ASCII only (Qt Charts formats it with printf)"));
    m_secondsAxis->setTitleText(tr("Seconds after the call arrives"));
    setAccessibleName(tr("Ring timeline"));
    scheduleRebuild();
}

void RingTimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        scheduleRebuild();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void RingTimelineChart::layOutAt(const QSize &size)
{
    flush();
    // Qt Charts lays out its items only for a shown view. A chart that is not on screen (an
    // export) is "shown" without ever reaching the screen.
    if (!isVisible() && isWindow()) {
        setAttribute(Qt::WA_DontShowOnScreen);
        show();
    }
    resize(size);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void RingTimelineChart::render(QPainter *painter, const QRectF &target)
{
    layOutAt(target.size().toSize());
    m_view->render(painter, target);
}

QImage RingTimelineChart::toImage(const QSize &size, qreal devicePixelRatio)
{
    layOutAt(size);
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_view->render(&painter);
    return image;
}

bool RingTimelineChart::writeSvg(QIODevice *device, const QSize &size)
{
    layOutAt(size);
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setTitle(tr("Ring timeline"));
    generator.setDescription(summary());
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    m_view->render(&painter);
    return painter.end();
}

// --- Focus and keyboard -------------------------------------------------------------------------

void RingTimelineChart::setFocusedRow(int row)
{
    const int clamped = barCount() == 0 ? -1 : std::clamp(row, -1, barCount() - 1);
    if (clamped == m_focusedRow)
        return;
    m_focusedRow = clamped;
    updateDescription();
    updateOverlay();
    if (hasFocus() && m_focusedRow >= 0 && QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(m_focusedRow);
        QAccessible::updateAccessibility(&event);
    }
    emit focusedRowChanged(m_focusedRow);
}

QString RingTimelineChart::focusedBarText() const
{
    if (!m_model || m_focusedRow < 0 || m_focusedRow >= m_model->rowCount())
        return {};
    const QModelIndex index = m_model->index(m_focusedRow, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    // As text, for one multi-argument arg(): a "%2" in a device name stays as it is.
    const QString start = QString::number(index.data(DeviceRuleModel::DelayRole).toInt());
    const QString end = QString::number(index.data(DeviceRuleModel::RingEndRole).toInt());
    QString text = index.data(DeviceRuleModel::RuleEnabledRole).toBool()
        ? tr("%1, rings from %2 s to %3 s", "the focused bar").arg(name, start, end)
        : tr("%1, switched off (set to ring from %2 s to %3 s)", "the focused bar")
              .arg(name, start, end);
    if (index.data(DeviceRuleModel::LockedRole).toBool())
        text = tr("%1, managed by your administrator", "the focused bar").arg(text);
    if (const auto warning = m_rowWarnings.constFind(m_focusedRow); warning != m_rowWarnings.cend())
        text = tr("%1, warning: %2", "the focused bar").arg(text, warning.value());
    return text;
}

void RingTimelineChart::updateDescription()
{
    setAccessibleDescription(summary());
}

void RingTimelineChart::focusInEvent(QFocusEvent *event)
{
    if (m_focusedRow < 0 && barCount() > 0)
        setFocusedRow(0);
    updateOverlay();
    QWidget::focusInEvent(event);
}

void RingTimelineChart::focusOutEvent(QFocusEvent *event)
{
    finishDrag(false);
    updateOverlay();
    QWidget::focusOutEvent(event);
}

void RingTimelineChart::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int step = modifiers & Qt::ShiftModifier ? 5 : 1;
    // Ctrl is the usual "other axis" modifier; Alt is there for desktops that take Ctrl+arrows
    // (workspace switching).
    const bool timeout = modifiers & (Qt::ControlModifier | Qt::AltModifier);
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_dragRow < 0)
            break;
        finishDrag(true);
        event->accept();
        return;
    case Qt::Key_Up:
        if (m_focusedRow < 0 && barCount() > 0)
            setFocusedRow(0);
        else if (m_focusedRow > 0)
            setFocusedRow(m_focusedRow - 1);
        event->accept();
        return;
    case Qt::Key_Down:
        if (m_focusedRow + 1 < barCount())
            setFocusedRow(m_focusedRow + 1);
        event->accept();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int sign = event->key() == Qt::Key_Left ? -1 : 1;
        if (timeout)
            editByKey(0, sign * step);
        else
            editByKey(sign * step, 0);
        event->accept();
        return;
    }
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void RingTimelineChart::editByKey(int delayStep, int timeoutStep)
{
    if (m_dragRow >= 0 || !isEditable(m_focusedRow))
        return;
    RingRule rule = m_model->rule(m_focusedRow);
    rule.delay = std::clamp(rule.delay + delayStep, RingBounds::minDelay, RingBounds::maxDelay);
    rule.timeout =
        std::clamp(rule.timeout + timeoutStep, RingBounds::minTimeout, RingBounds::maxTimeout);
    // One key press is one edit step.
    applyRule(m_focusedRow, rule);
    finishEdit();
}

// --- Editing ------------------------------------------------------------------------------------

bool RingTimelineChart::isEditable(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    return !index.data(DeviceRuleModel::LockedRole).toBool()
        && index.data(DeviceRuleModel::RuleEnabledRole).toBool();
}

void RingTimelineChart::applyRule(int row, RingRule rule)
{
    if (!m_model || rule == m_model->rule(row))
        return;
    if (m_editRow != row) {
        finishEdit();
        m_editRow = row;
        emit editStarted(row);
    }
    // The model says why when the document refuses (editRefused); nothing more to do here.
    m_model->setRule(row, rule);
}

void RingTimelineChart::finishEdit()
{
    if (m_editRow < 0)
        return;
    const int row = m_editRow;
    m_editRow = -1;
    emit editFinished(row);
}

int RingTimelineChart::gripWidth() const
{
    // Wide enough to hit with a mouse, growing with the font (and so with high-DPI setups that
    // scale fonts rather than pixels).
    return std::max(6, int(std::lround(fontMetrics().height() * 0.4)));
}

RingTimelineChart::Hit RingTimelineChart::hitAt(const QPoint &viewportPos) const
{
    return m_geometry.hitTest(m_view->mapToScene(viewportPos), spans(), gripWidth());
}

void RingTimelineChart::updateHoverCursor(const QPoint &viewportPos)
{
    QWidget *viewport = m_view->viewport();
    const Hit hit = hitAt(viewportPos);
    if (hit.row < 0)
        viewport->unsetCursor();
    else if (!isEditable(hit.row))
        viewport->setCursor(Qt::ForbiddenCursor);
    else if (hit.part == Part::Body)
        viewport->setCursor(Qt::OpenHandCursor);
    else
        viewport->setCursor(Qt::SizeHorCursor);
}

void RingTimelineChart::startDrag(const Hit &hit, const QPoint &viewportPos)
{
    m_dragRow = hit.row;
    m_dragPart = hit.part;
    m_dragOriginal = m_model->rule(hit.row);
    m_dragDeviceId = m_model->index(hit.row, DeviceRuleModel::DeviceColumn)
                         .data(DeviceRuleModel::DeviceIdRole)
                         .toString();
    m_dragPressX = viewportPos.x();
    m_dragSecondsPerPixel = m_geometry.secondsPerPixel();
    m_view->viewport()->setCursor(hit.part == Part::Body ? Qt::ClosedHandCursor
                                                         : Qt::SizeHorCursor);
}

void RingTimelineChart::dragTo(int viewportX)
{
    if (m_dragRow < 0)
        return;
    if (!m_model) {
        finishDrag(false);
        return;
    }
    const QString deviceId = m_model->index(m_dragRow, DeviceRuleModel::DeviceColumn)
                                 .data(DeviceRuleModel::DeviceIdRole)
                                 .toString();
    if (!isEditable(m_dragRow) || deviceId != m_dragDeviceId) {
        // Locked, switched off or replaced meanwhile (a remote change): stop where it is.
        finishDrag(false);
        return;
    }
    // Whole seconds: the original rule is whole, so is the rounded distance.
    const int delta = int(std::lround((viewportX - m_dragPressX) * m_dragSecondsPerPixel));
    RingRule rule = m_dragOriginal;
    const int end = m_dragOriginal.delay + m_dragOriginal.timeout;
    switch (m_dragPart) {
    case Part::Body:
        rule.delay =
            std::clamp(m_dragOriginal.delay + delta, RingBounds::minDelay, RingBounds::maxDelay);
        break;
    case Part::Start:
        // The end stays put: the delay may go no further than one second before it, and not so
        // far back that the timeout would exceed its maximum.
        rule.delay = std::clamp(m_dragOriginal.delay + delta,
                                std::max(RingBounds::minDelay, end - RingBounds::maxTimeout),
                                std::min(RingBounds::maxDelay, end - RingBounds::minTimeout));
        rule.timeout = end - rule.delay;
        break;
    case Part::End:
        rule.timeout = std::clamp(m_dragOriginal.timeout + delta, RingBounds::minTimeout,
                                  RingBounds::maxTimeout);
        break;
    case Part::None:
        return;
    }
    applyRule(m_dragRow, rule);
}

void RingTimelineChart::finishDrag(bool cancel)
{
    if (m_dragRow < 0)
        return;
    const int row = m_dragRow;
    if (cancel && isEditable(row))
        applyRule(row, m_dragOriginal);
    m_dragRow = -1;
    m_dragPart = Part::None;
    finishEdit();
    m_view->viewport()->unsetCursor();
    // The axis was held while dragging; fit it to the result now.
    updateSecondsAxis();
}

bool RingTimelineChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: { // a quick second press is a double click: drag it too
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || m_dragRow >= 0)
            break;
        const Hit hit = hitAt(mouse->position().toPoint());
        if (hit.row < 0)
            break;
        setFocus(Qt::MouseFocusReason);
        setFocusedRow(hit.row);
        if (!isEditable(hit.row))
            break;
        startDrag(hit, mouse->position().toPoint());
        return true;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_dragRow >= 0) {
            dragTo(mouse->position().toPoint().x());
            return true;
        }
        updateHoverCursor(mouse->position().toPoint());
        break; // hovering still reaches the chart (its tooltips)
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || m_dragRow < 0)
            break;
        dragTo(mouse->position().toPoint().x());
        finishDrag(false);
        updateHoverCursor(mouse->position().toPoint());
        return true;
    }
    case QEvent::ToolTip:
        if (handleToolTip(static_cast<QHelpEvent *>(event)))
            return true;
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

bool RingTimelineChart::handleToolTip(QHelpEvent *event)
{
    // The scene would show only item tooltips (none) and hide ours; answer for bars and markers.
    const Hit hit = hitAt(event->pos());
    if (hit.row >= 0) {
        const QRect rect = m_view->mapFromScene(barSceneRect(hit.row)).boundingRect();
        QToolTip::showText(event->globalPos(), toolTipForRow(hit.row), m_view->viewport(), rect);
        return true;
    }
    const QRectF plot = plotSceneRect();
    const QPointF scenePos = m_view->mapToScene(event->pos());
    if (!plot.contains(scenePos))
        return false;
    QStringList texts;
    QRectF shaded;
    for (const Marker &marker : std::as_const(m_gapMarkers)) {
        const qreal left = std::max(plot.left(), sceneX(marker.from));
        const qreal right = std::min(plot.right(), sceneX(marker.to));
        if (scenePos.x() >= left && scenePos.x() <= right && !marker.text.isEmpty()) {
            texts.append(marker.text);
            shaded |= QRectF(QPointF(left, plot.top()), QPointF(right, plot.bottom()));
        }
    }
    if (texts.isEmpty())
        return false;
    QToolTip::showText(event->globalPos(), texts.join(u'\n'), m_view->viewport(),
                       m_view->mapFromScene(shaded).boundingRect());
    return true;
}

// --- Overlays -----------------------------------------------------------------------------------

void RingTimelineChart::setPlayhead(std::optional<double> second)
{
    if (second == m_playhead)
        return;
    m_playhead = second;
    updateOverlay();
}

void RingTimelineChart::setRingingRows(const QSet<int> &rows)
{
    if (rows == m_ringingRows)
        return;
    m_ringingRows = rows;
    updateOverlay();
}

void RingTimelineChart::setGapMarkers(const QList<Marker> &markers)
{
    m_gapMarkers = markers;
    updateOverlay();
}

void RingTimelineChart::setRowWarnings(const QHash<int, QString> &warnings)
{
    if (warnings == m_rowWarnings)
        return;
    m_rowWarnings = warnings;
    scheduleRebuild(); // the axis labels carry the mark
}

void RingTimelineChart::setDecorations(const TimelineDecorations &decorations)
{
    m_gapMarkers = decorations.gaps;
    m_plan = decorations.summary;
    if (decorations.rowWarnings != m_rowWarnings || decorations.ending != m_ending) {
        m_rowWarnings = decorations.rowWarnings;
        m_ending = decorations.ending;
        scheduleRebuild();
    } else {
        updateDescription();
        updateOverlay();
    }
}

void RingTimelineChart::setEnding(const QString &label)
{
    if (label == m_ending)
        return;
    m_ending = label;
    scheduleRebuild(); // the ending has a row of its own
}

void RingTimelineChart::updateOverlay()
{
    m_view->viewport()->update();
}

int RingTimelineChart::endingRow() const
{
    return m_geometry.hasEndingRow() ? m_geometry.deviceRows() : -1;
}

void RingTimelineChart::paintUnderlay(QPainter *painter)
{
    if (m_rowPitch <= 0 || !m_geometry.isValid())
        return;
    const TimelineStyle &style = m_style;
    painter->fillRect(m_view->viewport()->rect(), palette().color(QPalette::Window));
    const QRectF plot = plotSceneRect();
    painter->fillRect(plot, style.plotBackground());
    painter->setPen(QPen(style.gridLine(), 1));
    for (int second : m_geometry.scale().ticks()) {
        const qreal x = std::round(sceneX(second)) + 0.5;
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
}

void RingTimelineChart::paintOverlay(QPainter *painter)
{
    if (barCount() == 0 || !m_geometry.isValid())
        return;
    const TimelineStyle &style = m_style;
    const QRectF plot = plotSceneRect();
    painter->setRenderHint(QPainter::Antialiasing);

    // Warning ranges: a light tint over the plot's height, edged so that narrow ones show.
    for (const Marker &marker : std::as_const(m_gapMarkers)) {
        const qreal left = std::max(plot.left(), sceneX(marker.from));
        const qreal right = std::min(plot.right(), sceneX(marker.to));
        if (right <= left)
            continue;
        painter->fillRect(QRectF(QPointF(left, plot.top()), QPointF(right, plot.bottom())),
                          style.barBrush(TimelineStyle::Mark::SilentGap));
        painter->setPen(style.barPen(TimelineStyle::Mark::SilentGap));
        painter->drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom()));
        painter->drawLine(QPointF(right, plot.top()), QPointF(right, plot.bottom()));
    }

    // Rows with a warning: an amber outline around the bar.
    for (auto it = m_rowWarnings.cbegin(); it != m_rowWarnings.cend(); ++it) {
        const QRectF rect = barSceneRect(it.key());
        if (rect.isEmpty())
            continue;
        painter->setPen(style.barPen(TimelineStyle::Mark::Warning));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(-1, -1, 1, 1));
    }

    // Ringing rows light up: a soft glow around a brighter bar.
    const QColor accent = style.accent();
    for (int row : std::as_const(m_ringingRows)) {
        const QRectF rect = barSceneRect(row);
        if (rect.isEmpty())
            continue;
        QColor glow = accent;
        glow.setAlphaF(0.45);
        painter->setPen(QPen(glow, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(-2, -2, 2, 2));
        painter->setPen(style.barPen(TimelineStyle::Mark::Ringing));
        painter->setBrush(style.barBrush(TimelineStyle::Mark::Ringing));
        painter->drawRect(rect);
    }

    // The focused bar: its row lightly tinted across the plot (visible even for a short bar or
    // next to a glowing one) and an outline in the highlight colour, set off by a gap.
    if (hasFocus() && m_focusedRow >= 0) {
        const QRectF rect = barSceneRect(m_focusedRow);
        const qreal gap = std::max(4.0, gripWidth() * 0.6);
        const QRectF ring = rect.adjusted(-gap, -gap, gap, gap);
        QPainterPath band;
        band.addRect(m_geometry.rowBand(m_focusedRow));
        QPainterPath hole;
        hole.addRect(ring);
        QColor tint = accent;
        tint.setAlphaF(style.isDark() ? 0.18 : 0.12);
        painter->fillPath(band.subtracted(hole), tint);
        painter->setPen(QPen(accent, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(ring, 2, 2);
    }

    paintEnding(painter);
    paintDragValue(painter);

    // The playhead, over everything: a line across the plot with a small head on top.
    if (m_playhead) {
        const qreal x = sceneX(*m_playhead);
        if (x >= plot.left() - 0.5 && x <= plot.right() + 0.5) {
            const QColor ink = style.text();
            painter->setPen(QPen(ink, 2));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            const qreal head = gripWidth() * 0.8;
            QPainterPath triangle;
            triangle.moveTo(x - head, plot.top());
            triangle.lineTo(x + head, plot.top());
            triangle.lineTo(x, plot.top() + head);
            triangle.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawPath(triangle);
        }
    }
}

void RingTimelineChart::paintEnding(QPainter *painter)
{
    // What the caller meets after the last bar, in a row of its own: it starts where the last
    // bar ends, and slides left (never onto a bar: the row has none) when it would not fit.
    const int row = endingRow();
    if (row < 0)
        return;
    const QRectF band = m_geometry.rowBand(row);
    const TimelineStyle &style = m_style;
    const QFontMetricsF metrics(font());
    qreal end = 0;
    for (int device = 0; device < barCount(); ++device) {
        const Bar drawn = bar(device);
        if (drawn.style == BarStyle::Rings || drawn.style == BarStyle::LockedRings)
            end = std::max(end, drawn.end);
    }
    const QString text = metrics.elidedText(m_ending, Qt::ElideRight, band.width());
    const qreal width = metrics.horizontalAdvance(text);
    const qreal x = std::clamp(sceneX(end) + gripWidth() / 2.0, band.left(), band.right() - width);
    const qreal baseline = band.center().y() + (metrics.ascent() - metrics.descent()) / 2;
    // A dotted line down to the ending's row marks where it begins; the label sits under it.
    painter->setPen(QPen(style.text(), 1, Qt::DotLine));
    painter->drawLine(QPointF(sceneX(end), plot().top()), QPointF(sceneX(end), band.top()));
    painter->setFont(font());
    painter->setPen(style.text());
    painter->drawText(QPointF(x, baseline), text);
}

void RingTimelineChart::paintDragValue(QPainter *painter)
{
    // While dragging, the value being set, right above the bar: no need to read it off the axis.
    if (m_dragRow < 0 || m_dragRow >= barCount())
        return;
    const Bar drawn = bar(m_dragRow);
    const QRectF rect = barSceneRect(m_dragRow);
    const QString text =
        tr("%1–%2 s", "the ring window being dragged, in seconds")
            .arg(QString::number(int(drawn.start)), QString::number(int(drawn.end)));
    const QFontMetricsF metrics(font());
    const QSizeF size(metrics.horizontalAdvance(text) + 8, metrics.height() + 4);
    const QRectF plotRect = plotSceneRect();
    const qreal x = std::clamp(rect.center().x() - size.width() / 2, plotRect.left(),
                               plotRect.right() - size.width());
    qreal y = rect.top() - size.height() - 2;
    if (y < plotRect.top())
        y = rect.bottom() + 2;
    const QRectF box(QPointF(x, y), size);
    const QPalette pal = palette();
    painter->setPen(QPen(pal.color(QPalette::ToolTipText), 1));
    painter->setBrush(pal.color(QPalette::ToolTipBase));
    painter->drawRoundedRect(box, 3, 3);
    painter->setFont(font());
    painter->drawText(box, Qt::AlignCenter, text);
}
