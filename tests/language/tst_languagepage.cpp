// SPDX-License-Identifier: GPL-3.0-or-later
// Settings > Language: the choice applies to an open window at once, survives a restart, and
// works with the keyboard alone.

#include "DemoData.h"
#include "FollowMePage.h"
#include "LanguagePage.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "Translator.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QListWidget>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QStringList englishTabs {u"External"_s, u"Internal"_s, u"Teams"_s};
const QStringList germanTabs {u"Extern"_s, u"Intern"_s, u"Teams"_s};

QStringList tabTexts(const QTabBar *tabs)
{
    QStringList texts;
    for (int i = 0; i < tabs->count(); ++i)
        texts.append(tabs->tabText(i));
    return texts;
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

} // namespace

class TestLanguagePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // QSettings then lives under ~/.qttest, never in the user's real configuration.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FollowMe"_s);
        QCoreApplication::setApplicationName(u"tst_languagepage"_s);
    }

    void init()
    {
        QSettings().clear();
        m_translator = std::make_unique<Translator>();
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
    }

    void cleanup()
    {
        m_window.reset();
        m_document.reset();
        m_translator.reset();
        QSettings().clear();
    }

    void followsTheSystemByDefault()
    {
        QCOMPARE(LanguagePage::storedChoice(), LanguagePage::Choice::System);
        QCOMPARE(LanguagePage::startupLocale(), QLocale::system());
        LanguagePage page(m_translator.get());
        QCOMPARE(page.choice(), LanguagePage::Choice::System);
        QVERIFY(page.button(LanguagePage::Choice::System)->isChecked());
        QCOMPARE(page.windowTitle(), u"Language"_s);
    }

    void buttonsHaveAccessibleNames()
    {
        LanguagePage page(m_translator.get());
        QCOMPARE(accessibleName(page.button(LanguagePage::Choice::System)), u"System language"_s);
        QCOMPARE(accessibleName(page.button(LanguagePage::Choice::English)), u"English"_s);
        QCOMPARE(accessibleName(page.button(LanguagePage::Choice::German)), u"Deutsch"_s);
        QVERIFY(!page.button(LanguagePage::Choice::System)->accessibleDescription().isEmpty());
    }

    void openWindowChangesAtOnce()
    {
        LanguagePage *page = showWindowWithLanguagePage();
        QTabBar *tabs = m_window->followMePage()->callKindTabs();
        QCOMPARE(tabTexts(tabs), englishTabs);
        QSignalSpy changed(page, &LanguagePage::choiceChanged);

        QTest::mouseClick(page->button(LanguagePage::Choice::German), Qt::LeftButton);
        QCOMPARE(page->choice(), LanguagePage::Choice::German);
        QTRY_COMPARE(tabTexts(tabs), germanTabs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().value<LanguagePage::Choice>(),
                 LanguagePage::Choice::German);
        // The page list shows the page under its (translated) window title.
        QCOMPARE(m_window->pageList()->item(1)->text(), page->windowTitle());

        QTest::mouseClick(page->button(LanguagePage::Choice::English), Qt::LeftButton);
        QCOMPARE(page->choice(), LanguagePage::Choice::English);
        QTRY_COMPARE(tabTexts(tabs), englishTabs);
        QCOMPARE(m_window->windowTitle(), u"FollowMe Settings"_s);
        QCOMPARE(changed.size(), 2);

        // The test runs with LC_ALL=C.UTF-8 and LANGUAGE=en: the system's language is English.
        QTest::mouseClick(page->button(LanguagePage::Choice::German), Qt::LeftButton);
        QTRY_COMPARE(tabTexts(tabs), germanTabs);
        QTest::mouseClick(page->button(LanguagePage::Choice::System), Qt::LeftButton);
        QCOMPARE(page->choice(), LanguagePage::Choice::System);
        QTRY_COMPARE(tabTexts(tabs), englishTabs);
    }

    void choiceSurvivesARestart_data()
    {
        QTest::addColumn<LanguagePage::Choice>("choice");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("Deutsch") << LanguagePage::Choice::German << u"de"_s
                                 << QLocale(QLocale::German);
        QTest::newRow("English") << LanguagePage::Choice::English << u"en"_s
                                 << QLocale(QLocale::English);
        QTest::newRow("System") << LanguagePage::Choice::System << u"system"_s << QLocale::system();
    }
    void choiceSurvivesARestart()
    {
        QFETCH(LanguagePage::Choice, choice);
        QFETCH(QString, stored);
        QFETCH(QLocale, locale);

        // Start from a different choice, so that this one has to be stored.
        QSettings().setValue(u"ui/language"_s,
                             choice == LanguagePage::Choice::German ? u"en"_s : u"de"_s);
        {
            auto page = std::make_unique<LanguagePage>(m_translator.get());
            QVERIFY(page->choice() != choice);
            QTest::mouseClick(page->button(choice), Qt::LeftButton);
            QCOMPARE(page->choice(), choice);
        }
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), stored);
        QCOMPARE(LanguagePage::storedChoice(), choice);
        QCOMPARE(LanguagePage::startupLocale().language(), locale.language());

        // The page of the next run starts with the choice.
        LanguagePage next(m_translator.get());
        QCOMPARE(next.choice(), choice);
        QVERIFY(next.button(choice)->isChecked());
    }

    void unknownStoredValueMeansSystem()
    {
        QSettings().setValue(u"ui/language"_s, u"tlh"_s);
        QCOMPARE(LanguagePage::storedChoice(), LanguagePage::Choice::System);
        QCOMPARE(LanguagePage::startupLocale(), QLocale::system());
    }

    void startupLocaleInstallsGerman()
    {
        QSettings().setValue(u"ui/language"_s, u"de"_s);
        QVERIFY(m_translator->install(LanguagePage::startupLocale()));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        QCOMPARE(tabTexts(m_window->followMePage()->callKindTabs()), germanTabs);
    }

    void startupLocaleKeepsEnglish()
    {
        QSettings().setValue(u"ui/language"_s, u"en"_s);
        // English has a translation of its own, for its plural forms only.
        QVERIFY(m_translator->install(LanguagePage::startupLocale()));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        QCOMPARE(tabTexts(m_window->followMePage()->callKindTabs()), englishTabs);
    }

    // Units written out take the right plural form in both languages.
    void pluralForms_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1") << QLocale(QLocale::English) << 1 << u"Reconnecting in 1 second"_s;
        QTest::newRow("en 5") << QLocale(QLocale::English) << 5 << u"Reconnecting in 5 seconds"_s;
        QTest::newRow("de 1") << QLocale(QLocale::German) << 1
                              << u"Neuer Verbindungsversuch in 1 Sekunde"_s;
        QTest::newRow("de 5") << QLocale(QLocale::German) << 5
                              << u"Neuer Verbindungsversuch in 5 Sekunden"_s;
    }
    void pluralForms()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, count);
        QFETCH(QString, expected);
        QVERIFY(m_translator->install(locale));
        QCOMPARE(QCoreApplication::translate("Connection", "Reconnecting in %n second(s)", nullptr,
                                             count),
                 expected);
    }

    void keyboardOnly()
    {
        LanguagePage *page = showWindowWithLanguagePage();
        QTabBar *tabs = m_window->followMePage()->callKindTabs();
        QListWidget *pages = m_window->pageList();
        pages->setCurrentRow(0);
        pages->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(pages->hasFocus());

        // Down in the page list opens the Language page; Tab enters it at the chosen button.
        QTest::keyClick(pages, Qt::Key_Down);
        QCOMPARE(pages->currentRow(), 1);
        QTRY_VERIFY(page->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), page->button(LanguagePage::Choice::System));

        // The arrow keys move through the choices and apply each at once.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), page->button(LanguagePage::Choice::English));
        QCOMPARE(page->choice(), LanguagePage::Choice::English);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(page->choice(), LanguagePage::Choice::German);
        QTRY_COMPARE(tabTexts(tabs), germanTabs);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        QCOMPARE(page->choice(), LanguagePage::Choice::English);
        QTRY_COMPARE(tabTexts(tabs), englishTabs);

        // The mnemonic works from anywhere on the page.
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::AltModifier);
        // (A mnemonic "animates" the click: it comes a moment later.)
        QTRY_COMPARE(page->choice(), LanguagePage::Choice::German);
        QTRY_COMPARE(tabTexts(tabs), germanTabs);
        QCOMPARE(LanguagePage::storedChoice(), LanguagePage::Choice::German);

        // Space on a focused button chooses it too.
        page->button(LanguagePage::Choice::English)->setFocus(Qt::TabFocusReason);
        QTest::keyClick(page->button(LanguagePage::Choice::English), Qt::Key_Space);
        QCOMPARE(page->choice(), LanguagePage::Choice::English);
        QTRY_COMPARE(tabTexts(tabs), englishTabs);
    }

private:
    // A Settings window as the app shows it: FollowMe first, then Language.
    LanguagePage *showWindowWithLanguagePage()
    {
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        auto *page = new LanguagePage(m_translator.get());
        m_window->addPage(QIcon(), page);
        m_window->show();
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("the window did not become active");
        m_window->pageList()->setCurrentRow(1);
        return page;
    }

    std::unique_ptr<Translator> m_translator;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SettingsWindow> m_window;
};

QTEST_MAIN(TestLanguagePage)
#include "tst_languagepage.moc"
