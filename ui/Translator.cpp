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
    // The .qm files are compiled into the binary by qt_add_translations, under :/i18n.
    const bool found = m_application.load(locale, u"followme"_s, u"_"_s, u":/i18n"_s);
    if (!found)
        return false;
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
