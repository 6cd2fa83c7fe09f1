#include "SyncLink.h"

#include "Protocol.h"
#include "RefusalText.h"
#include "WebSocketClient.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcLink, "followme.sync.link")

SyncLink::SyncLink(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_keepaliveTimer.setInterval(10s);
    m_pongDeadline.setSingleShot(true);
    m_pongDeadline.setInterval(10s);
    m_helloDeadline.setSingleShot(true);
    m_helloDeadline.setInterval(10s);
    m_reconnectTimer.setSingleShot(true);
    // A coarse timer may be set to fire up to 5 % late, so the countdown the status bar shows
    // would start above the backoff ("2 seconds" for 1 s). One precise timer costs nothing.
    m_reconnectTimer.setTimerType(Qt::PreciseTimer);

    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SyncLink::sendKeepalive);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcLink) << "no pong in time: the link is dead";
        m_lastError = tr("The server stopped answering.");
        linkLost();
    });
    connect(&m_helloDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcLink) << "no snapshot in time after the hello";
        m_lastError = tr("The server did not answer.");
        linkLost();
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncLink::openSocket);
}

SyncLink::~SyncLink()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SyncLink::setKeepalive(std::chrono::milliseconds interval, std::chrono::milliseconds timeout)
{
    m_keepaliveTimer.setInterval(interval);
    m_pongDeadline.setInterval(timeout);
    m_helloDeadline.setInterval(timeout);
}

std::chrono::milliseconds SyncLink::timeUntilReconnect() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTimeAsDuration() : 0ms;
}

void SyncLink::connectToServer()
{
    m_wanted = true;
    m_failures = 0;
    m_reconnectTimer.stop();
    if (!m_url.isValid() || m_url.isEmpty() || m_token.isEmpty()) {
        m_lastError = tr("Enter the server address and your token to connect.");
        m_problem = Problem::MissingServerOrToken;
        setState(State::Offline);
        return;
    }
    openSocket();
}

void SyncLink::retryNow()
{
    if (m_state != State::WaitingToReconnect)
        return;
    // Only the wait is skipped: the failures so far still count, the problem stays until a link
    // is up.
    m_reconnectTimer.stop();
    openSocket();
}

void SyncLink::disconnectFromServer()
{
    m_wanted = false;
    m_problem = Problem::None;
    m_reconnectTimer.stop();
    endLink(LinkEnd::Close);
    setState(State::Offline);
}

bool SyncLink::send(const ClientMessage &message)
{
    if (m_state != State::Connected || !m_socket)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(message.encode()));
    return true;
}

void SyncLink::resync(const QString &reason)
{
    if (!m_socket)
        return;
    qCInfo(lcLink) << "ending the link for a fresh snapshot";
    m_lastError = reason;
    endLink(LinkEnd::Close);
    // With the backoff: a server that says the same again on every link must not get a tight
    // loop of them. A link that stayed up stableAfter() starts again from the first delay.
    if (m_wanted)
        scheduleReconnect(Problem::MessageRefused);
    else
        setState(State::Offline);
}

void SyncLink::endLink(LinkEnd how)
{
    m_keepaliveTimer.stop();
    m_pongDeadline.stop();
    m_helloDeadline.stop();
    // A link that stayed up long enough proves the server healthy: the next outage starts the
    // backoff from the beginning. Measured when the link ends rather than by a timer that any
    // shorter link cancels, so no outage inherits the failures of older ones.
    if (m_upSince.isValid()) {
        const auto upFor = std::chrono::milliseconds(m_upSince.msecsTo(m_clock()));
        if (upFor >= m_policy.stableAfter())
            m_failures = 0;
        m_upSince = QDateTime();
    }
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    if (how == LinkEnd::Close)
        m_socket->close();
    else
        m_socket->abort();
    m_socket.release()->deleteLater();
}

void SyncLink::openSocket()
{
    endLink(LinkEnd::Abort);
    m_socket = std::make_unique<WebSocketClient>();
    connect(m_socket.get(), &WebSocketClient::connected, this, &SyncLink::onConnected);
    connect(m_socket.get(), &WebSocketClient::textMessageReceived, this, &SyncLink::onTextMessage);
    connect(m_socket.get(), &WebSocketClient::disconnected, this, &SyncLink::onDisconnected);
    connect(m_socket.get(), &WebSocketClient::errorOccurred, this, &SyncLink::onSocketError);
    connect(m_socket.get(), &WebSocketClient::pong, &m_pongDeadline, &QTimer::stop);

    setState(State::Connecting);
    m_socket->open(m_url);
}

