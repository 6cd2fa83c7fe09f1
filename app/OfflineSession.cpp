#include "OfflineSession.h"

#include "LanguagePage.h"
#include "SettingsCodec.h"
#include "SettingsWindow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

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

QString OfflineSession::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + u"/followme-settings.json"_s;
}

std::optional<QString> OfflineSession::seedFromDemo(const QString &path)
{
    if (QFileInfo::exists(path))
        return std::nullopt;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile demo(u":/demo/demo-settings.json"_s);
    if (!demo.open(QIODevice::ReadOnly))
        return tr("the demo data is missing from this build");
    const auto settings = SettingsCodec::decode(demo.readAll());
    if (!settings)
        return tr("the demo data in this build is invalid");
    return SettingsFileStore::save(path, *settings);
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
    return std::nullopt;
}

void OfflineSession::show()
{
    m_window = std::make_unique<SettingsWindow>(&m_document);
    m_window->addPage(QIcon(), new LanguagePage(m_translator));
    m_window->setSourceDescription(tr("Offline: %1").arg(QDir::toNativeSeparators(m_path)));
    QObject::connect(&m_store, &SettingsFileStore::saveFailed, m_window.get(),
                     &SettingsWindow::showSaveProblem);
    QObject::connect(&m_store, &SettingsFileStore::saved, m_window.get(),
                     &SettingsWindow::showSaved);
    m_window->show();
}
