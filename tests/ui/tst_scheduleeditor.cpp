// The schedule editor: painting the week with the mouse and the keyboard (WeekScheduleGrid),
// minutes off the half hour kept, exceptions refused when they overlap, and the dialog's schedule
// taken as one undoable step. Saves a screenshot to look at.

#include "ClientMessage.h"
#include "DemoData.h"
#include "FollowMePage.h"
#include "PlanEditor.h"
#include "ProfileBar.h"
#include "ScheduleDialog.h"
#include "SettingsDocument.h"
#include "WeekScheduleGrid.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QPoint centreOf(const WeekScheduleGrid &grid, int day, int slot)
{
    return grid.cellRect(day, slot).center();
}

// Office and Home office, the standard profile renamed.
FollowMeSettings twoProfiles()
{
    SettingsDocument document;
    if (document.reset(demoSettings()))
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    document.editProfiles(ClientMessage::renameProfile({}, RingProfile::standardId, u"Office"_s),
                          now);
    document.editProfiles(ClientMessage::addProfile({}, u"home"_s, u"Home office"_s), now);
    return document.settings();
}

} // namespace

class tst_ScheduleEditor : public QObject
{
    Q_OBJECT

private slots:
    void mousePaintsARange();
    void rightButtonClears();
    void keyboardPaints();
    void minutesOffTheHalfHourAreKept();
    void overlappingExceptionsAreRefused();
    void theDialogsScheduleIsOneUndoableStep();
};

void tst_ScheduleEditor::mousePaintsARange()
{
    WeekScheduleGrid grid;
    grid.setProfiles({{u"office"_s, u"Office"_s}});
    grid.setBrush(u"office"_s);
    grid.resize(960, 300);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    // Monday 08:00 (slot 16) to 16:30 (slot 33, up to 17:00).
    QTest::mousePress(&grid, Qt::LeftButton, {}, centreOf(grid, 1, 16));
    for (int slot = 17; slot <= 33; ++slot)
        QTest::mouseMove(&grid, centreOf(grid, 1, slot));
    QTest::mouseRelease(&grid, Qt::LeftButton, {}, centreOf(grid, 1, 33));
    QCOMPARE(grid.ranges(), (QList<WeekSchedule::Range> {{1, 8 * 60, 17 * 60, u"office"_s}}));
    QVERIFY(grid.accessibleDescription().contains(u"Office"_s));
}

void tst_ScheduleEditor::rightButtonClears()
{
    WeekScheduleGrid grid;
    grid.setRanges({{2, 8 * 60, 12 * 60, u"office"_s}});
    grid.resize(960, 300);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QTest::mousePress(&grid, Qt::RightButton, {}, centreOf(grid, 2, 22)); // 11:00
    QTest::mouseMove(&grid, centreOf(grid, 2, 23));
    QTest::mouseRelease(&grid, Qt::RightButton, {}, centreOf(grid, 2, 23));
    QCOMPARE(grid.ranges(), (QList<WeekSchedule::Range> {{2, 8 * 60, 11 * 60, u"office"_s}}));
}

void tst_ScheduleEditor::keyboardPaints()
{
    WeekScheduleGrid grid;
    grid.setProfiles({{u"home"_s, u"Home office"_s}});
    grid.setBrush(u"home"_s);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.setFocus();
    grid.setCursor(1, 16);
    QTest::keyClick(&grid, Qt::Key_Down); // Tuesday
    QTest::keyClick(&grid, Qt::Key_Space);
    QCOMPARE(grid.profileAt(2, 8 * 60), u"home"_s);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&grid, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(grid.ranges(), (QList<WeekSchedule::Range> {{2, 8 * 60, 10 * 60, u"home"_s}}));
    QTest::keyClick(&grid, Qt::Key_Delete);
    QCOMPARE(grid.ranges(), (QList<WeekSchedule::Range> {{2, 8 * 60, 9 * 60 + 30, u"home"_s}}));
    QTest::keyClick(&grid, Qt::Key_End);
    QCOMPARE(grid.cursorSlot(), WeekScheduleGrid::slotsPerDay - 1);
    QVERIFY2(grid.accessibleDescription().contains(u"23:30"_s),
             qPrintable(grid.accessibleDescription()));
}

