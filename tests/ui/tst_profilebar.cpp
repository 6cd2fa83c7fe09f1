// The profile picker and its menu (ProfileBar) and the tray's menu (ProfileTray) on the demo
// settings, with a clock the test sets: choosing a profile and Do not disturb with the mouse and
// the keyboard, what the line under it says (until when, then what), new, rename and delete,
// undo, a refusal, and a screenshot to look at.

#include "ClientMessage.h"
#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "ElidingComboBox.h"
#include "FollowMePage.h"
#include "PlanEditor.h"
#include "ProfileBar.h"
#include "ProfileTray.h"
#include "SettingsDocument.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// Friday 4 December 2026, 10:00 in Berlin.
const QDateTime fridayMorning = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());

WeekSchedule officeWeek()
{
    WeekSchedule schedule;
    schedule.timeZone = "Europe/Berlin";
    schedule.otherwise = u"home-office"_s;
    for (int day = 1; day <= 5; ++day)
        schedule.ranges.append({day, 8 * 60, 17 * 60, RingProfile::standardId});
    return schedule;
}

QStringList itemsOf(const QComboBox *box)
{
    QStringList items;
    for (int i = 0; i < box->count(); ++i)
        items.append(box->itemText(i));
    return items;
}

} // namespace

class tst_ProfileBar : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheProfilesAndDoNotDisturb();
    void choosingDoNotDisturbAndUndo();
    void keyboardChoosesAProfile();
    void newRenameDelete();
    void saysUntilWhenAndWhatFollows();
    void doNotDisturbSaysWhatStillRings();
    void refusalIsSaid();
    void trayMenuSwitches();
    void ringStrategiesAreOneStep();
    void anotherProfileIsShownAndEdited();
    void screenshot();

private:
    SettingsDocument *m_document = nullptr;
    FollowMePage *m_page = nullptr;
    QDateTime m_now = fridayMorning;

    ProfileBar *bar() const { return m_page->profileBar(); }
};

void tst_ProfileBar::init()
{
    m_now = fridayMorning;
    m_document = new SettingsDocument;
    QVERIFY(!m_document->reset(demoSettings()));
    m_page = new FollowMePage(m_document);
    m_page->editor()->setClock([this] { return m_now; });
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void tst_ProfileBar::cleanup()
{
    delete m_page;
    m_page = nullptr;
    delete m_document;
    m_document = nullptr;
}

void tst_ProfileBar::listsTheProfilesAndDoNotDisturb()
{
    QCOMPARE(itemsOf(bar()->picker()), (QStringList {u"Standard"_s, u"Do not disturb"_s}));
    QCOMPARE(bar()->picker()->currentText(), u"Standard"_s);
    QCOMPARE(bar()->stateLabel()->text(), u"Standard"_s);
    QVERIFY(!bar()->picker()->accessibleName().isEmpty());
}

void tst_ProfileBar::choosingDoNotDisturbAndUndo()
{
    QSignalSpy edits(m_document, &SettingsDocument::profileEdited);
    const int dnd = bar()->picker()->findData(RingProfile::doNotDisturbId);
    bar()->picker()->setCurrentIndex(dnd);
    emit bar()->picker()->activated(dnd);
    QVERIFY(m_document->settings().doNotDisturb());
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.at(0).at(0).value<ClientMessage>().type, ClientMessage::Type::SetActiveProfile);
    QVERIFY(!m_document->settings().devices.at(DemoRow::desk).rule(CallKind::External).enabled);
    QVERIFY(m_page->undoAction()->isEnabled());

    m_page->editor()->undo();
    QVERIFY(!m_document->settings().doNotDisturb());
    QCOMPARE(bar()->picker()->currentText(), u"Standard"_s);
    QCOMPARE(m_document->settings().devices, demoSettings().devices);
    QCOMPARE(edits.size(), 2); // undoing is an edit the server is sent too
    m_page->editor()->redo();
    QVERIFY(m_document->settings().doNotDisturb());
}

void tst_ProfileBar::keyboardChoosesAProfile()
{
    bar()->addProfile(u"Home office"_s);
    QCOMPARE(m_document->settings().activeProfileId(), RingProfile::standardId);
    bar()->picker()->setFocus();
    QVERIFY(bar()->picker()->hasFocus());
    QTest::keyClick(bar()->picker(), Qt::Key_Down);
    QCOMPARE(m_document->settings().activeProfileId(), u"home-office"_s);
    QTest::keyClick(bar()->picker(), Qt::Key_Down);
    QVERIFY(m_document->settings().doNotDisturb());
    QTest::keyClick(bar()->picker(), Qt::Key_Home);
    QCOMPARE(m_document->settings().activeProfileId(), RingProfile::standardId);
}

