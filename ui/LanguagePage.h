#pragma once

#include <QLocale>
#include <QWidget>

class Translator;

// Settings > Language: System, English or Deutsch, applied at once and remembered.
class LanguagePage : public QWidget
{
    Q_OBJECT

public:
    explicit LanguagePage(Translator *translator, QWidget *parent = nullptr);

    // The language chosen on this page in an earlier run, or the system's.
    static QLocale startupLocale();

private:
    Translator *m_translator;
};
