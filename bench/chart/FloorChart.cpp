// SPDX-License-Identifier: GPL-3.0-or-later
#include "FloorChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QValueAxis>

FloorChart::FloorChart(int categories, int sets)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    auto *series = new QHorizontalStackedBarSeries;
    QStringList names;
    for (int set = 0; set < sets; ++set) {
        auto *barSet = new QBarSet(QString::number(set));
        QList<qreal> values;
        for (int category = 0; category < categories; ++category)
            values.append(set == 0 ? category % 60 : (category % (sets - 1) == set - 1 ? 20 : 0));
        barSet->append(values);
        if (set == 0)
            barSet->setColor(Qt::transparent);
        series->append(barSet);
        m_sets.append(barSet);
    }
    for (int category = 0; category < categories; ++category)
        names.append(QString::number(category));
    chart->addSeries(series);
    auto *devices = new QBarCategoryAxis;
    devices->setCategories(names);
    devices->setLabelsVisible(false);
    auto *seconds = new QValueAxis;
    seconds->setRange(0, 90);
    seconds->setLabelsVisible(false);
    chart->addAxis(devices, Qt::AlignLeft);
    chart->addAxis(seconds, Qt::AlignBottom);
    series->attachAxis(devices);
    series->attachAxis(seconds);
    m_view = new QChartView(chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
}

FloorChart::~FloorChart()
{
    delete m_view;
}

QWidget *FloorChart::viewport() const
{
    return m_view->viewport();
}

void FloorChart::setStart(int category, int seconds)
{
    m_sets.constFirst()->replace(category, seconds);
}

int FloorChart::start(int category) const
{
    return int(m_sets.constFirst()->at(category));
}
