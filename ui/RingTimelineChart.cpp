#include "RingTimelineChart.h"

#include "CallKind.h"
#include "DeviceRuleModel.h"
#include "RingBounds.h"

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
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// The seconds axis always shows at least half a minute, ends on a tick, and leaves room after
// the last bar so it never runs into the frame.
constexpr int minimumAxisSeconds = 30;

struct AxisScale
{
    int maximum;
    int tickInterval;
};

AxisScale axisScaleFor(int lastSecond, int maximumTicks)
{
    const int needed = std::max(lastSecond + 1, minimumAxisSeconds);
    for (int interval : {5, 10, 15, 30, 60, 120, 300}) {
        const int maximum = (needed + interval - 1) / interval * interval;
        if (maximum / interval <= maximumTicks)
            return {maximum, interval};
    }
    return {(needed + 599) / 600 * 600, 600};
}

// A chart view that lets the timeline draw its overlays (focus, playhead, warnings) over the
// chart, in scene coordinates; render() draws them too, so grabs and exports show them.
class TimelineView : public QChartView
{
public:
    TimelineView(QChart *chart, std::function<void(QPainter *)> paintOverlay, QWidget *parent)
        : QChartView(chart, parent)
        , m_paintOverlay(std::move(paintOverlay))
    { }

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawForeground(painter, rect);
        painter->save();
        m_paintOverlay(painter);
        painter->restore();
    }

private:
    std::function<void(QPainter *)> m_paintOverlay;
};

// Warnings in amber: readable on light and dark plot backgrounds alike.
QColor warningColor(bool dark)
{
    return dark ? QColor(0xff, 0xb5, 0x47) : QColor(0xb8, 0x6e, 0x00);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

RingTimelineChart::RingTimelineChart(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
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
    // The legend is a fixed key of the four bar styles. (Hiding markers as they come and go is
    // not laid out again by Qt Charts 6.4: a shown-again marker lands on top of another.)
    m_chart->legend()->markers(m_series).constFirst()->setVisible(false); // the gap

    m_devicesAxis = new QBarCategoryAxis;
    m_secondsAxis = new QValueAxis;
    m_secondsAxis->setTickType(QValueAxis::TicksDynamic);
    m_secondsAxis->setTickAnchor(0);
    m_secondsAxis->setMinorTickCount(0);
    m_chart->addAxis(m_devicesAxis, Qt::AlignLeft);
    m_chart->addAxis(m_secondsAxis, Qt::AlignBottom);
    m_series->attachAxis(m_devicesAxis);
    m_series->attachAxis(m_secondsAxis);

    for (QBarSet *set : {m_rings, m_lockedRings, m_off, m_lockedOff}) {
        connect(set, &QBarSet::hovered, this,
                [this](bool hovering, int category) { showToolTip(hovering, category); });
    }

    m_view = new TimelineView(
        m_chart, [this](QPainter *painter) { paintOverlay(painter); }, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    // The overlays follow the bars: repaint all of it, not only the items that changed.
    m_view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    // The chart itself takes the focus and the keys; the view only shows it and reports mice.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->viewport()->installEventFilter(this);
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    setMinimumSize(280, 200);
    applyPalette();
    retranslate();
    rebuild();
}

RingTimelineChart::~RingTimelineChart() = default;

void RingTimelineChart::setModel(DeviceRuleModel *model)
{
    finishDrag(false);
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &RingTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::layoutChanged, this, &RingTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RingTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RingTimelineChart::rebuild);
        connect(model, &QAbstractItemModel::dataChanged, this, &RingTimelineChart::rebuild);
    }
    rebuild();
}