void tst_ProfileBar::newRenameDelete()
{
    bar()->addProfile(u"Home office"_s);
    bar()->addProfile(u"Home office"_s);
    QCOMPARE(
        itemsOf(bar()->picker()),
        (QStringList {u"Standard"_s, u"Home office"_s, u"Home office"_s, u"Do not disturb"_s}));
    QVERIFY(m_document->settings().profile(u"home-office-2"_s));
    bar()->renameActiveProfile(u"Office"_s);
    QCOMPARE(bar()->picker()->currentText(), u"Office"_s);
    m_page->editor()->undo();
    QCOMPARE(bar()->picker()->currentText(), u"Standard"_s);
    // Deleting is offered for the profiles that aren't active.
    QMenu *remove = bar()->menu()->findChild<QMenu *>(u"removeProfileMenu"_s);
    QVERIFY(remove);
    QCOMPARE(remove->actions().size(), 2);
    remove->actions().at(1)->trigger();
    QVERIFY(!m_document->settings().profile(u"home-office-2"_s));
    QCOMPARE(bar()->picker()->count(), 3);
}

void tst_ProfileBar::saysUntilWhenAndWhatFollows()
{
    bar()->addProfile(u"Home office"_s);
    bar()->renameActiveProfile(u"Office"_s);
    QVERIFY(!m_page->editor()->editProfiles(ClientMessage::setSchedule({}, officeWeek())));
    QCOMPARE(bar()->stateLabel()->text(),
             u"Office — until 17:00, then Home office. Chosen by your schedule."_s);
    // An hour of Do not disturb, then back to the schedule.
    bar()->doNotDisturbFor(60);
    QVERIFY(m_document->settings().doNotDisturb());
    QVERIFY(bar()->stateLabel()->text().startsWith(
        u"Do not disturb — until 11:00, then Office. Chosen by you."_s));
    bar()->followSchedule();
    QCOMPARE(m_document->settings().activeProfileId(), RingProfile::standardId);
    // Evening: the line follows the clock.
    m_now = fridayMorning.addSecs(8 * 3600);
    m_document->followSchedule(m_now);
    QCOMPARE(m_document->settings().activeProfileId(), u"home-office"_s);
    QCOMPARE(bar()->stateLabel()->text(),
             u"Home office — until Mon 08:00, then Office. Chosen by your schedule."_s);
}

void tst_ProfileBar::doNotDisturbSaysWhatStillRings()
{
    bar()->doNotDisturbFor(30);
    const QString text = bar()->stateLabel()->text();
    QVERIFY2(text.contains(u"Reception"_s), qPrintable(text));
    // Said plainly where the calls go, as the phone system has it for each call kind.
    QVERIFY2(text.contains(u"External calls go to voicemail"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Internal calls go to +49 30 1234"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Teams calls are hung up"_s), qPrintable(text));
}

void tst_ProfileBar::refusalIsSaid()
{
    QSignalSpy refused(bar(), &ProfileBar::refused);
    // Removing the active profile: refused, and the reason is told.
    bar()->removeProfile(RingProfile::standardId);
    QCOMPARE(refused.size(), 1);
    QVERIFY(!refused.at(0).at(0).toString().isEmpty());
    QCOMPARE(m_page->statusLabel()->text().isEmpty(), false);
    QCOMPARE(m_page->editor()->undoStack()->count(), 0);
}

void tst_ProfileBar::trayMenuSwitches()
{
    ProfileTray tray(m_page->editor());
    QMenu *menu = tray.menu();
    QStringList texts;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(texts,
             (QStringList {u"Standard"_s, u"Do not disturb"_s, u"Show FollowMe"_s, u"Quit"_s}));
    menu->actions().at(2)->trigger(); // after the separator: Do not disturb
    QVERIFY(m_document->settings().doNotDisturb());
    // The menu is made anew once the action that switched has returned.
    QTRY_VERIFY(tray.icon()->toolTip().contains(u"Do not disturb"_s));
    // The menu follows: the check is on Do not disturb now.
    bool checked = false;
    for (QAction *action : tray.menu()->actions())
        checked = checked || (action->isChecked() && action->text() == u"Do not disturb"_s);
    QVERIFY(checked);
}

