#include "DarkPalette.h"
#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "FollowMePage.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "SettingsFileStore.h"
#include "SettingsWindow.h"
#include "ToggleSwitch.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestFollowMePage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_page = m_window->followMePage();
    }
    void cleanup()
    {
        m_window.reset();
        m_document.reset();
    }

    void showsEveryDevice()
    {
        DeviceRulesView *rows = m_page->rulesView();
        QCOMPARE(rows->rowCount(), 6);
        QCOMPARE(rows->delaySpinBox(DemoRow::mobile)->value(), 10);
        QCOMPARE(rows->timeoutSpinBox(DemoRow::mobile)->value(), 25);
        QVERIFY(rows->delaySpinBox(DemoRow::mobile)->suffix().contains(u's'));
        QVERIFY(rows->enabledSwitch(DemoRow::privateMobile)->isChecked());
        QCOMPARE(m_window->pageList()->count(), 1);
        QCOMPARE(m_window->pageList()->item(0)->text(), u"FollowMe"_s);
    }

    // A client that never reached its server has no settings: no rows is no news, and an empty
    // plan is not judged ("no device rings").
    void settingsNotKnownYetAreNotJudged()
    {
        SettingsDocument empty;
        SettingsWindow window(&empty);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        FollowMePage *page = window.followMePage();
        auto *emptyPlan = page->findChild<QLabel *>(u"emptyPlan"_s);
        QVERIFY(emptyPlan);
        QTRY_VERIFY(emptyPlan->isVisible());
        QVERIFY(emptyPlan->text().contains(u"No devices are assigned"_s));
        QVERIFY(!page->summaryLabel()->text().isEmpty());
        QVERIFY(page->warningsLabel()->isVisible());

        page->setSettingsKnown(false);
        QVERIFY2(emptyPlan->text().contains(u"as soon as FollowMe has reached the server"_s),
                 qPrintable(emptyPlan->text()));
        QCOMPARE(page->summaryLabel()->text(), QString());
        QVERIFY(!page->warningsLabel()->isVisible());

        // The settings arrive: the page judges them again.
        page->setSettingsKnown(true);
        QVERIFY(!empty.reset(demoSettings()));
        QTRY_VERIFY(!emptyPlan->isVisible());
        QVERIFY(!page->summaryLabel()->text().isEmpty());
    }

    // The devices arrive after the window is shown (from the server): the list must grow so
    // that no spinner is cut off.
    void devicesArrivingLaterAreFullyVisible()
    {
        SettingsDocument empty;
        SettingsWindow window(&empty);
        window.resize(1120, 660);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!empty.reset(demoSettings()));
        DeviceRulesView *rows = window.followMePage()->rulesView();
        for (int row = 0; row < rows->rowCount(); ++row) {
            QSpinBox *timeout = rows->timeoutSpinBox(row);
            QTRY_VERIFY(timeout->isVisible());
            QTRY_COMPARE(timeout->visibleRegion().boundingRect(), timeout->rect());
        }
    }

    void lockedRowCannotBeEditedByMouse()
    {
        DeviceRulesView *rows = m_page->rulesView();
        const FollowMeSettings before = m_document->settings();
        ToggleSwitch *toggle = rows->enabledSwitch(DemoRow::reception);
        QVERIFY(!toggle->isEnabled());
        QVERIFY(rows->lockLabel(DemoRow::reception)->isVisible());
        QVERIFY(!rows->lockLabel(DemoRow::desk)->isVisible());
        QVERIFY(toggle->toolTip().contains(u"administrator"_s));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QSpinBox *delay = rows->delaySpinBox(DemoRow::reception);
        QVERIFY(!delay->isEnabled());
        QTest::mouseClick(delay, Qt::LeftButton);
        QTest::keyClick(delay, Qt::Key_Up);
        QCOMPARE(m_document->settings(), before);
        QVERIFY(toggle->isChecked());
        QCOMPARE(delay->value(), 15);
    }

    void lockedRowCannotBeReachedByKeyboard()
    {
        // Walk the whole focus chain from the picker: no control of the locked row takes focus.
        DeviceRulesView *rows = m_page->rulesView();
        QSet<QWidget *> locked {rows->enabledSwitch(DemoRow::reception),
                                rows->delaySpinBox(DemoRow::reception),
                                rows->timeoutSpinBox(DemoRow::reception)};
        QSet<QWidget *> reached;
        m_page->controlledDevicePicker()->setFocus();
        QTRY_VERIFY(m_page->controlledDevicePicker()->hasFocus());
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reached.insert(QApplication::focusWidget());
        }
        QVERIFY(reached.contains(rows->delaySpinBox(DemoRow::desk)));
        QVERIFY(reached.contains(rows->timeoutSpinBox(DemoRow::privateMobile)));
        QVERIFY(!reached.intersects(locked));
    }

    void keyboardEditChangesModelAndChart()
    {
        DeviceRulesView *rows = m_page->rulesView();
        QSpinBox *delay = rows->delaySpinBox(DemoRow::dect);
        delay->setFocus();
        QTRY_VERIFY(delay->hasFocus());
        QTest::keyClick(delay, Qt::Key_Up);
        QTest::keyClick(delay, Qt::Key_Up);
        QCOMPARE(m_document->settings().devices.at(DemoRow::dect).rule(CallKind::External).delay,
                 7);
        QCOMPARE(
            m_page->model()->index(DemoRow::dect, DeviceRuleModel::DelayColumn).data(Qt::EditRole),
            QVariant(7));
        QCOMPARE(m_page->timeline()->bar(DemoRow::dect).start, 7.0);
        QCOMPARE(m_page->timeline()->bar(DemoRow::dect).end, 37.0);

        // Typing a value works the same way.
        QSpinBox *timeout = rows->timeoutSpinBox(DemoRow::dect);
        timeout->setFocus();
        timeout->selectAll();
        QTest::keyClicks(timeout, u"40"_s);
        QTest::keyClick(timeout, Qt::Key_Enter);
        QCOMPARE(m_document->settings().devices.at(DemoRow::dect).rule(CallKind::External).timeout,
                 40);
        QCOMPARE(m_page->timeline()->bar(DemoRow::dect).end, 47.0);
    }

    void switchTurnsDeviceOffAndDisablesItsSpinners()
    {
        DeviceRulesView *rows = m_page->rulesView();
        ToggleSwitch *toggle = rows->enabledSwitch(DemoRow::mobile);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(
            !m_document->settings().devices.at(DemoRow::mobile).rule(CallKind::External).enabled);
        QCOMPARE(m_page->timeline()->bar(DemoRow::mobile).style, RingTimelineChart::BarStyle::Off);
        QVERIFY(!rows->delaySpinBox(DemoRow::mobile)->isEnabled());
        toggle->setFocus();
        QTest::keyClick(toggle, Qt::Key_Space);
        QVERIFY(
            m_document->settings().devices.at(DemoRow::mobile).rule(CallKind::External).enabled);
        QVERIFY(rows->delaySpinBox(DemoRow::mobile)->isEnabled());
    }

    void spinnerEditsAreSavedToTheFileWhole()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"settings.json"_s);
        QVERIFY(!SettingsFileStore::save(path, m_document->settings()));
        SettingsFileStore store(path);
        store.watch(m_document.get(), 50);
        QSignalSpy saved(&store, &SettingsFileStore::saved);

        QSpinBox *timeout = m_page->rulesView()->timeoutSpinBox(DemoRow::mobile);
        timeout->setFocus();
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(timeout, Qt::Key_Up);
        QTRY_COMPARE(saved.count(), 1);

        // The file holds the whole new document, nothing else: no temporary files beside it.
        const auto onDisk = SettingsFileStore::load(path);
        QVERIFY(onDisk);
        QCOMPARE(*onDisk, m_document->settings());
        QCOMPARE(onDisk->devices.at(DemoRow::mobile).rule(CallKind::External).timeout, 35);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList {u"settings.json"_s});
    }

    void tabsSwitchCallKind()
    {
        QTabBar *tabs = m_page->callKindTabs();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(0), u"External"_s);
        QCOMPARE(tabs->tabText(1), u"Internal"_s);
        QCOMPARE(tabs->tabText(2), u"Teams"_s);

        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(2).center());
        QCOMPARE(m_page->callKind(), CallKind::Teams);
        DeviceRulesView *rows = m_page->rulesView();
        QCOMPARE(rows->timeoutSpinBox(DemoRow::reception)->value(), 40);
        QVERIFY(!rows->enabledSwitch(DemoRow::mobile)->isChecked());
        QCOMPARE(m_page->timeline()->bar(DemoRow::reception).end, 40.0);

        // An edit on one tab stays with its call kind.
        QSpinBox *delay = rows->delaySpinBox(DemoRow::dect);
        delay->setValue(12);
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
        QCOMPARE(m_page->callKind(), CallKind::External);
        QCOMPARE(rows->delaySpinBox(DemoRow::dect)->value(), 5);
        QCOMPARE(m_page->timeline()->bar(DemoRow::dect).start, 5.0);
        QCOMPARE(m_document->settings().devices.at(DemoRow::dect).rule(CallKind::Teams).delay, 12);

        tabs->setFocus();
        QTest::keyClick(tabs, Qt::Key_Right);
        QCOMPARE(m_page->callKind(), CallKind::Internal);
    }

    void clientControlsPicker()
    {
        QComboBox *picker = m_page->controlledDevicePicker();
        QAbstractItemModelTester tester(picker->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // "No device", then every device but the external number, which the client can't
        // control.
        QCOMPARE(picker->count(), 6);
        QCOMPARE(picker->itemText(0), u"No device"_s);
        for (int i = 0; i < picker->count(); ++i)
            QVERIFY(picker->itemText(i) != u"Private mobile"_s);
        QCOMPARE(picker->currentText(), u"Desk phone"_s);

        picker->setFocus();
        QTest::keyClick(picker, Qt::Key_Down);
        QCOMPARE(picker->currentText(), u"Desktop softphone"_s);
        QCOMPARE(m_document->settings().controlledDeviceId, u"softphone"_s);

        // A change from elsewhere shows in the picker.
        QVERIFY(!m_document->setControlledDevice(u"dect"_s));
        QCOMPARE(picker->currentText(), u"DECT handset"_s);
        QVERIFY(!m_document->setControlledDevice(QString()));
        QCOMPARE(picker->currentIndex(), 0);
        QCOMPARE(picker->currentText(), u"No device"_s);

        // "No device" is a choice like any other, and undoable.
        QVERIFY(!m_document->setControlledDevice(u"desk"_s));
        picker->setFocus();
        QTest::keyClick(picker, Qt::Key_Home);
        QCOMPARE(picker->currentText(), u"No device"_s);
        QCOMPARE(m_document->settings().controlledDeviceId, QString());
        m_page->undoAction()->trigger();
        QCOMPARE(m_document->settings().controlledDeviceId, u"desk"_s);
        QCOMPARE(picker->currentText(), u"Desk phone"_s);
    }

    void everyControlHasAnAccessibleName()
    {
        const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible())
                continue;
            if (qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QAbstractButton *>(widget)
                || qobject_cast<QComboBox *>(widget) || qobject_cast<QTabBar *>(widget))
                QVERIFY2(!widget->accessibleName().isEmpty()
                             || (qobject_cast<QAbstractButton *>(widget)
                                 && !qobject_cast<QAbstractButton *>(widget)->text().isEmpty()),
                         widget->metaObject()->className());
        }
    }

    void statusSaysWhenTheLastDeviceStops()
    {
        QVERIFY(m_page->statusLabel()->text().contains(u"45"_s));
        for (int row = 0; row < 6; ++row) {
            if (row != DemoRow::reception)
                m_page->rulesView()->enabledSwitch(row)->setChecked(false);
        }
        // The locked reception phone still rings from 15 to 45 s.
        QVERIFY(m_page->statusLabel()->text().contains(u"45"_s));
        QCOMPARE(m_page->statusLabel()->text(), u"Ringing: only Reception phone, until 45 s."_s);
    }

    // Saves what the window looks like (set FOLLOWME_SCREENSHOT_DIR to keep the PNGs) on the
    // default and on a dark palette, and checks the chart follows the palette.
    void looksRightOnLightAndDarkPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void looksRightOnLightAndDarkPalettes()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        m_window->resize(1120, 660);
        QApplication::processEvents();

        const QImage shot = m_window->grab().toImage();
        QCOMPARE(shot.size(), m_window->size() * m_window->devicePixelRatio());
        const QString dir = qEnvironmentVariable("FOLLOWME_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            const QString base =
                dir + u"/followme-"_s + QString::fromLatin1(QTest::currentDataTag());
            QVERIFY(shot.save(base + u".png"_s));
            m_page->setCallKind(CallKind::Teams);
            QVERIFY(m_window->grab().save(base + u"-teams.png"_s));
            m_page->setCallKind(CallKind::External);
        }

        // The timeline's plot area takes the palette's base colour, dark or light.
        const QImage chart = m_page->timeline()->grab().toImage();
        const QColor corner = chart.pixelColor(2, 2);
        QCOMPARE(corner.lightness() < 128, dark);
        const QColor text = m_page->statusLabel()->palette().color(QPalette::WindowText);
        QCOMPARE(text.lightness() > 128, dark);
    }

private:
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SettingsWindow> m_window;
    FollowMePage *m_page = nullptr;
};

QTEST_MAIN(TestFollowMePage)
#include "tst_followmepage.moc"