void SyncLink::onConnected()
{
    m_socket->sendTextMessage(QString::fromUtf8(
        ClientMessage::hello(m_token, u"FollowMe/"_s + QStringLiteral(FOLLOWME_VERSION)).encode()));
    m_keepaliveTimer.start();
    m_helloDeadline.start();
}

void SyncLink::onTextMessage(const QString &text)
{
    ProtocolError error;
    const auto message = ServerMessage::decode(text.toUtf8(), &error);
    if (!message) {
        // Section 8: a later server may push types this client doesn't know. Skipping one may
        // leave a revision gap, which the next push shows (and SyncState resyncs then).
        if (error.code == Protocol::ErrorCode::Unsupported && m_state == State::Connected) {
            qCInfo(lcLink) << "ignoring a message:" << error.message;
            return;
        }
        qCWarning(lcLink) << "a message from the server can't be read:" << error.message;
        // Before the snapshot this is no server to stay with; after it, whatever the message
        // changed is missing from the state.
        resync(error.message);
        return;
    }
    // Before the snapshot an error can only be the answer to the hello (which may carry an id,
    // §3.1): about the link, and followed by the close code that says whether to come back.
    if (message->type == ServerMessage::Type::Error
        && (message->requestId.isEmpty() || m_state != State::Connected)) {
        // About the link, not an edit. The server's text is English prose: for the log only.
        qCInfo(lcLink) << "the server reports:" << Protocol::errorKey(message->error.code)
                       << message->error.message;
        if (m_state != State::Connected)
            m_lastError = RefusalText::connection(message->error.code);
        return;
    }
    emit received(*message);
    // The snapshot answers the hello: only now is the link up. It was handed on first, so the
    // settings are in place before anyone hears of the link.
    if (message->type == ServerMessage::Type::Snapshot && m_state == State::Connecting
        && m_socket) {
        m_helloDeadline.stop();
        m_lastError.clear();
        m_problem = Problem::None;
        m_upSince = m_clock();
        setState(State::Connected);
    }
}

void SyncLink::onDisconnected()
{
    if (!m_socket)
        return;
    const quint16 code = m_socket->closeCode();
    qCInfo(lcLink) << "disconnected, close code" << code << m_socket->closeReason();
    if (!Protocol::mayReconnectAfter(code)) {
        // No loop after a refused token: only the user can change something.
        m_wanted = false;
        endLink(LinkEnd::Abort);
        if (m_lastError.isEmpty() || code == Protocol::CloseUnauthorized)
            m_lastError = RefusalText::connection(code == Protocol::CloseUnauthorized
                                                      ? Protocol::ErrorCode::Unauthorized
                                                      : Protocol::ErrorCode::Unsupported);
        m_problem =
            code == Protocol::CloseUnauthorized ? Problem::TokenRefused : Problem::VersionRefused;
        setState(State::Refused);
        return;
    }
    linkLost();
}

void SyncLink::onSocketError(QAbstractSocket::SocketError error)
{
    qCInfo(lcLink) << "socket error" << error << (m_socket ? m_socket->errorString() : QString());
    if (m_socket && m_state != State::Connected)
        m_lastError = m_socket->errorString();
    // Up to Qt 6.4.2 a failed handshake leaves the socket "connecting" and never says
    // disconnected() (fixed in 6.4.3). Ending the link here is right on every version: the
    // socket is dropped, so a later disconnected() finds nothing to do.
    if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
        linkLost();
}

void SyncLink::linkLost()
{
    endLink(LinkEnd::Abort);
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Offline);
}

void SyncLink::scheduleReconnect(Problem problem)
{
    if (m_reconnectTimer.isActive())
        return;
    ++m_failures;
    m_problem = problem;
    m_reconnectTimer.start(m_policy.delayFor(m_failures));
    setState(State::WaitingToReconnect);
}

void SyncLink::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncLink::sendKeepalive()
{
    if (!m_socket || m_pongDeadline.isActive())
        return;
    m_socket->ping();
    m_pongDeadline.start();
}
