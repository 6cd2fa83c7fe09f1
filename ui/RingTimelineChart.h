#pragma once

#include "GapMarker.h"
#include "RingRule.h"
#include "TimelineDecorations.h"
#include "TimelineGeometry.h"
#include "TimelineStyle.h"

#include <QHash>
#include <QList>
#include <QPalette>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <optional>

class DeviceRuleModel;

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarSet;

class QChart;
class QChartView;
class QFontMetrics;
class QHelpEvent;
class QHorizontalStackedBarSeries;
class QIODevice;
class QModelIndex;
class QPainter;
class QValueAxis;
QT_END_NAMESPACE

// The ring timeline: one horizontal bar per device from its delay to delay + timeout, for the
// model's current call kind. It is the only class that knows Qt Charts (deprecated from Qt 6.10),
// so moving to another chart library touches this file pair alone.
//
// On the page it is one column of the device list: setRowPitch() makes every row as tall as a
// list row, so each bar sits beside its device, and the names, the seconds labels (a
// TimelineAxisHeader) and the key (a TimelineLegend) are drawn outside it. Without a row pitch
// (an export) it draws its own device names, seconds axis and title.
//
// The bars can be shaped with the mouse (drag the body to move the start, drag an end to change
// it) and with the keyboard on the focused bar; every edit goes through DeviceRuleModel::setRule,
// the same path as the spinners. Overlays for a played call (playhead, ringing rows), warnings
// (gap markers, row warnings) and what happens at the end are drawn on top of the chart.
class RingTimelineChart : public QWidget
{
    Q_OBJECT

public:
    enum class BarStyle { Rings, LockedRings, Off, LockedOff };

    // A bar as the chart draws it, read back from the chart's own data.
    struct Bar
    {
        QString label;
        qreal start = 0;
        qreal end = 0;
        BarStyle style = BarStyle::Rings;
    };

    // A range of seconds to shade as a warning (a silent gap), with its why.
    using Marker = GapMarker;

    explicit RingTimelineChart(QWidget *parent = nullptr);
    ~RingTimelineChart() override;

    void setModel(DeviceRuleModel *model);
    // Modest: on the page the device list takes its width first, the timeline the rest.
    QSize sizeHint() const override;
    // The height of one row on the page (0: lay out freely, with labels, as for an export).
    void setRowPitch(int pitch);
    int rowPitch() const { return m_rowPitch; }
    // Where everything is drawn now, in this widget's coordinates.
    TimelineGeometry geometry() const;
    // The geometry as drawn now, without applying changes still waiting for this turn's flush
    // (geometryChanged follows them): for layouts that align with the chart on every pass.
    TimelineGeometry shownGeometry() const { return m_geometry; }
    // A title drawn above the chart (exported images carry one; the page has its own heading).
    void setCaption(const QString &caption);

    int barCount() const;
    Bar bar(int row) const;
    qreal axisMaximum() const;
    QString toolTipForRow(int row) const;
    // The device of a row, by name, and whether its bar can be changed (not locked, not off).
    QString deviceName(int row) const;
    bool isRowEditable(int row) const { return isEditable(row); }
    // The focused bar (if any), then the plan: also the accessible description.
    QString summary() const;
    // Where a bar's middle is drawn, in this widget's coordinates.
    QPoint barCenter(int row) const;
    // The point on a bar's row at the given second, in this widget's coordinates.
    QPoint pointAt(int row, double second) const;
    // The rectangle a bar is drawn in, in this widget's coordinates.
    QRect barRect(int row) const;

    // The bar the keyboard edits; -1 when there is none. Set to the first bar on focus.
    int focusedRow() const { return m_focusedRow; }
    void setFocusedRow(int row);

    // Play support: a vertical line at that second (nullopt hides it) and the rows that ring.
    void setPlayhead(std::optional<double> second);
    std::optional<double> playhead() const { return m_playhead; }
    void setRingingRows(const QSet<int> &rows);
    QSet<int> ringingRows() const { return m_ringingRows; }

    // Warning support: shaded second ranges (text shown on hover) and rows marked with a why.
    void setGapMarkers(const QList<Marker> &markers);
    QList<Marker> gapMarkers() const { return m_gapMarkers; }
    void setRowWarnings(const QHash<int, QString> &warnings);
    QHash<int, QString> rowWarnings() const { return m_rowWarnings; }
    // Everything around the bars at once (warnings, gaps, the ending, the summary), as the page
    // and the exporter both compute it: one rebuild.
    void setDecorations(const TimelineDecorations &decorations);
    // What the caller meets after the last bar ("→ voicemail"); empty hides it.
    void setEnding(const QString &label);
    QString ending() const { return m_ending; }

