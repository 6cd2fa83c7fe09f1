#pragma once

#include "CredentialStore.h"
#include "SyncClient.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

// The one owner of the link to the server: the SyncClient, the CredentialStore and the
// connection settings (the server, whether to connect, where the token came from). The page and
// the status bar only show and drive it.
//
// A token belongs to its server (tokenAccount()): it is only ever handed to the SyncClient for
// the server it was stored, typed or given for, and an answer of the credential store for any
// other than the current request is dropped. Switching to a server loads its token first and
// only then opens a socket.
class Connection : public QObject
{
    Q_OBJECT

public:
    // Where the link stands, with the reason when there is none.
    enum class Status {
        NoServer, // no server address yet
        NoToken, // no token for this server
        ReadingToken, // the credential store has not answered yet
        Disconnected, // everything is there, but the user disconnected
        Connecting,
        Connected,
        WaitingToReconnect, // the server can't be reached; the next attempt is counted down
        TokenRefused, // only a new token helps
        VersionRefused, // only another client or server helps
    };
    Q_ENUM(Status)

    // Where the token in use came from.
    enum class TokenSource {
        None,
        Reading, // being read from the credential store
        Storing, // typed, being stored
        Keychain, // the platform's credential store
        File, // the fallback file (tokenFile())
        Environment, // FOLLOWME_TOKEN: this run only, never stored
        Session, // typed, but could not be stored (tokenProblem()): this session only
    };
    Q_ENUM(TokenSource)

    // `server` and `environmentToken` (command line, FOLLOWME_TOKEN) win over the saved ones;
    // such a token belongs to the server it was given with and is never stored.
    Connection(std::unique_ptr<SyncClient> sync, std::unique_ptr<CredentialStore> credentials,
               const QUrl &server = {}, const QString &environmentToken = {},
               QObject *parent = nullptr);
    ~Connection() override;

    // The account name a server's token is stored under.
    static QString tokenAccount(const QUrl &server);

    // Shows the cached settings, then reads the token and connects if the user wanted to.
    void start();

    // Connects to `server`: with `typedToken` (stored for that server) or, if empty, the token
    // that belongs to it. Saves the server and that the user wants to be connected.
    void connectTo(const QUrl &server, const QString &typedToken = {});
    void disconnectFromServer();
    // While WaitingToReconnect: tries at once.
    void retryNow();

    SyncClient *syncClient() const { return m_sync.get(); }
    QUrl server() const { return m_sync->server(); }
    // Whether the user wants a link (saved across runs).
    bool wantsConnection() const { return m_wanted; }

    Status status() const;
    // One sentence for the status bar and the Connection page, with the reason when offline.
    QString statusText() const;

    TokenSource tokenSource() const { return m_source; }
    bool hasToken() const { return m_sync->hasToken(); }
    // Source File: the file's path.
    QString tokenFile() const { return m_tokenFile; }
    // Why the token could not be stored (source Session) or read (source None); else empty.
    QString tokenProblem() const { return m_tokenProblem; }
    // Where the token is, in one sentence for the Connection page.
    QString tokenText() const;

signals:
    // status() or statusText() changed; every second too while the reconnect is counted down.
    void statusChanged();
    // tokenSource() or tokenText() changed.
    void tokenChanged();

private:
    // Makes `server` current; a different one ends the old link and forgets the old token.
    void switchTo(const QUrl &server);
    // Puts the token that belongs to the current server into the SyncClient, reading it first
    // when needed, then connects if wanted.
    void takeTokenAndConnect();
    void onLoaded(quint64 request, const CredentialStore::Answer &answer);
    void onStored(quint64 request, const CredentialStore::Answer &answer);
    // The only place a token reaches the SyncClient.
    void useToken(const QString &account, const QString &token, TokenSource source);
    void setSource(TokenSource source);
    void onSyncStateChanged();
    void saveSettings() const;
    // Answers from before the last switch, store or read are not for us any more.
    bool isCurrent(quint64 request, const CredentialStore::Answer &answer) const;

    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<SyncClient> m_sync;
    QString m_environmentAccount; // the server FOLLOWME_TOKEN was given for
    QString m_environmentToken;
    bool m_wanted = false;
    // Answers of earlier requests are dropped: only the latest one is waited for.
    quint64 m_request = 0;
    TokenSource m_source = TokenSource::None;
    QString m_tokenFile;
    QString m_tokenProblem;
    QTimer m_countdown;
};