void tst_ProfileBar::ringStrategiesAreOneStep()
{
    const FollowMeSettings before = m_document->settings();
    QCOMPARE(m_page->applyStrategy(RingStrategy::Kind::OneAfterAnother, 15), 5);
    const auto rule = [this](int row) {
        return m_document->settings().devices.at(row).rule(CallKind::External);
    };
    QCOMPARE(rule(DemoRow::desk), (RingRule {true, 0, 15}));
    QCOMPARE(rule(DemoRow::softphone), (RingRule {true, 15, 15}));
    QCOMPARE(rule(DemoRow::mobile), (RingRule {true, 30, 15}));
    QCOMPARE(rule(DemoRow::dect), (RingRule {true, 45, 15}));
    QCOMPARE(rule(DemoRow::privateMobile), (RingRule {true, 60, 15}));
    // The locked reception phone and the other call kinds are left alone.
    QCOMPARE(rule(DemoRow::reception),
             before.devices.at(DemoRow::reception).rule(CallKind::External));
    QCOMPARE(m_document->settings().devices.at(DemoRow::desk).rule(CallKind::Internal),
             before.devices.at(DemoRow::desk).rule(CallKind::Internal));
    QVERIFY(m_page->statusLabel()->text().contains(u"one after another"_s));
    m_page->editor()->undo();
    QCOMPARE(m_document->settings(), before);

    // All at once: from 0 s, as long as the longest rang.
    QCOMPARE(m_page->applyStrategy(RingStrategy::Kind::AllAtOnce), 5);
    QCOMPARE(rule(DemoRow::mobile), (RingRule {true, 0, 30}));
    QCOMPARE(rule(DemoRow::privateMobile), (RingRule {true, 0, 30}));
    QCOMPARE(m_page->applyStrategy(RingStrategy::Kind::AllAtOnce), 0);
    m_page->editor()->undo();
    QCOMPARE(m_document->settings(), before);
    // From the menu, too.
    m_page->strategyMenu()->actions().at(1)->trigger(); // 10 s each
    QCOMPARE(rule(DemoRow::softphone), (RingRule {true, 10, 10}));
}

void tst_ProfileBar::anotherProfileIsShownAndEdited()
{
    bar()->addProfile(u"Home office"_s);
    const FollowMeSettings before = m_document->settings();
    QMenu *show = bar()->menu()->findChild<QMenu *>(u"showProfileMenu"_s);
    QVERIFY(show);
    QCOMPARE(show->actions().size(), 2);
    QVERIFY(show->actions().at(0)->text().contains(u"(active)"_s));
    show->actions().at(1)->trigger();
    QCOMPARE(m_page->model()->shownProfile(), u"home-office"_s);
    QVERIFY(bar()->viewNote()->isVisible());
    QVERIFY(bar()->viewNote()->text().contains(u"Home office"_s));
    QVERIFY(!m_page->findChild<QToolButton *>(u"copyPlanButton"_s)->isEnabled());

    QSignalSpy edits(m_document, &SettingsDocument::profileEdited);
    QVERIFY(!m_page->model()->setRule(DemoRow::desk, {false, 0, 25}));
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.at(0).at(0).value<ClientMessage>().type, ClientMessage::Type::SetProfileRule);
    // The rules in force are untouched; Home office's desk phone is off; the page shows that.
    QCOMPARE(m_document->settings().devices, before.devices);
    QVERIFY(!m_document->settings()
                 .profile(u"home-office"_s)
                 ->rules.value(u"desk"_s)
                 .at(CallKinds::index(CallKind::External))
                 .enabled);
    QVERIFY(!m_page->model()->rule(DemoRow::desk).enabled);
    QVERIFY2(!m_page->summaryLabel()->text().contains(u"Desk phone 0"_s),
             qPrintable(m_page->summaryLabel()->text()));
    m_page->editor()->undo();
    QVERIFY(m_page->model()->rule(DemoRow::desk).enabled);

    bar()->findChild<QToolButton *>(u"showActiveProfile"_s)->click();
    QVERIFY(m_page->model()->shownProfile().isEmpty());
    QVERIFY(!bar()->viewNote()->isVisible());
    QVERIFY(m_page->findChild<QToolButton *>(u"copyPlanButton"_s)->isEnabled());
}

void tst_ProfileBar::screenshot()
{
    bar()->addProfile(u"Home office"_s);
    bar()->renameActiveProfile(u"Office"_s);
    QVERIFY(!m_page->editor()->editProfiles(ClientMessage::setSchedule({}, officeWeek())));
    const QString path = QStringLiteral(FOLLOWME_BINARY_DIR "/page-screenshots/profile-bar.png");
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(m_page->grab().save(path));
}

QTEST_MAIN(tst_ProfileBar)
#include "tst_profilebar.moc"