    // Draws the chart at target's size into target, without showing it (exports).
    void render(QPainter *painter, const QRectF &target);
    // Draws the chart at the given size, without showing it.
    QImage toImage(const QSize &size, qreal devicePixelRatio = 1.0);
    bool writeSvg(QIODevice *device, const QSize &size);

signals:
    // Bracket every edit gesture of the chart (a drag, a key press) so undo can make it one
    // step. editStarted comes just before the first change, so a click alone emits neither.
    void editStarted(int row);
    void editFinished(int row);
    void focusedRowChanged(int row);
    // The mapping from seconds and rows to pixels changed (a resize, a new axis, rows).
    void geometryChanged();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using Part = TimelineGeometry::Part;
    using Hit = TimelineGeometry::Hit;

    // Changes are collected and drawn once per turn of the event loop (flush()): a page build
    // that resets the model several times builds the chart once, and an edit of one row changes
    // that row's values in place, its labels and categories untouched.
    void rowsReplaced();
    void rowsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles);
    void scheduleRebuild();
    void scheduleFlush();
    void ensureCurrent() const;
    void flush();
    void rebuild();
    // False when the row's label changed, which needs a rebuild.
    bool updateRow(int row);
    void finishUpdate();
    struct RowValues
    {
        QList<qreal> bySet; // the gap, rings, locked rings, off, locked off (barSets())
        int end = 0;
    };
    RowValues rowValues(int row) const;
    QString axisLabel(int row, const QFontMetrics &metrics) const;
    QList<QBarSet *> barSets() const;
    void updateSecondsAxis();
    void updateLayoutMode();
    void useDevicesAxis(bool named);
    void styleAxis(QAbstractAxis *axis) const;
    void updateGeometryFromChart();
    void applyPalette();
    void retranslate();
    int rowForCategory(int category) const;
    void layOutAt(const QSize &size);

    // The geometry is in this widget's coordinates, which are the chart view's viewport pixels
    // and scene coordinates alike (the view fills the widget and the chart fills the view).
    QRectF barSceneRect(int row) const;
    QRectF plotSceneRect() const;
    QRectF plot() const { return plotSceneRect(); }
    qreal sceneX(double second) const;
    QPoint widgetPoint(const QPointF &scenePoint) const;
    QList<TimelineGeometry::Span> spans() const;
    int categoryCount() const;
    int gripWidth() const;
    Hit hitAt(const QPoint &viewportPos) const;

    bool isEditable(int row) const;
    void updateHoverCursor(const QPoint &viewportPos);
    bool handleToolTip(QHelpEvent *event);
    void startDrag(const Hit &hit, const QPoint &viewportPos);
    void dragTo(int viewportX);
    void finishDrag(bool cancel);
    void applyRule(int row, RingRule rule);
    void finishEdit();
    void editByKey(int delayStep, int timeoutStep);
    QString focusedBarText() const;
    void updateDescription();
    void updateOverlay();
    void paintOverlay(QPainter *painter);
    void paintUnderlay(QPainter *painter);
    int endingRow() const;
    void paintEnding(QPainter *painter);
    void paintDragValue(QPainter *painter);

    QPointer<DeviceRuleModel> m_model;
    QString m_caption;
    QString m_plan;
    int m_lastSecond = 0;
    int m_rowPitch = 0;
    int m_tickInterval = 0; // the seconds between grid lines, which the page draws itself
    TimelineGeometry m_geometry;
    // The marks' colours for the current palette: computed on a palette change, not per paint.
    TimelineStyle m_style {QPalette()};
    QStringList m_categories;
    // Per device row: its label before it was made unique, and the second its bar ends.
    QStringList m_rowLabels;
    QList<int> m_rowEnds;
    bool m_flushQueued = false;
    bool m_rebuildPending = false;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QBarSet *m_gap = nullptr;
    QBarSet *m_rings = nullptr;
    QBarSet *m_lockedRings = nullptr;
    QBarSet *m_off = nullptr;
    QBarSet *m_lockedOff = nullptr;
    // A QBarCategoryAxis of device names when laid out freely (an export), a QValueAxis of row
    // numbers on the page (useDevicesAxis).
    QAbstractAxis *m_devicesAxis = nullptr;
    QValueAxis *m_secondsAxis = nullptr;

    int m_focusedRow = -1;
    std::optional<double> m_playhead;
    QSet<int> m_ringingRows;
    QList<Marker> m_gapMarkers;
    QHash<int, QString> m_rowWarnings;
    QString m_ending;

    // The drag under way: its row (-1: none), what was grabbed, the rule when it began, and the
    // press-time scale, so a seconds axis that grows during the drag does not feed back into it.
    int m_dragRow = -1;
    Part m_dragPart = Part::None;
    RingRule m_dragOriginal;
    QString m_dragDeviceId; // a remote reset may put another device in the row
    int m_dragPressX = 0;
    qreal m_dragSecondsPerPixel = 0;
    // The row whose editStarted has been emitted without editFinished yet; -1: none.
    int m_editRow = -1;
};
