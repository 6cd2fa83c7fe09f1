#pragma once

#include <QLocale>
#include <QWidget>

class Translator;
class QAbstractButton;
class QButtonGroup;
class QLabel;
class QRadioButton;

// Settings > Language: System, English or Deutsch, applied at once and remembered.
class LanguagePage : public QWidget
{
    Q_OBJECT

public:
    // The page's name in the settings list, also before the page is made.
    static QString title();
    // The choices, also the ids of the radio buttons.
    enum class Choice { System, English, German };
    Q_ENUM(Choice)

    explicit LanguagePage(Translator *translator, QWidget *parent = nullptr);

    // The language chosen on this page in an earlier run, or the system's.
    static QLocale startupLocale();
    // The choice stored in the settings ("ui/language"); System when there is none.
    static Choice storedChoice();

    Choice choice() const;
    // Shows the language at once (through the Translator) and remembers it.
    void choose(Choice choice);
    QAbstractButton *button(Choice choice) const;

signals:
    void choiceChanged(LanguagePage::Choice choice);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void apply(Choice choice);

    Translator *m_translator;
    QLabel *m_title;
    QLabel *m_intro;
    QButtonGroup *m_group;
    QRadioButton *m_system;
    QLabel *m_systemHint;
    QRadioButton *m_english;
    QRadioButton *m_german;
};
