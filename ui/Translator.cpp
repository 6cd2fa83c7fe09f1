#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>

using namespace Qt::StringLiterals;

Translator::Translator(QObject *parent)
    : QObject(parent)
{ }

Translator::~Translator()
{
    uninstall();
}

bool Translator::install(const QLocale &locale)
{
    uninstall();
    // The .qm files are compiled into the binary by qt_add_translations, under :/i18n. English
    // has one too, holding only the plural forms ("1 second", "5 seconds"); it is also the
    // fallback for a language FollowMe has no translation for.
    const bool found = m_application.load(locale, u"followme"_s, u"_"_s, u":/i18n"_s);
    if (!found) {
        if (m_application.load(u"followme_en"_s, u":/i18n"_s)) {
            QCoreApplication::installTranslator(&m_application);
            m_installed = true;
        }
        return locale.language() == QLocale::English;
    }
    if (m_qt.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QCoreApplication::installTranslator(&m_application);
    m_installed = true;
    return true;
}

void Translator::uninstall()
{
    if (!m_installed)
        return;
    QCoreApplication::removeTranslator(&m_application);
    QCoreApplication::removeTranslator(&m_qt);
    m_installed = false;
}
