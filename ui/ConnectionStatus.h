#pragma once

#include <QWidget>

class Connection;
class ElidingLabel;
class QPushButton;

// The connection in the status bar: its one sentence (with the reason while offline) and, only
// while a reconnect is counted down, a "Retry now" button that tries at once.
class ConnectionStatus : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionStatus(Connection *connection, QWidget *parent = nullptr);

    ElidingLabel *textLabel() const { return m_text; }
    QPushButton *retryButton() const { return m_retry; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    Connection *m_connection;
    ElidingLabel *m_text;
    QPushButton *m_retry;
};
