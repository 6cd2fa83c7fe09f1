#include "RingTimelineChart.h"

#include "CallKind.h"
#include "DeviceRuleModel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

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

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setFocusPolicy(Qt::NoFocus);
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
    const AxisScale scale = axisScaleFor(m_lastSecond, maximumTicks);
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
        const QString name = index.data(Qt::DisplayRole).toString();
        labels.append(locked ? tr("%1 (locked)", "device name on the timeline axis").arg(name)
                             : name);
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
    setAccessibleDescription(summary());
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
    const QPointF inChart = m_chart->mapToPosition(
        QPointF((drawn.start + drawn.end) / 2, rowForCategory(row)), m_series);
    const QPoint inView = m_view->mapFromScene(m_chart->mapToScene(inChart));
    return m_view->viewport()->mapTo(this, inView);
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
    return text;
}

QString RingTimelineChart::summary() const
{
    if (!m_model || m_model->rowCount() == 0)
        return tr("No devices");
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
    return tr("%1: %2", "calls title: list of devices")
        .arg(CallKinds::callsTitle(m_model->callKind()),
             parts.join(tr("; ", "separator between devices in a summary")));
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
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
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
