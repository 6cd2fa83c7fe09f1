#include "Connection.h"

#include "ServerAccount.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcConnection, "followme.connection")

namespace {

// The keys the client has always used: an update keeps the user's server.
const auto serverKey = u"sync/server"_s;
const auto connectKey = u"sync/connect"_s;

} // namespace

Connection::Connection(std::unique_ptr<SyncClient> sync,
                       std::unique_ptr<CredentialStore> credentials, const QUrl &server,
                       const QString &environmentToken, QObject *parent)
    : QObject(parent)
    , m_credentials(std::move(credentials))
    , m_sync(std::move(sync))
    , m_environmentToken(environmentToken)
{
    Q_ASSERT(m_sync && m_credentials);
    const QSettings settings;
    const QUrl saved(settings.value(serverKey).toString());
    m_sync->setServer(server.isEmpty() ? saved : server);
    m_wanted = !server.isEmpty() || settings.value(connectKey, false).toBool();
    if (!m_environmentToken.isEmpty() && !m_sync->server().isEmpty())
        m_environmentAccount = tokenAccount(m_sync->server());

    m_countdown.setInterval(1s);
    connect(&m_countdown, &QTimer::timeout, this, &Connection::statusChanged);
    connect(m_sync.get(), &SyncClient::stateChanged, this, &Connection::onSyncStateChanged);
    connect(m_sync.get(), &SyncClient::pendingEditCountChanged, this, &Connection::statusChanged);
}

Connection::~Connection()
{
    // The SyncClient outlives this object's members by a moment: nothing of it may call back.
    m_sync->disconnect(this);
}

QString Connection::tokenAccount(const QUrl &server)
{
    return ServerAccount::of(server);
}

void Connection::start()
{
    m_sync->restore();
    takeTokenAndConnect();
    emit statusChanged();
}

void Connection::connectTo(const QUrl &server, const QString &typedToken)
{
    m_wanted = true;
    switchTo(server);
    saveSettings();
    if (!typedToken.isEmpty()) {
        const QString account = tokenAccount(server);
        m_tokenProblem.clear();
        useToken(account, typedToken, TokenSource::Storing);
        const quint64 request = ++m_request;
        m_credentials->store(
            account, typedToken, this,
            [this, request](const CredentialStore::Answer &answer) { onStored(request, answer); });
        m_sync->connectToServer();
        return;
    }
    if (m_sync->hasToken()) {
        m_sync->connectToServer();
        return;
    }
    if (m_source != TokenSource::Reading) // else the answer on its way connects
        takeTokenAndConnect();
    emit statusChanged();
}

void Connection::disconnectFromServer()
{
    m_wanted = false;
    saveSettings();
    m_sync->disconnectFromServer();
    emit statusChanged();
}

void Connection::retryNow()
{
    m_sync->retryNow();
}

void Connection::switchTo(const QUrl &server)
{
    if (tokenAccount(server) == tokenAccount(m_sync->server())) {
        m_sync->setServer(server); // the same account, maybe spelt differently
        return;
    }
    ++m_request; // whatever the store still answers was meant for the old server
    m_sync->disconnectFromServer();
    m_sync->setToken({});
    m_sync->setServer(server);
    m_tokenFile.clear();
    m_tokenProblem.clear();
    // A token from the environment without a server is for the first one the user sets.
    if (!m_environmentToken.isEmpty() && m_environmentAccount.isEmpty())
        m_environmentAccount = tokenAccount(server);
    setSource(TokenSource::None);
}

void Connection::takeTokenAndConnect()
{
    if (m_sync->server().isEmpty())
        return;
    const QString account = tokenAccount(m_sync->server());
    if (!m_environmentToken.isEmpty() && account == m_environmentAccount) {
        useToken(account, m_environmentToken, TokenSource::Environment);
        if (m_wanted)
            m_sync->connectToServer();
        return;
    }
    const quint64 request = ++m_request;
    setSource(TokenSource::Reading);
    m_credentials->load(account, this, [this, request](const CredentialStore::Answer &answer) {
        onLoaded(request, answer);
    });
}

bool Connection::isCurrent(quint64 request, const CredentialStore::Answer &answer) const
{
    if (request == m_request && answer.account == tokenAccount(m_sync->server()))
        return true;
    qCInfo(lcConnection) << "dropping a late answer of the credential store for" << answer.account;
    return false;
}

void Connection::onLoaded(quint64 request, const CredentialStore::Answer &answer)
{
    if (!isCurrent(request, answer))
        return;
    m_tokenProblem = answer.error;
    if (!answer.ok() || answer.secret.isEmpty()) {
        setSource(TokenSource::None);
        emit statusChanged();
        return;
    }
    m_tokenFile = answer.location;
    useToken(answer.account, answer.secret,
             answer.place == CredentialStore::Place::File ? TokenSource::File
                                                          : TokenSource::Keychain);
    if (m_wanted)
        m_sync->connectToServer();
    emit statusChanged();
}

void Connection::onStored(quint64 request, const CredentialStore::Answer &answer)
{
    if (!isCurrent(request, answer))
        return;
    m_tokenProblem = answer.error;
    m_tokenFile = answer.location;
    if (!answer.ok())
        setSource(TokenSource::Session);
    else if (answer.place == CredentialStore::Place::File)
        setSource(TokenSource::File);
    else if (answer.place == CredentialStore::Place::Keychain)
        setSource(TokenSource::Keychain);
    else
        setSource(TokenSource::Session);
}