void RingTimelineChart::updateSecondsAxis()
{
    // As many ticks as there is room for labels like "300 s" with a gap between them.
    const int labelWidth = fontMetrics().horizontalAdvance(u"300 s"_s) * 2;
    const int plotWidth = int(m_chart->plotArea().width());
    const int maximumTicks = plotWidth > 0 ? std::clamp(plotWidth / labelWidth, 2, 10) : 8;
    int lastSecond = m_lastSecond;
    if (!m_ending.isEmpty() && plotWidth > 0) {
        // Leave room after the last bar for the ending's label, when the plot is wide enough,
        // but never at the price of a much coarser axis: at most a quarter more seconds (a
        // label that still doesn't fit runs into the chart's margin instead).
        const int labelPixels = fontMetrics().horizontalAdvance(m_ending) + gripWidth() * 2;
        if (plotWidth > labelPixels * 2)
            lastSecond = std::min(
                int(std::ceil(qreal(m_lastSecond) * plotWidth / (plotWidth - labelPixels))),
                m_lastSecond + (m_lastSecond + 3) / 4);
    }
    const AxisScale scale = axisScaleFor(lastSecond, maximumTicks);
    // While dragging, the axis may grow but never shrink under the pointer.
    if (m_dragRow >= 0 && scale.maximum <= m_secondsAxis->max())
        return;
    m_secondsAxis->setRange(0, scale.maximum);
    m_secondsAxis->setTickInterval(scale.tickInterval);
}

void RingTimelineChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateSecondsAxis();
}

void RingTimelineChart::setCaption(const QString &caption)
{
    m_caption = caption;
    rebuild();
}

int RingTimelineChart::rowForCategory(int category) const
{
    // Categories run bottom-up; rows top-down, so the first device is drawn at the top.
    return barCount() - 1 - category;
}

void RingTimelineChart::rebuild()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    QList<qreal> gap, rings, lockedRings, off, lockedOff;
    QStringList labels;
    int lastSecond = 0;
    for (int row = rows - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
        const bool locked = index.data(DeviceRuleModel::LockedRole).toBool();
        const bool enabled = index.data(DeviceRuleModel::RuleEnabledRole).toBool();
        const int delay = index.data(DeviceRuleModel::DelayRole).toInt();
        const int timeout = index.data(DeviceRuleModel::TimeoutRole).toInt();
        lastSecond = std::max(lastSecond, delay + timeout);

        gap.append(delay);
        rings.append(enabled && !locked ? timeout : 0);
        lockedRings.append(enabled && locked ? timeout : 0);
        off.append(!enabled && !locked ? timeout : 0);
        lockedOff.append(!enabled && locked ? timeout : 0);
        QString label = index.data(Qt::DisplayRole).toString();
        if (locked)
            label = tr("%1 (locked)", "device name on the timeline axis").arg(label);
        // A text mark, not an emoji: not every font on every platform has a warning sign.
        if (m_rowWarnings.contains(row))
            label = tr("%1 (!)", "device name on the timeline axis: it has a warning").arg(label);
        labels.append(label);
    }

    auto fill = [](QBarSet *set, const QList<qreal> &values) {
        if (set->count() > 0)
            set->remove(0, set->count());
        set->append(values);
    };
    fill(m_gap, gap);
    fill(m_rings, rings);
    fill(m_lockedRings, lockedRings);
    fill(m_off, off);
    fill(m_lockedOff, lockedOff);
    m_devicesAxis->setCategories(labels);

    m_lastSecond = lastSecond;
    updateSecondsAxis();

    m_chart->setTitle(rows == 0 ? tr("No devices to show") : m_caption);

    // Rows came or went (a reset, a remote change): keep the focus and a drag on real rows.
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
    return int(m_devicesAxis->count());
}