void tst_ScheduleEditor::minutesOffTheHalfHourAreKept()
{
    WeekScheduleGrid grid;
    grid.setRanges({{3, 8 * 60 + 5, 10 * 60, u"office"_s}});
    grid.setBrush(u"home"_s);
    grid.setFocus();
    grid.setCursor(3, 30); // 15:00
    QTest::keyClick(&grid, Qt::Key_Space);
    QCOMPARE(grid.ranges(),
             (QList<WeekSchedule::Range> {{3, 8 * 60 + 5, 10 * 60, u"office"_s},
                                          {3, 15 * 60, 15 * 60 + 30, u"home"_s}}));
}

void tst_ScheduleEditor::overlappingExceptionsAreRefused()
{
    ScheduleDialog dialog(twoProfiles());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.addException({QDate(2026, 12, 24), QTime(0, 0), QDate(2026, 12, 27), QTime(0, 0),
                         RingProfile::doNotDisturbId, u"Christmas"_s});
    dialog.addException(
        {QDate(2026, 12, 26), QTime(0, 0), QDate(2027, 1, 2), QTime(0, 0), u"home"_s, {}});
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.problemLabel()->isVisible());
    QVERIFY2(dialog.problemLabel()->text().contains(u"overlap"_s),
             qPrintable(dialog.problemLabel()->text()));
    dialog.exceptions()->selectRow(1);
    dialog.exceptions()->setCurrentCell(1, 0);
    const auto remove = dialog.findChildren<QPushButton *>();
    for (QPushButton *button : remove) {
        if (button->text().contains(u"Remove"_s))
            button->click();
    }
    QCOMPARE(dialog.exceptions()->rowCount(), 1);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const WeekSchedule schedule = dialog.schedule();
    QCOMPARE(schedule.exceptions.size(), 1);
    QCOMPARE(schedule.exceptions.at(0).label, u"Christmas"_s);
    QCOMPARE(schedule.exceptions.at(0).profileId, RingProfile::doNotDisturbId);
}

void tst_ScheduleEditor::theDialogsScheduleIsOneUndoableStep()
{
    SettingsDocument document;
    QVERIFY(!document.reset(twoProfiles()));
    FollowMePage page(&document);
    // Friday 4 December 2026, 18:00 in Berlin.
    const QDateTime evening(QDate(2026, 12, 4), QTime(17, 0), QTimeZone::utc());
    page.editor()->setClock([evening] { return evening; });
    ScheduleDialog dialog(document.settings(), &page);
    dialog.zonePicker()->setCurrentText(u"Europe/Berlin"_s);
    dialog.otherwisePicker()->setCurrentIndex(dialog.otherwisePicker()->findData(u"home"_s));
    dialog.brushPicker()->setCurrentIndex(dialog.brushPicker()->findData(RingProfile::standardId));
    WeekScheduleGrid *grid = dialog.grid();
    grid->setFocus();
    for (int day = 1; day <= 5; ++day) {
        grid->setCursor(day, 16);
        QTest::keyClick(grid, Qt::Key_Space);
        for (int slot = 17; slot < 34; ++slot)
            QTest::keyClick(grid, Qt::Key_Right, Qt::ShiftModifier);
    }
    const WeekSchedule schedule = dialog.schedule();
    QCOMPARE(schedule.ranges.size(), 5);
    QCOMPARE(schedule.ranges.at(4),
             (WeekSchedule::Range {5, 8 * 60, 17 * 60, RingProfile::standardId}));
    page.profileBar()->setSchedule(schedule);
    QCOMPARE(document.settings().schedule, schedule);
    // Friday evening: the schedule says Home office.
    QCOMPARE(document.settings().activeProfileId(), u"home"_s);
    page.show();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString path =
        QStringLiteral(FOLLOWME_BINARY_DIR "/page-screenshots/schedule-dialog.png");
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(dialog.grab().save(path));
    QVERIFY(
        page.grab().save(QStringLiteral(FOLLOWME_BINARY_DIR "/page-screenshots/profile-home.png")));

    page.editor()->undo();
    QVERIFY(document.settings().schedule.isEmpty());
}

QTEST_MAIN(tst_ScheduleEditor)
#include "tst_scheduleeditor.moc"
