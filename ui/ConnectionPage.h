#pragma once

#include "SyncClient.h"

#include <QTimer>
#include <QWidget>

class CredentialStore;
class QLabel;
class QLineEdit;
class QPushButton;

// Settings > Connection: the server's address, the user's token (kept in the credential
// store), connect and disconnect, and the link's state in words.
class ConnectionPage : public QWidget
{
    Q_OBJECT

public:
    ConnectionPage(SyncClient *client, CredentialStore *credentials, QWidget *parent = nullptr);

    // The account name tokens are stored under.
    static QString tokenAccount(const QUrl &server);
    // The state in one line, for the status bar: "Connected to …", "Reconnecting in 4 s", …
    static QString describe(const SyncClient &client);

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QLabel *stateLabel() const { return m_state; }

signals:
    // The one-line state changed (also every second while waiting to reconnect).
    void statusTextChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void connectClicked();
    void refresh();

    SyncClient *m_client;
    CredentialStore *m_credentials;
    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_serverLabel;
    QLineEdit *m_server;
    QLabel *m_tokenLabel;
    QLineEdit *m_token;
    QLabel *m_tokenNote;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QLabel *m_state;
    QTimer m_countdown;
    bool m_awaitingStoredToken = false;
};
