// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up floor (bench/window/CMakeLists.txt): what a window of the FollowMe page's shape
// costs from exec to its first paint with plain Qt, nothing of FollowMe's own.
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QMainWindow>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int deviceCount = 6;

// Prints the line once the watched widget has been painted, then quits.
class PaintedLine : public QObject
{
public:
    explicit PaintedLine(QWidget *watched)
        : m_watched(watched)
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_watched && event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("followme-bench: painted\n", stdout);
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_watched;
    bool m_done = false;
};

QWidget *makePlan()
{
    auto *plan = new QWidget;
    auto *layout = new QVBoxLayout(plan);

    // The page's columns: the switch, the device (icon, name, number), the lock, Delay, Timeout.
    auto *table = new QTableWidget(deviceCount, 5);
    table->setHorizontalHeaderLabels(
        {u"Rings"_s, u"Device"_s, u"Locked"_s, u"Delay"_s, u"Timeout"_s});
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int row = 0; row < deviceCount; ++row) {
        auto *rings = new QTableWidgetItem;
        rings->setCheckState(row % 3 == 2 ? Qt::Unchecked : Qt::Checked);
        table->setItem(row, 0, rings);
        table->setItem(row, 1, new QTableWidgetItem(u"Device %1\n20%1"_s.arg(row + 1)));
        table->setItem(row, 2, new QTableWidgetItem(row == 5 ? u"locked"_s : QString()));
        table->setItem(row, 3, new QTableWidgetItem(u"%1 s"_s.arg(row * 5)));
        table->setItem(row, 4, new QTableWidgetItem(u"%1 s"_s.arg(20 + row * 2)));
    }
    layout->addWidget(table);

    // One stacked bar per device: a transparent gap up to the delay, then the ring window.
    auto *gap = new QBarSet(u"gap"_s);
    auto *rings = new QBarSet(u"rings"_s);
    gap->setColor(Qt::transparent);
    gap->setBorderColor(Qt::transparent);
    QStringList names;
    for (int row = deviceCount - 1; row >= 0; --row) {
        *gap << row * 5;
        *rings << 20 + row * 2;
        names.append(u"Device %1"_s.arg(row + 1));
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(gap);
    series->append(rings);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(series);
    auto *devices = new QBarCategoryAxis;
    devices->append(names);
    auto *seconds = new QValueAxis;
    seconds->setRange(0, 60);
    chart->addAxis(devices, Qt::AlignLeft);
    chart->addAxis(seconds, Qt::AlignBottom);
    series->attachAxis(devices);
    series->attachAxis(seconds);
    chart->legend()->hide();
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(view, 1);
    return plan;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *tabs = new QTabWidget;
    QWidget *plan = makePlan();
    tabs->addTab(plan, u"External"_s);
    tabs->addTab(new QWidget, u"Internal"_s);
    tabs->addTab(new QWidget, u"Teams"_s);
    window.setCentralWidget(tabs);
    window.resize(1120, 660);
    PaintedLine painted(plan);
    window.show();
    return app.exec();
}