RingTimelineChart::Bar RingTimelineChart::bar(int row) const
{
    const int category = rowForCategory(row);
    Bar result;
    result.label = m_devicesAxis->at(category);
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

QPoint RingTimelineChart::barCenter(int row) const
{
    const Bar drawn = bar(row);
    return pointAt(row, (drawn.start + drawn.end) / 2);
}

QPoint RingTimelineChart::pointAt(int row, double second) const
{
    const QPointF inChart = m_chart->mapToPosition(QPointF(second, rowForCategory(row)), m_series);
    return widgetPoint(m_chart->mapToScene(inChart));
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
    const int category = rowForCategory(row);
    const qreal half = m_series->barWidth() / 2;
    const QPointF topLeft = m_chart->mapToPosition(QPointF(drawn.start, category + half), m_series);
    const QPointF bottomRight =
        m_chart->mapToPosition(QPointF(drawn.end, category - half), m_series);
    return m_chart->mapToScene(QRectF(topLeft, bottomRight).normalized()).boundingRect();
}

QRectF RingTimelineChart::plotSceneRect() const
{
    return m_chart->mapToScene(m_chart->plotArea()).boundingRect();
}

qreal RingTimelineChart::sceneX(double second) const
{
    return m_chart->mapToScene(m_chart->mapToPosition(QPointF(second, 0), m_series)).x();
}

qreal RingTimelineChart::axisMaximum() const
{
    return m_secondsAxis->max();
}

QString RingTimelineChart::toolTipForRow(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    const int start = index.data(DeviceRuleModel::DelayRole).toInt();
    const int end = index.data(DeviceRuleModel::RingEndRole).toInt();
    QString text = index.data(DeviceRuleModel::RuleEnabledRole).toBool()
        ? tr("%1 rings from %2 s to %3 s").arg(name).arg(start).arg(end)
        : tr("%1 is switched off (set to ring from %2 s to %3 s)").arg(name).arg(start).arg(end);
    if (index.data(DeviceRuleModel::LockedRole).toBool())
        text += u'\n' + tr("Managed by your administrator");
    if (const auto warning = m_rowWarnings.constFind(row); warning != m_rowWarnings.cend())
        text += u'\n' + warning.value();
    return text;
}

void RingTimelineChart::setSummary(const QString &plan)
{
    if (plan == m_plan)
        return;
    m_plan = plan;
    updateDescription();
}

QString RingTimelineChart::summary() const
{
    if (!m_model || m_model->rowCount() == 0)
        return m_plan.isEmpty() ? tr("No devices") : m_plan;
    const QString focused = focusedBarText();
    if (!m_plan.isEmpty())
        return focused.isEmpty()
            ? m_plan
            : tr("%1. %2", "the focused bar, then the plan").arg(focused, m_plan);
    QStringList parts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
        const QString name = index.data(Qt::DisplayRole).toString();
        parts.append(index.data(DeviceRuleModel::RuleEnabledRole).toBool()
                         ? tr("%1 %2–%3 s")
                               .arg(name)
                               .arg(index.data(DeviceRuleModel::DelayRole).toInt())
                               .arg(index.data(DeviceRuleModel::RingEndRole).toInt())
                         : tr("%1 off").arg(name));
    }
    const QString plan = tr("%1: %2", "calls title: list of devices")
                             .arg(CallKinds::callsTitle(m_model->callKind()),
                                  parts.join(tr("; ", "separator between devices in a summary")));
    return focused.isEmpty() ? plan
                             : tr("%1. %2", "the focused bar, then the plan").arg(focused, plan);
}

void RingTimelineChart::showToolTip(bool hovering, int category)
{
    if (hovering)
        QToolTip::showText(QCursor::pos(), toolTipForRow(rowForCategory(category)), this);
    else
        QToolTip::hideText();
}

void RingTimelineChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets colours and fonts; take them from the palette and the widget instead.
    m_chart->setFont(font());
    m_chart->setBackgroundBrush(pal.color(QPalette::Window));
    m_chart->setPlotAreaBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(true);
    m_chart->setTitleBrush(pal.color(QPalette::WindowText));
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_chart->setTitleFont(titleFont);
    m_chart->legend()->setLabelColor(pal.color(QPalette::WindowText));
    m_chart->legend()->setFont(font());
    for (auto *axis : {static_cast<QAbstractAxis *>(m_devicesAxis),
                       static_cast<QAbstractAxis *>(m_secondsAxis)}) {
        axis->setLabelsColor(pal.color(QPalette::WindowText));
        axis->setLabelsFont(font());
        axis->setTitleBrush(pal.color(QPalette::WindowText));
        QColor grid = pal.color(QPalette::WindowText);
        grid.setAlphaF(0.15);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }

    const QColor accent = pal.color(QPalette::Highlight);
    const QColor muted = pal.color(QPalette::PlaceholderText);

    m_gap->setColor(Qt::transparent);
    m_gap->setBorderColor(Qt::transparent);

    m_rings->setColor(accent);
    m_rings->setBorderColor(accent.darker(130));

    QColor lockedFill = accent;
    lockedFill.setAlphaF(0.45);
    m_lockedRings->setBrush(QBrush(lockedFill));
    m_lockedRings->setPen(QPen(accent, 1.5, Qt::SolidLine));

    // Off: hatched outline, clearly not a ring window but still showing what is set.
    for (QBarSet *set : {m_off, m_lockedOff}) {
        set->setBrush(QBrush(muted, set == m_off ? Qt::BDiagPattern : Qt::DiagCrossPattern));
        set->setPen(QPen(muted, 1.2, Qt::DashLine));
    }
}

