// SPDX-License-Identifier: GPL-3.0-or-later
// Settings > Changes: the latest changes made by others, as a table that follows the history
// live, names devices as the document does now and follows the language.

#include "AuditData.h"
#include "ChangeHistory.h"
#include "ChangeListModel.h"
#include "ChangesPage.h"
#include "DarkPalette.h"
#include "DemoData.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "Translator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

AuditEntry lockOf(qint64 id, const QString &device)
{
    return adminChange(id, QStringLiteral("device.lock"), device);
}

} // namespace

class TestChangesPage : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_translator.install(QLocale(QLocale::English)));
        m_history = std::make_unique<ChangeHistory>();
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_page = std::make_unique<ChangesPage>(m_history.get(), m_document.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_page->resize(800, 560);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup()
    {
        m_tester.reset();
        m_page.reset();
        m_document.reset();
        m_history.reset();
    }

    void emptySaysSo()
    {
        QVERIFY(m_page->emptyLabel()->isVisible());
        QVERIFY(!m_page->view()->isVisible());
        QCOMPARE(m_page->emptyLabel()->text(), u"No one else has changed your settings lately."_s);
    }

    void followsTheHistoryLive()
    {
        m_history->replace({lockOf(1, u"desk"_s)});
        QVERIFY(m_page->view()->isVisible());
        QVERIFY(!m_page->emptyLabel()->isVisible());
        ChangeListModel *model = m_page->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, ChangeListModel::Author).data().toString(),
                 u"Your administrator"_s);
        QCOMPARE(model->index(0, ChangeListModel::Author).data(Qt::ToolTipRole).toString(),
                 u"From 192.0.2.7"_s);
        QCOMPARE(model->index(0, ChangeListModel::Author).data(Qt::AccessibleTextRole).toString(),
                 u"Your administrator. From 192.0.2.7"_s);
        QCOMPARE(model->index(0, ChangeListModel::Change).data().toString(),
                 u"Locked Desk phone: only your administrator can change it now."_s);
        QVERIFY(!model->index(0, ChangeListModel::When).data().toString().isEmpty());

        // Up to a full list and over it: the newest on top, the oldest gone (the tester checks
        // every step's rows).
        for (qint64 id = 2; id <= ChangeHistory::maxEntries + 3; ++id)
            m_history->add(lockOf(id, u"softphone"_s));
        QCOMPARE(model->rowCount(), ChangeHistory::maxEntries);
        QCOMPARE(model->index(0, 0).data(ChangeListModel::EntryIdRole).toLongLong(),
                 ChangeHistory::maxEntries + 3);
        m_history->clear();
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(m_page->emptyLabel()->isVisible());
    }

    void aRenameShowsAtOnce()
    {
        m_history->replace({lockOf(1, u"desk"_s)});
        FollowMeSettings renamed = demoSettings();
        renamed.devices[renamed.indexOf(u"desk"_s)].name = u"Front desk"_s;
        QVERIFY(!m_document->update(renamed));
        QCOMPARE(m_page->model()->index(0, ChangeListModel::Change).data().toString(),
                 u"Locked Front desk: only your administrator can change it now."_s);
    }

    void followsTheLanguage()
    {
        m_history->replace({lockOf(1, u"desk"_s)});
        QVERIFY(m_translator.install(QLocale(QLocale::German)));
        QTRY_COMPARE(m_page->windowTitle(), u"Änderungen"_s);
        QCOMPARE(m_page->model()->headerData(ChangeListModel::Author, Qt::Horizontal).toString(),
                 u"Von"_s);
        QCOMPARE(m_page->model()->index(0, ChangeListModel::Author).data().toString(),
                 u"Ihr Administrator"_s);
        QVERIFY(m_translator.install(QLocale(QLocale::English)));
        QTRY_COMPARE(m_page->windowTitle(), u"Changes"_s);
    }

    void keyboardMovesThroughTheRows()
    {
        for (qint64 id = 1; id <= 3; ++id)
            m_history->add(lockOf(id, u"desk"_s));
        QTableView *view = m_page->view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(view->accessibleName(), u"Changes by others"_s);
    }

    // In the settings window among the other pages, light and dark, English and German, with
    // one change of each common kind; set FOLLOWME_SCREENSHOT_DIR to keep the PNGs. The
    // sentences get most of the width, so they wrap rather than push the table sideways.
    void looksRight_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("german");
        QTest::addColumn<QSize>("size");
        QTest::newRow("light-en-800") << false << false << QSize(800, 560);
        QTest::newRow("dark-de-800") << true << true << QSize(800, 560);
        QTest::newRow("light-de-1280") << false << true << QSize(1280, 800);
    }
    void looksRight()
    {
        QFETCH(bool, dark);
        QFETCH(bool, german);
        QFETCH(QSize, size);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        auto restore = qScopeGuard([&] {
            QApplication::setPalette(original);
            QVERIFY(m_translator.install(QLocale(QLocale::English)));
        });
        if (german)
            QVERIFY(m_translator.install(QLocale(QLocale::German)));
        QList<AuditEntry> entries;
        AuditEntry rule = lockOf(1, u"desk"_s);
        rule.action = u"device.setRule"_s;
        rule.callKind = CallKind::External;
        rule.before = SettingsCodec::ruleToJson({true, 0, 25});
        rule.after = SettingsCodec::ruleToJson({true, 5, 20});
        entries.append(rule);
        AuditEntry renamed = lockOf(2, u"softphone"_s);
        renamed.action = u"device.rename"_s;
        renamed.before = u"Softphone"_s;
        renamed.after = u"Desktop softphone"_s;
        renamed.by = {AuditEntry::ActorKind::Local, 0, u"followme-admin"_s};
        entries.append(renamed);
        entries.append(lockOf(3, u"mobile"_s));
        AuditEntry workspace = lockOf(4, u"dect"_s);
        workspace.action = u"device.setWorkspace"_s;
        workspace.after = u"Reception and front office, ground floor"_s;
        entries.append(workspace);
        m_history->replace(entries);

        SettingsWindow window(m_document.get());
        window.addPage(QIcon(), &ChangesPage::title, [this] {
            auto *page = new ChangesPage(m_history.get(), m_document.get());
            page->setObjectName(u"changesPage"_s);
            return page;
        });
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.pageList()->setCurrentRow(window.pageList()->count() - 1);
        auto *page = window.findChild<ChangesPage *>(u"changesPage"_s);
        QVERIFY(page);
        QTRY_VERIFY(page->view()->isVisible());
        QApplication::processEvents();
        const int change = page->view()->columnWidth(ChangeListModel::Change);
        QVERIFY2(change * 2 > page->view()->viewport()->width(),
                 qPrintable(u"the Change column is %1 px of %2"_s.arg(change).arg(
                     page->view()->viewport()->width())));
        QVERIFY(!page->view()->horizontalScrollBar()->isVisible());
        const QString dir = qEnvironmentVariable("FOLLOWME_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(dir + u"/changes-"_s
                                       + QString::fromLatin1(QTest::currentDataTag()) + u".png"_s));
    }

private:
    Translator m_translator;
    std::unique_ptr<ChangeHistory> m_history;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<ChangesPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestChangesPage)
#include "tst_changespage.moc"
