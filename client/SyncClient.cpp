#include "SyncClient.h"

SyncClient::SyncClient(SettingsDocument *document, const QString &outboxPath,
                       const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_state(document, outboxPath, cachePath)
{
    connect(&m_link, &SyncLink::received, &m_state, &SyncState::receive);
    connect(&m_link, &SyncLink::stateChanged, this, &SyncClient::onLinkStateChanged);
    connect(&m_state, &SyncState::readyToSend, this, &SyncClient::sendUnsent);
    connect(&m_state, &SyncState::resyncNeeded, &m_link, &SyncLink::resync);
    connect(&m_state, &SyncState::notice, this, &SyncClient::notice);
    connect(&m_state, &SyncState::pendingEditCountChanged, this,
            &SyncClient::pendingEditCountChanged);
}

SyncClient::~SyncClient() = default;

void SyncClient::setServer(const QUrl &url)
{
    m_state.setServer(url);
    m_link.setServer(url);
}

void SyncClient::setClock(Clock clock)
{
    m_state.setClock(clock);
    m_link.setClock(std::move(clock));
}

void SyncClient::onLinkStateChanged(State state)
{
    // The link's snapshot comes before Connected: in any other state there is none yet.
    if (state != State::Connected)
        m_state.awaitSnapshot();
    emit stateChanged(state);
    // A new link: everything in the outbox goes (again); the server ignores ids it committed.
    if (state == State::Connected) {
        m_state.markAllUnsent();
        sendUnsent();
    }
}

void SyncClient::sendUnsent()
{
    if (m_link.state() != State::Connected)
        return;
    for (const ClientMessage &message : m_state.takeUnsent())
        m_link.send(message);
}
