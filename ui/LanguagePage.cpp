#include "LanguagePage.h"

#include "Translator.h"
#include "Typography.h"

#include <QButtonGroup>
#include <QEvent>
#include <QLabel>
#include <QRadioButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView settingsKey = u"ui/language";

QString storedValue(LanguagePage::Choice choice)
{
    switch (choice) {
    case LanguagePage::Choice::English:
        return u"en"_s;
    case LanguagePage::Choice::German:
        return u"de"_s;
    case LanguagePage::Choice::System:
        break;
    }
    return u"system"_s;
}

QLocale localeFor(LanguagePage::Choice choice)
{
    switch (choice) {
    case LanguagePage::Choice::English:
        return QLocale(QLocale::English);
    case LanguagePage::Choice::German:
        return QLocale(QLocale::German);
    case LanguagePage::Choice::System:
        break;
    }
    return QLocale::system();
}

} // namespace

LanguagePage::LanguagePage(Translator *translator, QWidget *parent)
    : QWidget(parent)
    , m_translator(translator)
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_group(new QButtonGroup(this))
    , m_system(new QRadioButton(this))
    , m_systemHint(new QLabel(this))
    , m_english(new QRadioButton(this))
    , m_german(new QRadioButton(this))
{
    m_title->setFont(pageTitleFont(m_title->font()));
    m_intro->setWordWrap(true);
    m_systemHint->setWordWrap(true);

    // The hint sits under the System button's text, not under its circle.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, m_system)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, m_system);
    m_systemHint->setContentsMargins(indent, 0, 0, 0);

    m_group->addButton(m_system, int(Choice::System));
    m_group->addButton(m_english, int(Choice::English));
    m_group->addButton(m_german, int(Choice::German));
    m_group->button(int(storedChoice()))->setChecked(true);
    // Clicks, Space and the arrow keys all click; a click applies the language at once.
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { choose(Choice(id)); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addSpacing(fontMetrics().height() / 2);
    // Each button as wide as its text, so a click beside it chooses nothing.
    layout->addWidget(m_system, 0, Qt::AlignLeft);
    layout->addWidget(m_systemHint);
    layout->addWidget(m_english, 0, Qt::AlignLeft);
    layout->addWidget(m_german, 0, Qt::AlignLeft);
    layout->addStretch(1);

    retranslate();
}

QLocale LanguagePage::startupLocale()
{
    return localeFor(storedChoice());
}

LanguagePage::Choice LanguagePage::storedChoice()
{
    const QString value = QSettings().value(settingsKey).toString();
    for (Choice choice : {Choice::English, Choice::German}) {
        if (value == storedValue(choice))
            return choice;
    }
    return Choice::System;
}

LanguagePage::Choice LanguagePage::choice() const
{
    return Choice(m_group->checkedId());
}

void LanguagePage::choose(Choice choice)
{
    const bool changed = choice != storedChoice();
    m_group->button(int(choice))->setChecked(true);
    QSettings().setValue(settingsKey, storedValue(choice));
    apply(choice);
    if (changed)
        emit choiceChanged(choice);
}

QAbstractButton *LanguagePage::button(Choice choice) const
{
    return m_group->button(int(choice));
}

void LanguagePage::apply(Choice choice)
{
    // English too goes through install(): it has plural forms of its own ("1 second").
    // Without a translation for the system's language, install() falls back to English.
    m_translator->install(choice == Choice::English ? QLocale(QLocale::English)
                                                    : localeFor(choice));
}

QString LanguagePage::title()
{
    return tr("Language");
}

void LanguagePage::retranslate()
{
    setWindowTitle(title());
    m_title->setText(windowTitle());
    m_intro->setText(tr("Choose the language FollowMe is shown in. It changes at once and is "
                        "kept for the next start."));
    m_system->setText(tr("&System"));
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    m_systemHint->setText(
        systemLanguage.isEmpty()
            ? tr("The language of your desktop, or English when FollowMe has no translation "
                 "for it.")
            : tr("The language of your desktop (%1), or English when FollowMe has no "
                 "translation for it.")
                  .arg(systemLanguage));
    m_system->setAccessibleDescription(m_systemHint->text());
    //: The language's own name: keep it in English in every translation.
    m_english->setText(tr("&English"));
    //: The language's own name: keep it in German in every translation.
    m_german->setText(tr("&Deutsch"));
    m_system->setAccessibleName(tr("System language"));
}

void LanguagePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