void RingTimelineChart::retranslate()
{
    m_rings->setLabel(tr("Rings"));
    m_lockedRings->setLabel(tr("Rings (locked)"));
    m_off->setLabel(tr("Off"));
    m_lockedOff->setLabel(tr("Off (locked)"));
    m_gap->setLabel(u"gap"_s); // never shown: its legend marker stays hidden
    m_secondsAxis->setLabelFormat(
        tr("%d s", "seconds axis label: keep %d, ASCII only (Qt Charts formats it with printf)"));
    m_secondsAxis->setTitleText(tr("Seconds after the call arrives"));
    setAccessibleName(tr("Ring timeline"));
    rebuild();
}

void RingTimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        rebuild();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void RingTimelineChart::layOutAt(const QSize &size)
{
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
    emit focusedRowChanged(m_focusedRow);
}

QString RingTimelineChart::focusedBarText() const
{
    if (!m_model || m_focusedRow < 0 || m_focusedRow >= m_model->rowCount())
        return {};
    const QModelIndex index = m_model->index(m_focusedRow, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    const int start = index.data(DeviceRuleModel::DelayRole).toInt();
    const int end = index.data(DeviceRuleModel::RingEndRole).toInt();
    QString text = index.data(DeviceRuleModel::RuleEnabledRole).toBool()
        ? tr("%1, rings from %2 s to %3 s", "the focused bar").arg(name).arg(start).arg(end)
        : tr("%1, switched off (set to ring from %2 s to %3 s)", "the focused bar")
              .arg(name)
              .arg(start)
              .arg(end);
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
    const QPointF scenePos = m_view->mapToScene(viewportPos);
    for (int row = 0; row < barCount(); ++row) {
        const QRectF rect = barSceneRect(row);
        if (scenePos.y() < rect.top() || scenePos.y() > rect.bottom())
            continue;
        // A short bar keeps a middle third to move it by.
        const qreal grip = std::min(qreal(gripWidth()), rect.width() / 3);
        const qreal x = scenePos.x();
        if (x < rect.left() - grip || x > rect.right() + grip)
            return {};
        if (x <= rect.left() + grip)
            return {row, Part::Start};
        if (x >= rect.right() - grip)
            return {row, Part::End};
        return {row, Part::Body};
    }
    return {};
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
    auto secondAt = [this](int x) {
        const QPointF inChart = m_chart->mapFromScene(m_view->mapToScene(QPoint(x, 0)));
        return m_chart->mapToValue(inChart, m_series).x();
    };
    constexpr int span = 100;
    m_dragSecondsPerPixel = (secondAt(m_dragPressX + span) - secondAt(m_dragPressX)) / span;
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
    rebuild(); // the axis labels carry the mark
}

void RingTimelineChart::setEnding(const QString &label)
{
    if (label == m_ending)
        return;
    m_ending = label;
    updateSecondsAxis();
    updateOverlay();
}

void RingTimelineChart::updateOverlay()
{
    m_view->viewport()->update();
}

int RingTimelineChart::endingRow() const
{
    // The bar that rings last (the lowest of equals, where the eye ends); when none rings, the
    // one set to end last.
    int best = -1;
    bool bestRings = false;
    for (int row = 0; row < barCount(); ++row) {
        const Bar drawn = bar(row);
        const bool rings = drawn.style == BarStyle::Rings || drawn.style == BarStyle::LockedRings;
        if (best < 0 || (rings && !bestRings)
            || (rings == bestRings && drawn.end >= bar(best).end)) {
            best = row;
            bestRings = rings;
        }
    }
    return best;
}

void RingTimelineChart::paintOverlay(QPainter *painter)
{
    if (barCount() == 0)
        return;
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const QColor warning = warningColor(dark);
    const QRectF plot = plotSceneRect();
    painter->setRenderHint(QPainter::Antialiasing);

    // Warning ranges: a light tint over the plot's height, edged so that narrow ones show.
    for (const Marker &marker : std::as_const(m_gapMarkers)) {
        const qreal left = std::max(plot.left(), sceneX(marker.from));
        const qreal right = std::min(plot.right(), sceneX(marker.to));
        if (right <= left)
            continue;
        QColor tint = warning;
        tint.setAlphaF(dark ? 0.22 : 0.18);
        painter->fillRect(QRectF(QPointF(left, plot.top()), QPointF(right, plot.bottom())), tint);
        painter->setPen(QPen(warning, 1, Qt::DashLine));
        painter->drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom()));
        painter->drawLine(QPointF(right, plot.top()), QPointF(right, plot.bottom()));
    }

    // Rows with a warning: an amber outline around the bar.
    for (auto it = m_rowWarnings.cbegin(); it != m_rowWarnings.cend(); ++it) {
        const QRectF rect = barSceneRect(it.key());
        if (rect.isEmpty())
            continue;
        painter->setPen(QPen(warning, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(-1, -1, 1, 1));
    }

    // Ringing rows light up: a soft glow around a brighter bar.
    const QColor accent = pal.color(QPalette::Highlight);
    for (int row : std::as_const(m_ringingRows)) {
        const QRectF rect = barSceneRect(row);
        if (rect.isEmpty())
            continue;
        QColor glow = accent;
        glow.setAlphaF(0.45);
        painter->setPen(QPen(glow, 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(-2, -2, 2, 2));
        QColor lit = dark ? accent.lighter(140) : accent.lighter(125);
        // A locked bar stays see-through, as in its normal style.
        if (bar(row).style == BarStyle::LockedRings)
            lit.setAlphaF(0.6);
        painter->setPen(QPen(dark ? accent.lighter(150) : accent.darker(140), 1.5));
        painter->setBrush(lit);
        painter->drawRect(rect);
    }

    // The focused bar: its row lightly tinted across the plot (visible even for a short bar or
    // next to a glowing one) and an outline in the highlight colour, set off by a gap.
    if (hasFocus() && m_focusedRow >= 0) {
        const QRectF rect = barSceneRect(m_focusedRow);
        const qreal gap = std::max(4.0, gripWidth() * 0.6);
        const QRectF ring = rect.adjusted(-gap, -gap, gap, gap);
        const int category = rowForCategory(m_focusedRow);
        const qreal top = m_chart
                              ->mapToScene(m_chart->mapToPosition(
                                  QPointF(m_secondsAxis->min(), category + 0.5), m_series))
                              .y();
        const qreal bottom = m_chart
                                 ->mapToScene(m_chart->mapToPosition(
                                     QPointF(m_secondsAxis->min(), category - 0.5), m_series))
                                 .y();
        QPainterPath band;
        band.addRect(QRectF(QPointF(plot.left(), top), QPointF(plot.right(), bottom)));
        QPainterPath hole;
        hole.addRect(ring);
        QColor tint = accent;
        tint.setAlphaF(dark ? 0.18 : 0.12);
        painter->fillPath(band.subtracted(hole), tint);
        painter->setPen(QPen(accent, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(ring, 2, 2);
    }

    // What the caller meets after the last bar.
    if (!m_ending.isEmpty()) {
        const int row = endingRow();
        const QRectF rect = barSceneRect(row);
        const QFontMetricsF metrics(font());
        const qreal width = metrics.horizontalAdvance(m_ending);
        const qreal x = rect.right() + gripWidth();
        const qreal chartRight = m_chart->mapToScene(m_chart->rect()).boundingRect().right();
        painter->setFont(font());
        painter->setPen(pal.color(QPalette::WindowText));
        if (x + width + 2 <= chartRight) {
            painter->drawText(
                QPointF(x, rect.center().y() + (metrics.ascent() - metrics.descent()) / 2),
                m_ending);
        } else {
            // No room after the bar: above its end, in the gap between rows, never over a bar.
            painter->drawText(QPointF(std::min(rect.right(), chartRight - 2) - width,
                                      rect.top() - metrics.descent() - 1),
                              m_ending);
        }
    }

    // The playhead, over everything: a line across the plot with a small head on top.
    if (m_playhead) {
        const qreal x = sceneX(*m_playhead);
        if (x >= plot.left() - 0.5 && x <= plot.right() + 0.5) {
            const QColor ink = pal.color(QPalette::Text);
            painter->setPen(QPen(ink, 2));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            const qreal head = gripWidth() * 0.8;
            QPainterPath triangle;
            triangle.moveTo(x - head, plot.top() - head);
            triangle.lineTo(x + head, plot.top() - head);
            triangle.lineTo(x, plot.top());
            triangle.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawPath(triangle);
        }
    }
}
