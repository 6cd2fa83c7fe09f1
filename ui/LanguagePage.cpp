#include "LanguagePage.h"

#include "Translator.h"

LanguagePage::LanguagePage(Translator *translator, QWidget *parent)
    : QWidget(parent)
    , m_translator(translator)
{ }

QLocale LanguagePage::startupLocale()
{
    return QLocale::system();
}
