#include "ConnectionPage.h"

#include "CredentialStore.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

ConnectionPage::ConnectionPage(SyncClient *client, CredentialStore *credentials, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_credentials(credentials)
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
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    m_title->setFont(titleFont);
    m_intro->setWordWrap(true);
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setForegroundRole(QPalette::PlaceholderText);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_server->setText(client->server().toString());
    m_server->setPlaceholderText(u"ws://127.0.0.1:8765/"_s);
    m_server->setClearButtonEnabled(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_serverLabel->setBuddy(m_server);
    m_tokenLabel->setBuddy(m_token);
    m_connect->setDefault(true);

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
    connect(m_disconnect, &QPushButton::clicked, this, [this] {
        QSettings().setValue(u"sync/connect"_s, false);
        m_client->disconnectFromServer();
    });
    connect(client, &SyncClient::stateChanged, this, &ConnectionPage::refresh);
    connect(client, &SyncClient::pendingEditCountChanged, this, &ConnectionPage::refresh);
    // The stored token of a server the user just switched to: connect once it is there.
    connect(credentials, &CredentialStore::loaded, this,
            [this](const QString &account, const QString &secret) {
                if (!m_awaitingStoredToken || account != tokenAccount(m_client->server()))
                    return;
                m_awaitingStoredToken = false;
                if (secret.isEmpty()) {
                    m_state->setText(tr("Enter your token for this server to connect."));
                    m_token->setFocus();
                    return;
                }
                m_client->setToken(secret);
                m_client->connectToServer();
            });
    connect(credentials, &CredentialStore::failed, this,
            [this](const QString &, const QString &reason) {
                m_tokenNote->setText(tr("The token could not be stored: %1").arg(reason));
            });
    m_countdown.setInterval(1s);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionPage::refresh);

    retranslate();
}

QString ConnectionPage::tokenAccount(const QUrl &server)
{
    return server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QString ConnectionPage::describe(const SyncClient &client)
{
    const QString host = client.server().host();
    QString text;
    switch (client.state()) {
    case SyncClient::State::Connected:
        text = client.userName().isEmpty()
            ? tr("Connected to %1").arg(host)
            : tr("Connected to %1 as %2").arg(host, client.userName());
        break;
    case SyncClient::State::Connecting:
        text = tr("Connecting to %1…").arg(host);
        break;
    case SyncClient::State::WaitingToReconnect: {
        const auto seconds = (client.timeUntilReconnect() + 999ms) / 1000ms;
        text = tr("Reconnecting in %n second(s)", nullptr, int(seconds));
        break;
    }
    case SyncClient::State::Refused:
        text = tr("Not connected: %1").arg(client.lastError());
        break;
    case SyncClient::State::Offline:
        text = tr("Offline");
        break;
    }
    if (client.state() != SyncClient::State::Connected && client.confirmedAt().isValid())
        text += u" · "_s
            + tr("showing cached settings from %1")
                  .arg(
                      QLocale().toString(client.confirmedAt().toLocalTime(), QLocale::ShortFormat));
    if (client.pendingEditCount() > 0)
        text +=
            u" · "_s + tr("%n change(s) waiting to be sent", nullptr, client.pendingEditCount());
    return text;
}

void ConnectionPage::connectClicked()
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss")) {
        m_state->setText(tr("The server address must start with ws:// or wss://"));
        m_server->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(u"sync/server"_s, url.toString());
    settings.setValue(u"sync/connect"_s, true);
    // A token belongs to its server: never send one server's token to another.
    const bool otherServer = tokenAccount(url) != tokenAccount(m_client->server());
    m_client->setServer(url);
    if (otherServer && m_token->text().isEmpty()) {
        m_client->setToken({});
        m_awaitingStoredToken = true;
        m_credentials->load(tokenAccount(url));
        return;
    }
    if (!m_token->text().isEmpty()) {
        m_client->setToken(m_token->text());
        m_credentials->store(tokenAccount(url), m_token->text());
        m_token->clear(); // stored; the field is only for entering a new one
    }
    if (!m_client->hasToken()) {
        m_state->setText(tr("Enter your token to connect."));
        m_token->setFocus();
        return;
    }
    m_client->connectToServer();
}

void ConnectionPage::refresh()
{
    const SyncClient::State state = m_client->state();
    const bool linked = state == SyncClient::State::Connected
        || state == SyncClient::State::Connecting || state == SyncClient::State::WaitingToReconnect;
    m_disconnect->setEnabled(linked);
    m_connect->setEnabled(state != SyncClient::State::Connected);
    if (state == SyncClient::State::WaitingToReconnect)
        m_countdown.start();
    else
        m_countdown.stop();

    m_token->setPlaceholderText(m_client->hasToken() ? tr("Stored — type to replace")
                                                     : tr("Your access token"));
    QString text = describe(*m_client);
    if (state != SyncClient::State::Connected && !m_client->lastError().isEmpty()
        && state != SyncClient::State::Refused)
        text += u'\n' + tr("Last problem: %1").arg(m_client->lastError());
    m_state->setText(text);
    emit statusTextChanged(describe(*m_client));
}

void ConnectionPage::retranslate()
{
    setWindowTitle(tr("Connection"));
    m_title->setText(windowTitle());
    m_intro->setText(tr("FollowMe keeps your settings on your phone system's server and shows "
                        "changes made elsewhere at once. Without a connection you see the "
                        "settings as last received, and your changes are sent when the "
                        "connection is back."));
    m_serverLabel->setText(tr("&Server:"));
    m_tokenLabel->setText(tr("&Token:"));
    m_server->setAccessibleName(tr("Server address"));
    m_token->setAccessibleName(tr("Access token"));
    m_tokenNote->setText(tr("Your token is %1.").arg(m_credentials->description()));
    m_connect->setText(tr("&Connect"));
    m_disconnect->setText(tr("&Disconnect"));
    m_state->setAccessibleName(tr("Connection state"));
    refresh();
}

void ConnectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
