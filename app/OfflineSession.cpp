#include "OfflineSession.h"

#include "Icons.h"
#include "LanguagePage.h"
#include "SettingsCodec.h"
#include "SettingsWindow.h"

#include <QDir>

using namespace Qt::StringLiterals;

OfflineSession::OfflineSession(const QString &path, Translator *translator)
    : m_path(path)
    , m_translator(translator)
    , m_store(path)
{ }

OfflineSession::~OfflineSession()
{
    m_store.flush();
}

std::optional<ValidationError> OfflineSession::open()
{
    ValidationError error;
    const auto settings = SettingsFileStore::load(m_path, &error);
    if (!settings)
        return error;
    if (auto problem = m_document.reset(*settings))
        return problem;
    m_store.watch(&m_document);
    // After the store watches: a switch that fell due while the file was closed is written.
    m_schedule = std::make_unique<ScheduleFollower>(&m_document);
    return std::nullopt;
}

std::optional<QString> OfflineSession::finish()
{
    return m_store.flush();
}

void OfflineSession::show()
{
    m_window = std::make_unique<SettingsWindow>(&m_document);
    // Made when first shown.
    m_window->addPage(Icons::language(), &LanguagePage::title,
                      [this] { return new LanguagePage(m_translator); });
    m_window->setSourceDescription(tr("Offline: %1").arg(QDir::toNativeSeparators(m_path)));
    QObject::connect(&m_store, &SettingsFileStore::saveFailed, m_window.get(),
                     &SettingsWindow::showSaveProblem);
    QObject::connect(&m_store, &SettingsFileStore::saved, m_window.get(),
                     &SettingsWindow::showSaved);
    m_window->show();
}
