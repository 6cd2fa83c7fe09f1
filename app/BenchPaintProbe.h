// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

// FOLLOWME_BENCH_PAINTED=1: the start-up benchmark's finishing line. Once the watched page has
// been painted while it shows data (`shows()` says when it does), prints
// "followme-bench: painted" on stdout and quits with 0. Without the variable nothing is made.
class BenchPaintProbe : public QObject
{
    Q_OBJECT

public:
    static bool wanted();

    BenchPaintProbe(QWidget *page, std::function<bool()> shows, QObject *parent = nullptr);

    // The data may have arrived after the last paint: paint once more to be sure it is seen.
    void dataArrived();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_page;
    std::function<bool()> m_shows;
    bool m_done = false;
};
