// The FollowMe page in a user's hands: the wheel, typed values, the keyboard, menus, a screen
// reader's view, an export, and a layout that stays put while things come and go.

#include "CallPlayer.h"
#include "ColorContrast.h"
#include "DarkPalette.h"
#include "DemoData.h"
#include "DeviceRulesView.h"
#include "ElidingLabel.h"
#include "FollowMePage.h"
#include "NoticeBar.h"
#include "PlanData.h"
#include "RingTimelineChart.h"
#include "SecondsSpinBox.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "TimelineStyle.h"
#include "ToggleSwitch.h"

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {

QStringList g_messages;

void collectMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

QString accessibleName(QObject *object)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QString();
}

// Returns whether the widget took the event.
bool wheel(QWidget *widget, int steps)
{
    const QPoint local = widget->rect().center();
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, -120 * steps),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
    return event.isAccepted();
}

QMenu *menuTitled(QMainWindow *window, const QString &title)
{
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    }
    return nullptr;
}

} // namespace

class TestPageInput : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        m_window->resize(1120, 660);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_page = m_window->followMePage();
        m_rows = m_page->rulesView();
    }
    void cleanup()
    {
        m_window.reset();
        m_document.reset();
    }

    void wheelLeavesAnUnfocusedSpinnerAlone()
    {
        QVERIFY(!m_document->reset(planWithDevices(50)));
        QCoreApplication::processEvents();
        const FollowMeSettings before = m_document->settings();
        QSpinBox *delay = m_rows->delaySpinBox(3);
        m_page->callKindTabs()->setFocus();
        QVERIFY(!delay->hasFocus());
        QScrollBar *scroll = m_page->planScrollArea()->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0); // 50 rows don't fit: the list scrolls
        // Not taken by the spinner: a real (spontaneous) wheel event goes on to the scroll area.
        QVERIFY2(!wheel(delay, 2), "an unfocused spinner took the wheel");
        QCOMPARE(m_document->settings(), before);
        QCOMPARE(delay->value(), before.devices.at(3).rule(CallKind::External).delay);
        const int scrolled = scroll->value();
        wheel(m_page->planScrollArea()->viewport(), 2);
        QVERIFY2(scroll->value() > scrolled, "the wheel scrolls the rows");
        // With the focus, the wheel is the spinner's.
        delay->setFocus();
        QTRY_VERIFY(delay->hasFocus());
        wheel(delay, -1);
        QCOMPARE(m_document->settings().devices.at(3).rule(CallKind::External).delay,
                 before.devices.at(3).rule(CallKind::External).delay + 1);
    }

    void typedNonsenseIsRefusedVisibly_data()
    {
        QTest::addColumn<bool>("timeout");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("byEnter");
        QTest::newRow("601 in Timeout") << true << u"601"_s << true;
        QTest::newRow("12.5 in Delay") << false << u"12.5"_s << true;
        QTest::newRow("-5 in Delay") << false << u"-5"_s << true;
        QTest::newRow("99999 in Delay") << false << u"99999"_s << false;
        QTest::newRow("words in Timeout") << true << u"ten"_s << false;
        QTest::newRow("0 in Timeout") << true << u"0"_s << true;
    }
    void typedNonsenseIsRefusedVisibly()
    {
        QFETCH(bool, timeout);
        QFETCH(QString, typed);
        QFETCH(bool, byEnter);
        const int row = DemoRow::mobile;
        SecondsSpinBox *spin = timeout ? m_rows->timeoutSpinBox(row) : m_rows->delaySpinBox(row);
        const FollowMeSettings before = m_document->settings();
        const int kept = spin->value();
        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        spin->selectAll();
        QTest::keyClicks(spin, typed);
        // What was typed stays as typed, shown as wrong: never shortened into another number.
        QCOMPARE(spin->cleanText(), typed);
        QVERIFY(spin->hasInvalidInput());
        if (byEnter)
            QTest::keyClick(spin, Qt::Key_Return);
        else
            m_page->callKindTabs()->setFocus();
        QTRY_VERIFY(!spin->hasInvalidInput());
        QCOMPARE(m_document->settings(), before);
        QCOMPARE(spin->value(), kept);
        QCOMPARE(spin->cleanText(), QString::number(kept));
        const QString status = m_page->statusLabel()->text();
        QVERIFY2(status.contains(typed) && status.contains(u"Mobile app"_s), qPrintable(status));
        QVERIFY2(status.contains(timeout ? u"from 1 to 600"_s : u"from 0 to 300"_s),
                 qPrintable(status));
    }

    void aGoodTypedValueCounts()
    {
        SecondsSpinBox *spin = m_rows->timeoutSpinBox(DemoRow::mobile);
        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        spin->selectAll();
        QTest::keyClicks(spin, u"120"_s);
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(
            m_document->settings().devices.at(DemoRow::mobile).rule(CallKind::External).timeout,
            120);
    }

    void spinnersSayTheirRangeAndWhyTheyAreOff()
    {
        SecondsSpinBox *delay = m_rows->delaySpinBox(DemoRow::mobile);
        SecondsSpinBox *timeout = m_rows->timeoutSpinBox(DemoRow::mobile);
        QVERIFY2(delay->toolTip().contains(u"0 to 300"_s), qPrintable(delay->toolTip()));
        QVERIFY(timeout->toolTip().contains(u"1 to 600"_s));
        QVERIFY(delay->accessibleDescription().contains(u"0 to 300"_s));
        QVERIFY(timeout->accessibleDescription().contains(u"1 to 600"_s));
        // A locked device's spinners say why they can't be changed, not only its switch.
        for (QSpinBox *spin :
             {static_cast<QSpinBox *>(m_rows->delaySpinBox(DemoRow::reception)),
              static_cast<QSpinBox *>(m_rows->timeoutSpinBox(DemoRow::reception))}) {
            QVERIFY(!spin->isEnabled());
            QVERIFY2(spin->accessibleDescription().contains(u"administrator"_s),
                     qPrintable(spin->accessibleDescription()));
            QVERIFY(spin->toolTip().contains(u"administrator"_s));
        }
    }

    void undoAndRedoByKeyboardAlsoFromASpinner()
    {
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collectMessages);
        SecondsSpinBox *delay = m_rows->delaySpinBox(DemoRow::mobile);
        delay->setFocus();
        QTRY_VERIFY(delay->hasFocus());
        QTest::keyClick(delay, Qt::Key_Up);
        QTest::keyClick(delay, Qt::Key_Return);
        auto mobileDelay = [this] {
            return m_document->settings()
                .devices.at(DemoRow::mobile)
                .rule(CallKind::External)
                .delay;
        };
        QCOMPARE(mobileDelay(), 11);
        QTest::keyClick(delay, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(mobileDelay(), 10);
        QCOMPARE(delay->value(), 10);
        QTest::keyClick(delay, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(mobileDelay(), 11);
        QTest::keyClick(delay, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(mobileDelay(), 10);
        QTest::keyClick(delay, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(mobileDelay(), 11);
        qInstallMessageHandler(previous);
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(u"Ambiguous"_s), qPrintable(message));
    }

    void menusFollowThePlatform()
    {
        QMenu *file = menuTitled(m_window.get(), u"File"_s);
        QMenu *edit = menuTitled(m_window.get(), u"Edit"_s);
        QMenu *help = menuTitled(m_window.get(), u"Help"_s);
        QVERIFY(file && edit && help);
        QVERIFY(file->actions().contains(m_page->exportAction()));
        QVERIFY(file->actions().contains(m_window->quitAction()));
        QVERIFY(!m_window->quitAction()->shortcut().isEmpty());
        QVERIFY(!m_page->exportAction()->shortcut().isEmpty());
        QVERIFY(edit->actions().contains(m_page->undoAction()));
        QVERIFY(edit->actions().contains(m_page->redoAction()));
        QCOMPARE(m_page->undoAction()->shortcuts(), QKeySequence::keyBindings(QKeySequence::Undo));
        QCOMPARE(m_page->redoAction()->shortcuts(), QKeySequence::keyBindings(QKeySequence::Redo));
        QVERIFY(help->actions().contains(m_window->aboutAction()));
        // Play by its key; Quit by its key closes the window.
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        QVERIFY(m_page->player()->isPlaying());
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        QVERIFY(!m_page->player()->isPlaying());
        QTest::keySequence(m_window.get(), m_window->quitAction()->shortcut());
        QTRY_VERIFY(!m_window->isVisible());
    }

    void everyTabStopIsNamedAndShowsFocus()
    {
        QWidget *start = m_page->controlledDevicePicker();
        start->setFocus();
        QTRY_VERIFY(start->hasFocus());
        QSet<QWidget *> seen;
        for (int step = 0; step < 200; ++step) {
            QWidget *focused = QApplication::focusWidget();
            QVERIFY(focused);
            // A spinner's or a combo box's own line edit speaks for its owner.
            QWidget *control = focused;
            if (qobject_cast<QLineEdit *>(control) && control->parentWidget()
                && (qobject_cast<QAbstractSpinBox *>(control->parentWidget())
                    || qobject_cast<QComboBox *>(control->parentWidget())))
                control = control->parentWidget();
            if (seen.contains(control))
                break;
            seen.insert(control);
            QVERIFY2(!accessibleName(control).isEmpty(),
                     qPrintable(u"unnamed Tab stop: "_s
                                + QString::fromLatin1(control->metaObject()->className()) + u' '
                                + control->objectName()));
            // Scroll areas are no Tab stops: their rows are, and they scroll to the focused one.
            QVERIFY(!qobject_cast<QScrollArea *>(control));
            // Focus shows: the style draws a focus frame or the widget draws its own.
            QVERIFY(control->isVisible());
            QTest::keyClick(focused, Qt::Key_Tab);
        }
        QVERIFY(seen.contains(m_page->timeline()));
        QVERIFY(seen.contains(m_rows->timeoutSpinBox(DemoRow::mobile)));
    }

    void screenReadersGetTheTexts()
    {
        FollowMeSettings settings = demoSettings();
        settings.devices[DemoRow::privateMobile].rule(CallKind::External).delay = 60; // a gap
        QVERIFY(!m_document->reset(settings));
        QLabel *summary = m_page->summaryLabel();
        QLabel *warnings = m_page->warningsLabel();
        QVERIFY(!summary->text().isEmpty());
        QCOMPARE(accessibleName(summary), summary->text());
        QVERIFY(warnings->isVisible());
        QVERIFY(warnings->text().contains(u"Nothing rings"_s) || !warnings->text().isEmpty());
        QCOMPARE(accessibleName(warnings), warnings->text());
        m_window->showNotice(u"Desk phone is now managed by your administrator"_s);
        QCOMPARE(accessibleName(m_window->noticeLabel()),
                 u"Desk phone is now managed by your administrator"_s);
    }

    void eachBarIsAnAccessibleChild()
    {
        RingTimelineChart *chart = m_page->timeline();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(chart);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), u"Ring timeline"_s);
        QCOMPARE(iface->childCount(), 6);
        QAccessibleInterface *mobile = iface->child(DemoRow::mobile);
        QVERIFY(mobile && mobile->isValid());
        QCOMPARE(mobile->text(QAccessible::Name), u"Mobile app"_s);
        QVERIFY2(mobile->text(QAccessible::Description).contains(u"rings from 10 s to 35 s"_s),
                 qPrintable(mobile->text(QAccessible::Description)));
        QVERIFY(!mobile->state().readOnly);
        QCOMPARE(mobile->parent(), iface);
        QCOMPARE(iface->indexOfChild(mobile), DemoRow::mobile);
        QAccessibleInterface *reception = iface->child(DemoRow::reception);
        QVERIFY(reception->state().readOnly);
        QVERIFY(reception->text(QAccessible::Description).contains(u"administrator"_s));
        // The bar the keyboard is on is the focused child.
        chart->setFocus();
        QTRY_VERIFY(chart->hasFocus());
        chart->setFocusedRow(DemoRow::mobile);
        QCOMPARE(iface->focusChild(), mobile);
        QVERIFY(mobile->state().focused);
        // Edits show in the child at once.
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::External, {true, 12, 20}));
        QVERIFY(mobile->text(QAccessible::Description).contains(u"from 12 s to 32 s"_s));
    }

    void textAndMarksAreReadableLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void textAndMarksAreReadableLightAndDark()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });
        if (dark)
            QApplication::setPalette(darkPalette());
        m_rows->setRingingRows({DemoRow::desk});
        m_document->setPending({SettingsDocument::ruleKey(u"mobile"_s, CallKind::External)}, false);
        QCoreApplication::processEvents();
        const QColor window = m_page->palette().color(QPalette::Window);
        // Text in the page: WCAG AA, 4.5:1, in every enabled label of the rows and the page.
        const QList<QLabel *> labels = m_window->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (!label->isVisible() || !label->isEnabled() || label->text().isEmpty())
                continue;
            const QColor ink = label->palette().color(QPalette::Active, label->foregroundRole());
            const QColor behind = label->autoFillBackground()
                ? label->palette().color(label->backgroundRole())
                : window;
            QVERIFY2(ColorContrast::contrastRatio(ink, behind) >= ColorContrast::textRatio,
                     qPrintable(label->text().left(40) + u": "_s
                                + QString::number(ColorContrast::contrastRatio(ink, behind))));
        }
        // The ringing name, the badges.
        const QColor ringing = m_rows->nameLabel(DemoRow::desk)
                                   ->palette()
                                   .color(QPalette::Active, QPalette::WindowText);
        QVERIFY(ColorContrast::contrastRatio(ringing, window) >= ColorContrast::textRatio);
        // Every mark of the chart: 3:1 against the plot.
        const TimelineStyle style(m_page->timeline()->palette());
        for (TimelineStyle::Mark mark : TimelineStyle::marks())
            QVERIFY2(ColorContrast::contrastRatio(style.markColor(mark), style.plotBackground())
                         >= ColorContrast::graphicsRatio,
                     qPrintable(TimelineStyle::label(mark)));
        QVERIFY(ColorContrast::contrastRatio(style.text(), style.background())
                >= ColorContrast::textRatio);
        // Icons follow the palette: the Play icon's ink stands out from the window.
        const QImage icon = m_page->playAction()->icon().pixmap(32).toImage();
        QColor ink;
        for (int y = 0; y < icon.height() && !ink.isValid(); ++y)
            for (int x = 0; x < icon.width(); ++x)
                if (qAlpha(icon.pixel(x, y)) == 255) {
                    ink = QColor::fromRgb(icon.pixel(x, y));
                    break;
                }
        QVERIFY(ink.isValid());
        QVERIFY2(ColorContrast::contrastRatio(ink, QApplication::palette().color(QPalette::Window))
                     >= ColorContrast::graphicsRatio,
                 qPrintable(ink.name()));
    }

    void aPlayedCallIsClearedByATabOrAnEdit()
    {
        // The player's clock is the test's: a call plays to its end in one tick.
        qint64 now = 0;
        m_page->player()->setClock([&now] { return now; });
        auto playToTheEnd = [this, &now] {
            m_page->playAction()->trigger();
            QVERIFY(m_page->player()->isPlaying());
            now += 10 * 60 * 1000;
            m_page->player()->tick();
            QVERIFY(!m_page->player()->isPlaying());
        };
        playToTheEnd();
        QVERIFY(m_page->timeline()->playhead()); // stays at the end with the outcome
        m_page->setCallKind(CallKind::Internal);
        QVERIFY(!m_page->timeline()->playhead());
        playToTheEnd();
        QVERIFY(m_page->timeline()->playhead());
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Internal, {true, 3, 20}));
        QVERIFY(!m_page->timeline()->playhead());
    }

    void emptyPageSaysSoAndOffersNothingToPlay()
    {
        FollowMeSettings settings;
        QVERIFY(!m_document->reset(settings));
        QCoreApplication::processEvents();
        QVERIFY(m_rows->emptyLabel()->isVisible());
        QVERIFY(m_rows->emptyLabel()->text().contains(u"No devices"_s));
        QVERIFY(!m_page->playAction()->isEnabled());
        QVERIFY(!m_page->exportAction()->isEnabled());
        QVERIFY(!m_page->findChild<QToolButton *>(u"copyPlanButton"_s)->isEnabled());
        QVERIFY(!m_page->timeline()->isVisible());
        QVERIFY(!m_document->reset(demoSettings()));
        QVERIFY(m_page->playAction()->isEnabled());
        QVERIFY(m_page->timeline()->isVisible());
    }

    void anExportCarriesWhatTheScreenShows()
    {
        FollowMeSettings settings = demoSettings();
        settings.devices[DemoRow::privateMobile].rule(CallKind::External).delay = 60;
        settings.devices[DemoRow::desk].name = u"Line %2 desk"_s;
        QVERIFY(!m_document->reset(settings));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"plan.svg"_s);
        QVERIFY(!m_page->exportTimeline(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        auto escaped = [](const QString &text) {
            return text.toHtmlEscaped();
        };
        // The sentence and every warning the page shows, as the picture's description.
        QVERIFY2(svg.contains(escaped(m_page->summaryLabel()->text())), "summary missing");
        for (const QString &line : m_page->warningsLabel()->text().split(u'\n'))
            QVERIFY2(svg.contains(escaped(line)), qPrintable(line));
        // The ending, every name as it is, and the whole key.
        QVERIFY(svg.contains(escaped(m_page->timeline()->ending())));
        QVERIFY(!m_page->timeline()->ending().isEmpty());
        QVERIFY(svg.contains(escaped(u"Line %2 desk"_s)));
        for (TimelineStyle::Mark mark : TimelineStyle::marks())
            QVERIFY2(svg.contains(escaped(TimelineStyle::label(mark))),
                     qPrintable(TimelineStyle::label(mark)));
    }

    void nothingMovesUnderThePointer()
    {
        auto positions = [this] {
            QList<QRect> rects;
            QList<QWidget *> widgets {m_page->controlledDevicePicker(), m_page->callKindTabs(),
                                      m_page->timeline()};
            for (int row = 0; row < m_rows->rowCount(); ++row)
                widgets << m_rows->enabledSwitch(row) << m_rows->delaySpinBox(row)
                        << m_rows->timeoutSpinBox(row);
            for (QWidget *widget : std::as_const(widgets))
                rects.append(QRect(widget->mapTo(m_window.get(), QPoint()), widget->size()));
            return rects;
        };
        QCoreApplication::processEvents();
        const QList<QRect> before = positions();
        const int rulesWidth = m_rows->width();

        // A warning appears (a gap), and the summary grows.
        QVERIFY(!m_document->setRule(u"private-mobile"_s, CallKind::External, {true, 60, 15}));
        QCoreApplication::processEvents();
        QVERIFY(m_page->warningsLabel()->isVisible());
        QCOMPARE(m_rows->width(), rulesWidth);
        QCOMPARE(positions(), before);
        // An edit waits for the server: "Sending…".
        m_document->setPending({SettingsDocument::ruleKey(u"mobile"_s, CallKind::External)}, false);
        QCoreApplication::processEvents();
        QCOMPARE(m_rows->statusText(DemoRow::mobile), u"Sending…"_s);
        QCOMPARE(positions(), before);
        // A call plays: "Ringing".
        m_rows->setRingingRows({DemoRow::desk});
        QCoreApplication::processEvents();
        QCOMPARE(m_rows->statusText(DemoRow::desk), u"Ringing"_s);
        QCOMPARE(positions(), before);
        // A notice arrives.
        m_window->showNotice(u"Desk phone is now managed by your administrator"_s);
        QCoreApplication::processEvents();
        QVERIFY(m_window->noticeBar()->isVisible());
        QCOMPARE(positions(), before);
        // The controlled device gets a very long name.
        FollowMeSettings renamed = m_document->settings();
        renamed.devices[DemoRow::desk].name = QString(90, u'W');
        QVERIFY(!m_document->update(renamed));
        QCoreApplication::processEvents();
        QCOMPARE(positions(), before);
        QVERIFY(m_window->width() <= 1120);
    }

private:
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SettingsWindow> m_window;
    FollowMePage *m_page = nullptr;
    DeviceRulesView *m_rows = nullptr;
};

QTEST_MAIN(TestPageInput)
#include "tst_pageinput.moc"
