#pragma once

#include <QPointer>
#include <QWidget>

class DeviceRuleModel;

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QIODevice;
class QValueAxis;
QT_END_NAMESPACE

// The ring timeline: one horizontal bar per device from its delay to delay + timeout, for the
// model's current call kind. It is the only class that knows Qt Charts (deprecated from Qt 6.10),
// so moving to another chart library touches this file pair alone.
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

    explicit RingTimelineChart(QWidget *parent = nullptr);
    ~RingTimelineChart() override;

    void setModel(DeviceRuleModel *model);
    // A title drawn above the chart (exported images carry one; the page has its own heading).
    void setCaption(const QString &caption);

    int barCount() const;
    Bar bar(int row) const;
    qreal axisMaximum() const;
    QString toolTipForRow(int row) const;
    QString summary() const; // also the accessible description
    // Where a bar's middle is drawn, in this widget's coordinates.
    QPoint barCenter(int row) const;

    // Draws the chart at the given size, without showing it.
    QImage toImage(const QSize &size, qreal devicePixelRatio = 1.0);
    bool writeSvg(QIODevice *device, const QSize &size);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void updateSecondsAxis();
    void applyPalette();
    void retranslate();
    void showToolTip(bool hovering, int category);
    int rowForCategory(int category) const;
    void layOutAt(const QSize &size);

    QPointer<DeviceRuleModel> m_model;
    QString m_caption;
    int m_lastSecond = 0;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QBarSet *m_gap = nullptr;
    QBarSet *m_rings = nullptr;
    QBarSet *m_lockedRings = nullptr;
    QBarSet *m_off = nullptr;
    QBarSet *m_lockedOff = nullptr;
    QBarCategoryAxis *m_devicesAxis = nullptr;
    QValueAxis *m_secondsAxis = nullptr;
};
