#include "ClientSession.h"

#include "ChangesPage.h"
#include "Connection.h"
#include "ConnectionPage.h"
#include "ConnectionStatus.h"
#include "FirstSettingsWait.h"
#include "FollowMePage.h"
#include "Icons.h"
#include "KeychainCredentialStore.h"
#include "LanguagePage.h"
#include "SettingsWindow.h"
#include "SyncClient.h"

#include <QListWidget>
#include <QStandardPaths>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &name)
{
    // The folder is made by UserFolders at start, or by the first write.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + name;
}

} // namespace

ClientSession::ClientSession(Translator *translator, const QUrl &server, const QString &token,
                             QObject *parent)
    : QObject(parent)
    , m_translator(translator)
{
    m_connection = std::make_unique<Connection>(
        std::make_unique<SyncClient>(&m_document, dataFile(u"outbox.json"_s),
                                     dataFile(u"snapshot-cache.json"_s)),
        std::make_unique<KeychainCredentialStore>(), server, token);
}

ClientSession::~ClientSession() = default;

SyncClient *ClientSession::syncClient() const
{
    return m_connection->syncClient();
}

void ClientSession::start()
{
    // The first snapshot may bring notices (what the administrator changed since the cache,
    // edits that can't apply any more) before there is a window: they wait for it.
    connect(m_connection->syncClient(), &SyncClient::notice, this, [this](const QString &text) {
        if (m_window)
            m_window->showNotice(text);
        else
            m_earlyNotices.append(text);
    });
    m_connection->start();
    m_firstSettings =
        std::make_unique<FirstSettingsWait>(m_connection->syncClient(), m_firstSettingsDeadline);
    connect(m_firstSettings.get(), &FirstSettingsWait::ready, this, &ClientSession::openWindow);
    m_firstSettings->start();
}

void ClientSession::openWindow()
{
    m_window = std::make_unique<SettingsWindow>(&m_document);
    // Made when first shown.
    m_window->addPage(Icons::connection(), &ConnectionPage::title,
                      [this] { return new ConnectionPage(m_connection.get()); });
    m_window->addPage(Icons::changes(), &ChangesPage::title, [this] {
        return new ChangesPage(m_connection->syncClient()->changeHistory(), &m_document);
    });
    m_window->addPage(Icons::language(), &LanguagePage::title,
                      [this] { return new LanguagePage(m_translator); });
    m_window->setSourceWidget(new ConnectionStatus(m_connection.get()));
    // Settings are known once the server (or the cache of it) has given some.
    const auto showKnown = [this] {
        m_window->followMePage()->setSettingsKnown(
            m_connection->syncClient()->confirmedAt().isValid());
    };
    connect(m_connection.get(), &Connection::statusChanged, m_window.get(), showKnown);
    connect(&m_document, &SettingsDocument::settingsReset, m_window.get(), showKnown);
    showKnown();
    // Nothing to show yet: the first thing to do is to connect.
    if (m_document.settings().devices.isEmpty() && !m_connection->wantsConnection())
        m_window->pageList()->setCurrentRow(1);
    m_window->show();
    for (const QString &text : std::exchange(m_earlyNotices, {}))
        m_window->showNotice(text);
    emit windowOpened();
}
