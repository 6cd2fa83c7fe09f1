#pragma once

#include "ReconnectPolicy.h"
#include "SyncLink.h"
#include "SyncState.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>

class SettingsDocument;

// Keeps a SettingsDocument in step with the server (docs/protocol.md): a thin owner of the link
// (SyncLink: socket, hello, keepalive, backoff) and the state (SyncState: confirmed settings,
// outbox, what is shown), wired so that the link's messages reach the state and the state's
// unsent edits go out on the link once it is up. The user's edits show at once, wait in a
// persistent outbox (marked pending) until the server acknowledges them, and are rolled back
// with a notice when it refuses them. A message the state can't take (SyncState::resyncNeeded)
// ends the link for a fresh snapshot (SyncLink::resync); the outbox goes out again on the next.
class SyncClient : public QObject
{
    Q_OBJECT

public:
    using State = SyncLink::State;
    using Problem = SyncLink::Problem;
    using Clock = SyncState::Clock;

    SyncClient(SettingsDocument *document, const QString &outboxPath, const QString &cachePath,
               QObject *parent = nullptr);
    ~SyncClient() override;

    // Shows the cached snapshot and the unsent edits from the last run, before any connection.
    void restore() { m_state.restore(); }

    // A different server drops the unsent edits meant for the old one, with a notice.
    void setServer(const QUrl &url);
    QUrl server() const { return m_link.server(); }
    void setToken(const QString &token) { m_link.setToken(token); }
    bool hasToken() const { return m_link.hasToken(); }

    void connectToServer() { m_link.connectToServer(); }
    void disconnectFromServer() { m_link.disconnectFromServer(); }
    // While WaitingToReconnect: tries at once instead of waiting out the backoff.
    void retryNow() { m_link.retryNow(); }

    State state() const { return m_link.state(); }
    Problem problem() const { return m_link.problem(); }
    QString lastError() const { return m_link.lastError(); }
    // While WaitingToReconnect: how long until the next attempt.
    std::chrono::milliseconds timeUntilReconnect() const { return m_link.timeUntilReconnect(); }
    // When the shown settings last came from the server (from the cache when offline).
    QDateTime confirmedAt() const { return m_state.confirmedAt(); }
    QString userName() const { return m_state.userName(); }
    qint64 revision() const { return m_state.revision(); }
    int pendingEditCount() const { return m_state.pendingEditCount(); }
    // The latest changes made by others, for the page that lists them.
    const ChangeHistory *changeHistory() const { return &m_state.changeHistory(); }

    // The parts, for tests and diagnostics.
    const SyncLink &link() const { return m_link; }
    const SyncState &syncState() const { return m_state; }

    // Seams for tests: time, backoff, keepalive and how long edits are held to merge.
    void setClock(Clock clock);
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_link.setReconnectPolicy(policy); }
    void setKeepalive(std::chrono::milliseconds interval, std::chrono::milliseconds timeout)
    {
        m_link.setKeepalive(interval, timeout);
    }
    void setSendDelay(std::chrono::milliseconds delay) { m_state.setSendDelay(delay); }

signals:
    void stateChanged(SyncClient::State state);
    // An edit was refused or could not be applied any more and was undone, says which and why;
    // or the administrator changed the user's devices (one notice per change, newest last).
    void notice(const QString &message);
    void pendingEditCountChanged(int count);

private:
    void onLinkStateChanged(State state);
    void sendUnsent();

    // The state first: the link is destroyed before it, so no message reaches a dead state.
    SyncState m_state;
    SyncLink m_link;
};
