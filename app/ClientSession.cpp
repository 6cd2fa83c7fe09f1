#include "ClientSession.h"

#include "ConnectionPage.h"
#include "FollowMePage.h"
#include "Icons.h"
#include "KeychainCredentialStore.h"
#include "LanguagePage.h"
#include "MemoryCredentialStore.h"
#include "SettingsWindow.h"
#include "SyncClient.h"

#include <QDir>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &name)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

} // namespace

ClientSession::ClientSession(Translator *translator, const QUrl &server, const QString &token,
                             QObject *parent)
    : QObject(parent)
    , m_translator(translator)
{
    if (token.isEmpty())
        m_credentials = std::make_unique<KeychainCredentialStore>();
    else
        m_credentials = std::make_unique<MemoryCredentialStore>();

    m_sync = std::make_unique<SyncClient>(&m_document, dataFile(u"outbox.json"_s),
                                          dataFile(u"snapshot-cache.json"_s));
    QSettings settings;
    const QUrl saved(settings.value(u"sync/server"_s).toString());
    m_sync->setServer(server.isEmpty() ? saved : server);
    m_connectOnStart = !server.isEmpty() || settings.value(u"sync/connect"_s, false).toBool();
    if (!token.isEmpty())
        m_sync->setToken(token);
    connect(m_credentials.get(), &CredentialStore::loaded, this, &ClientSession::onTokenLoaded);
}

ClientSession::~ClientSession() = default;

void ClientSession::start()
{
    m_window = std::make_unique<SettingsWindow>(&m_document);
    auto *connection = new ConnectionPage(m_sync.get(), m_credentials.get());
    m_window->addPage(Icons::connection(), connection);
    m_window->addPage(Icons::language(), new LanguagePage(m_translator));
    connect(connection, &ConnectionPage::statusTextChanged, m_window.get(),
            &SettingsWindow::setSourceDescription);
    connect(m_sync.get(), &SyncClient::notice, m_window.get(), &SettingsWindow::showNotice);

    m_sync->restore();
    m_window->setSourceDescription(ConnectionPage::describe(*m_sync));
    // Nothing to show yet: the first thing to do is to connect.
    if (m_document.settings().devices.isEmpty() && !m_connectOnStart)
        m_window->pageList()->setCurrentRow(1);
    m_window->show();

    if (m_sync->hasToken()) {
        if (m_connectOnStart)
            m_sync->connectToServer();
    } else if (!m_sync->server().isEmpty()) {
        m_credentials->load(ConnectionPage::tokenAccount(m_sync->server()));
    }
}

void ClientSession::onTokenLoaded(const QString &, const QString &token)
{
    if (token.isEmpty())
        return;
    m_sync->setToken(token);
    if (m_connectOnStart)
        m_sync->connectToServer();
}
