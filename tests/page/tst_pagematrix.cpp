// The FollowMe page across the sizes, fonts, palettes, languages and plans real users have. In
// every combination, from the widgets' own geometry: the window keeps the size asked for, no
// control is cut off or squeezed below its minimum, no text is cut short unless the design
// elides it and puts the whole text in a tooltip, the rows never need a sideways scrollbar, and
// each bar stands on its device's row. Every combination is saved as a screenshot (the build's
// page-screenshots folder, or FOLLOWME_SCREENSHOT_DIR), to be looked at.

#include "DarkPalette.h"
#include "DeviceRulesView.h"
#include "ElidingLabel.h"
#include "FollowMePage.h"
#include "PlanData.h"
#include "PlanHeader.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "TimelineAxisHeader.h"
#include "TimelineLegend.h"
#include "TimelineStyle.h"
#include "Translator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

QString describe(const QWidget *widget)
{
    const QString text = qobject_cast<const QLabel *>(widget)
        ? qobject_cast<const QLabel *>(widget)->text().left(40)
        : qobject_cast<const QAbstractButton *>(widget)
        ? qobject_cast<const QAbstractButton *>(widget)->text()
        : QString();
    return QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName()
        + u" \"" + text + u'"';
}

// Inside the rows' (or another inner) scroll area, clipping is scrolling, not a fault. The
// page's own scroll area doesn't count: the page is laid out whole inside it.
bool insideViewport(const QWidget *widget)
{
    for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(w->parentWidget());
            area && area->viewport() == w && area->objectName() != u"pageScroll")
            return true;
    }
    return false;
}

QRect inWindow(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint()), widget->size());
}

} // namespace

class TestPageMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_defaultFont = QApplication::font();
        m_screenshots = qEnvironmentVariable(
            "FOLLOWME_SCREENSHOT_DIR", QStringLiteral(FOLLOWME_BINARY_DIR "/page-screenshots"));
        QVERIFY(QDir().mkpath(m_screenshots));
    }
    void cleanup()
    {
        QApplication::setFont(m_defaultFont);
        m_translator.uninstall();
    }

    void layoutHolds_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("devices");
        QTest::addColumn<int>("nameLength");
        QTest::addColumn<int>("points");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("language");
        for (const QSize size : {QSize(800, 560), QSize(1120, 660), QSize(1920, 1080)}) {
            for (int devices : {1, 6, 50}) {
                for (int nameLength : {0, 100}) {
                    for (int points : {9, 14}) {
                        for (bool dark : {false, true}) {
                            for (const QString &language : {u"en"_s, u"de"_s}) {
                                QTest::addRow("%dx%d-%ddev-%s-%dpt-%s-%s", size.width(),
                                              size.height(), devices, nameLength ? "long" : "short",
                                              points, dark ? "dark" : "light", qPrintable(language))
                                    << size << devices << nameLength << points << dark << language;
                            }
                        }
                    }
                }
            }
        }
    }
    void layoutHolds()
    {
        QFETCH(QSize, size);
        QFETCH(int, devices);
        QFETCH(int, nameLength);
        QFETCH(int, points);
        QFETCH(bool, dark);
        QFETCH(QString, language);

        QFont font = m_defaultFont;
        font.setPointSize(points);
        QApplication::setFont(font);
        QVERIFY(m_translator.install(QLocale(language)));
        SettingsDocument document;
        QVERIFY(!document.reset(planWithDevices(devices, nameLength)));
        SettingsWindow window(&document);
        if (dark)
            window.setPalette(darkPalette());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const QString shot =
            m_screenshots + u'/' + QString::fromLatin1(QTest::currentDataTag()) + u".png"_s;
        QVERIFY(window.grab().save(shot));

        // The size asked for: nothing in the page forces the window larger.
        QCOMPARE(window.size(), size);

        FollowMePage *page = window.followMePage();
        const QList<QWidget *> widgets = window.findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisibleTo(&window) || widget->isWindow())
                continue;
            const QWidget *parent = widget->parentWidget();
            // Cut off by its parent (outside the scrolling rows, where clipping is scrolling).
            const auto *parentArea =
                qobject_cast<const QAbstractScrollArea *>(parent->parentWidget());
            const bool scrolled = parentArea && parentArea->viewport() == parent;
            if (!insideViewport(widget) && !scrolled
                && !qobject_cast<const QAbstractScrollArea *>(parent)
                && !qobject_cast<const QTabBar *>(parent)
                && !qobject_cast<const QToolBar *>(parent)) {
                QVERIFY2(parent->rect().contains(widget->geometry()),
                         qPrintable(u"cut off: "_s + describe(widget)));
            }
            // Squeezed below what it needs.
            if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget)) {
                QVERIFY2(widget->width() >= widget->minimumSizeHint().width()
                             || widget->minimumSizeHint().width() <= 0,
                         qPrintable(u"squeezed: "_s + describe(widget)));
            }
            // Text cut short: only where the design elides, and then the tooltip has it all.
            if (auto *eliding = qobject_cast<ElidingLabel *>(widget)) {
                if (eliding->isElided())
                    QVERIFY2(eliding->toolTip().contains(eliding->fullText()),
                             qPrintable(u"elided without a tooltip: "_s + describe(widget)));
            } else if (auto *label = qobject_cast<QLabel *>(widget); label && !label->wordWrap()
                       && !label->text().isEmpty() && label->pixmap().isNull()) {
                QVERIFY2(label->width() >= label->sizeHint().width(),
                         qPrintable(u"text cut: "_s + describe(widget)));
            }
        }

        // The page fits across (it may scroll down, at a big font in a small window), and so do
        // the rows: never a sideways scrollbar.
        auto *pageScroll = window.findChild<QScrollArea *>(u"pageScroll"_s);
        QVERIFY(pageScroll);
        QVERIFY2(!pageScroll->horizontalScrollBar()->isVisible(),
                 "the page needs a sideways scrollbar");
        // Each part of the page keeps at least its minimum height (nothing squeezed over another).
        for (QWidget *part : {static_cast<QWidget *>(window.followMePage()->planScrollArea()),
                              static_cast<QWidget *>(window.followMePage()->legend())}) {
            const int needed = part->hasHeightForWidth() ? part->heightForWidth(part->width())
                                                         : part->minimumSizeHint().height();
            QVERIFY2(part->height() >= needed || !part->isVisible(),
                     qPrintable(u"squeezed: "_s + describe(part)));
        }
        QVERIFY2(!page->planScrollArea()->horizontalScrollBar()->isVisible(),
                 "the rows need a sideways scrollbar");
        DeviceRulesView *rows = page->rulesView();
        RingTimelineChart *chart = page->timeline();
        QCOMPARE(rows->rowCount(), devices);
        // A readable row at any number of devices, and the bar on its device's line.
        QVERIFY(rows->rowPitch() >= rows->fontMetrics().height() * 2);
        QCOMPARE(chart->rowPitch(), rows->rowPitch());
        for (int row = 0; row < devices; ++row) {
            const int spinnerMiddle = inWindow(rows->delaySpinBox(row)).center().y();
            const int barMiddle = chart->mapTo(&window, chart->barRect(row).center()).y();
            QVERIFY2(std::abs(spinnerMiddle - barMiddle) <= 2,
                     qPrintable(u"row %1: bar at %2, row at %3"_s.arg(row).arg(barMiddle).arg(
                         spinnerMiddle)));
            QVERIFY(chart->rect().contains(chart->barRect(row).adjusted(1, 1, -1, -1)));
        }
        // And drawn there: Qt Charts paints each ringing bar where the geometry says it is.
        const QImage drawn = chart->grab().toImage();
        const QColor rings =
            TimelineStyle(chart->palette()).barBrush(TimelineStyle::Mark::Rings).color();
        for (int row = 0; row < devices; ++row) {
            const QRect bar = chart->barRect(row);
            if (chart->bar(row).style != RingTimelineChart::BarStyle::Rings || bar.width() < 8)
                continue;
            const QColor middle = drawn.pixelColor(bar.center() * drawn.devicePixelRatio());
            QVERIFY2(std::abs(middle.red() - rings.red()) + std::abs(middle.green() - rings.green())
                             + std::abs(middle.blue() - rings.blue())
                         <= 24,
                     qPrintable(u"row %1: the bar's middle is %2, not %3"_s.arg(row).arg(
                         middle.name(), rings.name())));
        }
        // The headings stand over their columns.
        PlanHeader *header = page->planHeader();
        const QRect delayHeading = inWindow(header->delayHeading());
        const QRect delayColumn = inWindow(rows->delaySpinBox(0));
        QVERIFY2(std::abs(delayHeading.right() - delayColumn.right()) <= 2,
                 qPrintable(u"Delay heading at %1, column at %2"_s.arg(delayHeading.right())
                                .arg(delayColumn.right())));
        QVERIFY(header->axisHeader()->labelledSeconds().size() >= 3);
    }

private:
    QFont m_defaultFont;
    QString m_screenshots;
    Translator m_translator;
};

QTEST_MAIN(TestPageMatrix)
#include "tst_pagematrix.moc"
