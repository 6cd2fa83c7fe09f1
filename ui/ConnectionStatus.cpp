#include "ConnectionStatus.h"

#include "Connection.h"
#include "ElidingLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

ConnectionStatus::ConnectionStatus(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_text(new ElidingLabel(this))
    , m_retry(new QPushButton(this))
{
    m_text->setObjectName(u"connectionStatusText"_s);
    m_text->setMinimumCharacters(12);
    m_text->setMaximumCharacters(90); // "can't be reached" with its countdown, also in German
    m_retry->setObjectName(u"retryNowButton"_s);
    m_retry->setAutoDefault(false);
    m_retry->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The button right after the sentence it acts on, not at the far end of a wide window.
    layout->addWidget(m_text);
    layout->addWidget(m_retry);
    layout->addStretch(1);

    connect(m_retry, &QPushButton::clicked, connection, &Connection::retryNow);
    connect(connection, &Connection::statusChanged, this, &ConnectionStatus::refresh);
    retranslate();
}

void ConnectionStatus::refresh()
{
    m_text->setFullText(m_connection->statusText());
    const bool waiting = m_connection->status() == Connection::Status::WaitingToReconnect;
    m_retry->setVisible(waiting);
}

void ConnectionStatus::retranslate()
{
    m_text->setAccessibleName(tr("Connection state"));
    m_retry->setText(tr("Retry now"));
    m_retry->setToolTip(tr("Try to reach the server at once instead of waiting"));
    refresh();
}

void ConnectionStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
