#include "ConnectionPage.h"

#include "Connection.h"
#include "Typography.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConnectionPage::ConnectionPage(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_tokenLabel(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_tokenNote(new QLabel(this))
    , m_connect(new QPushButton(this))
    , m_disconnect(new QPushButton(this))
    , m_state(new QLabel(this))
{
    m_title->setFont(pageTitleFont(m_title->font()));
    m_intro->setWordWrap(true);
    m_tokenNote->setObjectName(u"tokenNote"_s);
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setTextInteractionFlags(Qt::TextSelectableByMouse); // the file's path
    m_state->setObjectName(u"connectionState"_s);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_server->setObjectName(u"serverEdit"_s);
    m_server->setText(connection->server().toString());
    m_server->setPlaceholderText(u"ws://127.0.0.1:8765/"_s);
    m_server->setClearButtonEnabled(true);
    m_token->setObjectName(u"tokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_serverLabel->setBuddy(m_server);
    m_tokenLabel->setBuddy(m_token);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    m_disconnect->setObjectName(u"disconnectButton"_s);

    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_tokenLabel, m_token);
    form->addRow(QString(), m_tokenNote);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_state);
    layout->addStretch(1);

    connect(m_connect, &QPushButton::clicked, this, &ConnectionPage::connectClicked);
    connect(m_token, &QLineEdit::returnPressed, this, &ConnectionPage::connectClicked);
    connect(m_server, &QLineEdit::textChanged, this, &ConnectionPage::refresh);
    connect(m_token, &QLineEdit::textChanged, this, &ConnectionPage::refresh);
    connect(m_disconnect, &QPushButton::clicked, connection, &Connection::disconnectFromServer);
    connect(connection, &Connection::statusChanged, this, &ConnectionPage::refresh);
    connect(connection, &Connection::tokenChanged, this, &ConnectionPage::refreshToken);

    retranslate();
}

void ConnectionPage::connectClicked()
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
        m_state->setText(tr("The server address must start with ws:// or wss://"));
        m_server->setFocus();
        return;
    }
    const QString typed = m_token->text();
    m_token->clear(); // the field is only for entering a new one
    m_connection->connectTo(url, typed);
    if (m_connection->status() == Connection::Status::NoToken)
        m_token->setFocus();
    // Still reading: once the answer says there is none.
    m_askForToken = m_connection->status() == Connection::Status::ReadingToken;
}

void ConnectionPage::refresh()
{
    const Connection::Status status = m_connection->status();
    const bool linked = status == Connection::Status::Connected
        || status == Connection::Status::Connecting
        || status == Connection::Status::WaitingToReconnect
        || (status == Connection::Status::ReadingToken && m_connection->wantsConnection());
    m_disconnect->setEnabled(linked);
    // Connected: only another server or a new token is something to connect with.
    const bool changed = !m_token->text().isEmpty()
        || Connection::tokenAccount(QUrl::fromUserInput(m_server->text().trimmed()))
            != Connection::tokenAccount(m_connection->server());
    m_connect->setEnabled(status != Connection::Status::Connected || changed);
    m_state->setText(m_connection->statusText());
    // Connect found no token for this server: the next thing to do is to type one.
    if (m_askForToken && status != Connection::Status::ReadingToken) {
        m_askForToken = false;
        if (status == Connection::Status::NoToken)
            m_token->setFocus();
    }
}

void ConnectionPage::refreshToken()
{
    using Source = Connection::TokenSource;
    const Source source = m_connection->tokenSource();
    m_token->setPlaceholderText(
        source == Source::Keychain || source == Source::File ? tr("Stored — type to replace")
            : m_connection->hasToken()                       ? tr("Type a new token to replace it")
                                                             : tr("Your access token"));
    m_tokenNote->setText(m_connection->tokenText());
    // A failure must read as one, not as a quiet note.
    const bool failed = !m_connection->tokenProblem().isEmpty();
    m_tokenNote->setForegroundRole(failed ? QPalette::WindowText : QPalette::PlaceholderText);
    QFont font = m_tokenNote->font();
    font.setBold(failed);
    m_tokenNote->setFont(font);
}

QString ConnectionPage::title()
{
    return tr("Connection");
}

void ConnectionPage::retranslate()
{
    setWindowTitle(title());
    m_title->setText(windowTitle());
    m_intro->setText(tr("FollowMe keeps your settings on your phone system's server and shows "
                        "changes made elsewhere at once. Without a connection you see the "
                        "settings as last received, and your changes are sent when the "
                        "connection is back."));
    m_serverLabel->setText(tr("&Server:"));
    m_tokenLabel->setText(tr("&Token:"));
    m_server->setAccessibleName(tr("Server address"));
    m_token->setAccessibleName(tr("Access token"));
    m_tokenNote->setAccessibleName(tr("Where the token is kept"));
    m_connect->setText(tr("&Connect"));
    m_disconnect->setText(tr("&Disconnect"));
    m_state->setAccessibleName(tr("Connection state"));
    refreshToken();
    refresh();
}

void ConnectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