void Connection::useToken(const QString &account, const QString &token, TokenSource source)
{
    // A token belongs to its server: this is the one place that hands one over.
    if (account != tokenAccount(m_sync->server())) {
        qCWarning(lcConnection) << "not giving the token of" << account << "to"
                                << tokenAccount(m_sync->server());
        return;
    }
    m_sync->setToken(token);
    setSource(source);
}

void Connection::setSource(TokenSource source)
{
    m_source = source;
    emit tokenChanged();
}

void Connection::onSyncStateChanged()
{
    if (m_sync->state() == SyncClient::State::WaitingToReconnect)
        m_countdown.start();
    else
        m_countdown.stop();
    emit statusChanged();
}

void Connection::saveSettings() const
{
    QSettings settings;
    if (!m_sync->server().isEmpty())
        settings.setValue(serverKey, m_sync->server().toString());
    settings.setValue(connectKey, m_wanted);
}

Connection::Status Connection::status() const
{
    switch (m_sync->state()) {
    case SyncClient::State::Connected:
        return Status::Connected;
    case SyncClient::State::Connecting:
        return Status::Connecting;
    case SyncClient::State::WaitingToReconnect:
        return Status::WaitingToReconnect;
    case SyncClient::State::Refused:
        return m_sync->problem() == SyncClient::Problem::VersionRefused ? Status::VersionRefused
                                                                        : Status::TokenRefused;
    case SyncClient::State::Offline:
        break;
    }
    if (m_sync->server().isEmpty())
        return Status::NoServer;
    if (m_source == TokenSource::Reading)
        return Status::ReadingToken;
    if (!m_sync->hasToken())
        return Status::NoToken;
    return Status::Disconnected;
}

QString Connection::statusText() const
{
    const QString host = m_sync->server().host();
    const QString problem = m_sync->lastError();
    QString text;
    const Status now = status();
    switch (now) {
    case Status::NoServer:
        text = tr("Offline: no server is set");
        break;
    case Status::NoToken:
        text = tr("Offline: no token for %1").arg(host);
        break;
    case Status::ReadingToken:
        text = tr("Reading the token for %1…").arg(host);
        break;
    case Status::Disconnected:
        text = tr("Offline: disconnected from %1").arg(host);
        break;
    case Status::Connecting:
        text = tr("Connecting to %1…").arg(host);
        break;
    case Status::Connected:
        text = m_sync->userName().isEmpty()
            ? tr("Connected to %1").arg(host)
            : tr("Connected to %1 as %2").arg(host, m_sync->userName());
        break;
    case Status::WaitingToReconnect: {
        // To the nearest second, at least one: a coarse timer may report a little more than
        // its interval ("6 seconds" for 5), and "0 seconds" would read as stuck.
        const auto seconds = std::max<qint64>(1, (m_sync->timeUntilReconnect() + 500ms) / 1000ms);
        if (m_sync->problem() == SyncClient::Problem::MessageRefused)
            // The server is there but said what can't be true: the settings shown are not it.
            text = tr("Offline: FollowMe did not take what %1 sent (%2)").arg(host, problem);
        else if (problem.isEmpty())
            text = tr("Offline: %1 can't be reached").arg(host);
        else
            text = tr("Offline: %1 can't be reached (%2)").arg(host, problem);
        text += u" · "_s + tr("Reconnecting in %n second(s)", nullptr, int(seconds));
        break;
    }
    case Status::TokenRefused:
        text = tr("Offline: %1 refused the token; enter a new one").arg(host);
        break;
    case Status::VersionRefused:
        text = tr("Offline: %1 does not accept this version of FollowMe (%2)").arg(host, problem);
        break;
    }
    if (now != Status::Connected && m_sync->confirmedAt().isValid())
        text += u" · "_s
            + tr("showing cached settings from %1")
                  .arg(QLocale().toString(m_sync->confirmedAt().toLocalTime(),
                                          QLocale::ShortFormat));
    if (m_sync->pendingEditCount() > 0)
        text +=
            u" · "_s + tr("%n change(s) waiting to be sent", nullptr, m_sync->pendingEditCount());
    return text;
}

QString Connection::tokenText() const
{
    switch (m_source) {
    case TokenSource::None:
        if (!m_tokenProblem.isEmpty())
            return tr("The stored token could not be read: %1").arg(m_tokenProblem);
        return tr("No token is stored for this server.");
    case TokenSource::Reading:
        return tr("Reading the stored token…");
    case TokenSource::Storing:
        return tr("Storing the token…");
    case TokenSource::Keychain:
        return tr("Stored in your system's keychain.");
    case TokenSource::File:
        return tr("Stored in a file only you can read: %1 — no keychain is available.")
            .arg(QDir::toNativeSeparators(m_tokenFile));
    case TokenSource::Environment:
        return tr("Taken from the environment (FOLLOWME_TOKEN) for this run only; not stored.");
    case TokenSource::Session:
        if (!m_tokenProblem.isEmpty())
            return tr("The token could not be stored (%1): it is used for this session only.")
                .arg(m_tokenProblem);
        return tr("Kept in memory for this session only.");
    }
    return {};
}
