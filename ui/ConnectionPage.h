#pragma once

#include <QWidget>

class Connection;
class QLabel;
class QLineEdit;
class QPushButton;

// Settings > Connection: the server's address, the user's token and where it is kept, connect
// and disconnect, and the link's state with the reason when there is none. It only shows and
// drives the Connection.
class ConnectionPage : public QWidget
{
    Q_OBJECT

public:
    // The page's name in the settings list, also before the page is made.
    static QString title();
    explicit ConnectionPage(Connection *connection, QWidget *parent = nullptr);

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLabel *tokenNote() const { return m_tokenNote; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QLabel *stateLabel() const { return m_state; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void connectClicked();
    void refresh();
    void refreshToken();

    Connection *m_connection;
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
    bool m_askForToken = false; // after Connect, until the token is known to be there or not
};
