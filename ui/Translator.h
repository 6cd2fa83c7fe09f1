#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

// Puts the application's texts and Qt's own into one language. Installing a new language
// replaces the previous one; widgets then get QEvent::LanguageChange and set their texts again.
class Translator : public QObject
{
    Q_OBJECT

public:
    explicit Translator(QObject *parent = nullptr);
    ~Translator() override;

    // Returns false when FollowMe has no translation for the locale (English is then used).
    // English itself counts as found.
    bool install(const QLocale &locale);
    void uninstall();

private:
    QTranslator m_application;
    QTranslator m_qt;
    bool m_installed = false;
};
