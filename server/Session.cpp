#include "Session.h"

#include "ClientMessage.h"
#include "ServerLog.h"
#include "ServerMessage.h"
#include "SessionHandler.h"

#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

// Until the hello is accepted a message may hold only this much: a hello is small, and Qt 6.4
// keeps an unfinished frame in the socket's buffer until it is complete, so this bounds what an
// unauthenticated peer can make the server hold. Over it the WebSocket layer closes with 1009.
constexpr quint64 preLoginMaxBytes = 16 * 1024;
// After login, messages up to this size are read whole so an over-size one can be answered with
// too_large; beyond it the WebSocket layer closes the connection (1009).
constexpr quint64 maxIncomingBytes = 1024 * 1024;

void setIncomingLimit(QWebSocket *socket, quint64 bytes)
{
    // Qt checks both for each frame it reads, so a change applies from the next frame on.
    socket->setMaxAllowedIncomingMessageSize(bytes);
    socket->setMaxAllowedIncomingFrameSize(bytes);
}

} // namespace

Session::Session(QWebSocket *socket, SessionHandler *handler, std::chrono::milliseconds idleTimeout,
                 std::chrono::milliseconds helloTimeout, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_idleTimeout(idleTimeout)
    , m_helloTimeout(helloTimeout)
{
    m_socket->setParent(this);
    setIncomingLimit(m_socket, preLoginMaxBytes);
    markActive();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Session::onBinaryMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { markActive(); });
    connect(m_socket, &QWebSocket::disconnected, this, &Session::onDisconnected);
}

Session::~Session()
{
    // The socket is deleted with the session; it must not report back to a handler that may
    // be going away itself (server shutdown).
    m_socket->disconnect(this);
}

QString Session::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

void Session::beginAuthentication()
{
    m_state = State::Authenticating;
}

void Session::acceptUser(const QString &userId, qint64 tokenId)
{
    m_state = State::User;
    m_userId = userId;
    m_tokenId = tokenId;
    endPreLogin();
}

void Session::acceptAdmin(qint64 tokenId)
{
    m_state = State::Admin;
    m_tokenId = tokenId;
    endPreLogin();
}

void Session::endPreLogin()
{
    if (!m_preLogin)
        return;
    m_preLogin = false;
    if (m_state == State::User || m_state == State::Admin)
        setIncomingLimit(m_socket, maxIncomingBytes);
    emit preLoginEnded();
}

void Session::send(const QString &text)
{
    if (m_state == State::Closing)
        return;
    m_socket->sendTextMessage(text);
    // Written now rather than on the next pass of the loop: an ack leaves before the pushes of
    // its change to the other sessions, each push as it is made, and the socket's write
    // notifier is switched on and off again within this pass, which costs the epoll
    // dispatcher no system call.
    m_socket->flush();
}

void Session::sendError(const ProtocolError &error)
{
    send(QString::fromUtf8(ServerMessage::failure(error).encode()));
}

void Session::refuse(const ProtocolError &error, quint16 closeCode)
{
    sendError(error);
    close(closeCode, error.message);
}

void Session::close(quint16 closeCode, const QString &reason)
{
    if (m_state == State::Closing)
        return;
    m_state = State::Closing;
    // A close frame's reason is limited to 123 bytes.
    QByteArray shortReason = reason.toUtf8().left(120);
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode),
                    QString::fromUtf8(shortReason));
    // A peer that does not answer the close handshake (a dead one) must not keep the socket.
    QTimer::singleShot(std::min<std::chrono::milliseconds>(std::chrono::seconds(5), m_idleTimeout),
                       m_socket, &QWebSocket::abort);
}

void Session::onTextMessage(const QString &message)
{
    markActive();
    if (m_state == State::Closing || m_state == State::Authenticating)
        return;
    ProtocolError error;
    const QByteArray bytes = message.toUtf8();
    const auto object = ClientMessage::readObject(bytes, &error);
    if (!object) {
        reject(error);
        return;
    }
    handleObject(*object);
}

void Session::onBinaryMessage(const QByteArray &message)
{
    Q_UNUSED(message);
    markActive();
    if (m_state == State::Closing || m_state == State::Authenticating)
        return;
    reject({Code::Malformed, tr("binary frames are not part of the protocol"), {}});
}

void Session::handleObject(const QJsonObject &object)
{
    if (object.value(u"type"_s) == u"admin"_s) {
        handleAdmin(object);
        return;
    }
    if (m_state != State::AwaitingHello && object.value(u"type"_s) == u"hello"_s) {
        // Whatever else it holds: the session has started, and hello starts one.
        sendError({Code::Unsupported, tr("hello: the session has already started"),
                   ClientMessage::readableId(object)});
        return;
    }
    ProtocolError error;
    const auto message = ClientMessage::fromJson(object, &error);
    if (m_state == State::AwaitingHello) {
        if (!message || message->type != ClientMessage::Type::Hello) {
            reject({Code::Malformed,
                    message || error.code == Code::Unsupported
                        ? tr("the first message must be a hello")
                        : error.message,
                    ClientMessage::readableId(object)});
            return;
        }
        // The deadline ends here: a failed hello's answer may wait for LoginThrottle.
        beginAuthentication();
        m_handler->helloReceived(this, *message);
        return;
    }
    if (!message) {
        sendError(error);
        return;
    }
    if (m_state == State::Admin) {
        sendError(
            {Code::Forbidden, tr("an admin session has no settings to edit"), message->requestId});
        return;
    }
    m_handler->editReceived(this, *message);
}

void Session::handleAdmin(const QJsonObject &object)
{
    if (m_state == State::AwaitingHello) {
        reject({Code::Malformed, tr("the first message must be a hello"),
                ClientMessage::readableId(object)});
        return;
    }
    QString requestId;
    ProtocolError error;
    if (!ClientMessage::readRequestId(object, &requestId, &error)) {
        sendError(error);
        return;
    }
    if (m_state != State::Admin) {
        sendError({Code::Forbidden, tr("admin commands need an admin token"), requestId});
        return;
    }
    const QJsonValue command = object.value(u"command"_s);
    const QJsonValue args = object.value(u"args"_s);
    if (!command.isString() || (!args.isUndefined() && !args.isObject())) {
        sendError({Code::Invalid, tr("an admin message needs a command string and an args object"),
                   requestId});
        return;
    }
    m_handler->adminReceived(this, requestId, command.toString(), args.toObject());
}

void Session::reject(const ProtocolError &error)
{
    if (m_state == State::AwaitingHello) {
        ProtocolError first = error;
        first.code = Code::Malformed;
        refuse(first, Protocol::CloseProtocolViolation);
        return;
    }
    sendError(error);
}

bool Session::keepaliveDue()
{
    if (m_state == State::Closing)
        return false;
    // Qt 6.4 has no signal for a received ping, so the server pings itself: a live peer's
    // WebSocket library answers with a pong, which counts as activity.
    if (m_lastActivity.elapsed() >= m_idleTimeout.count()) {
        qCInfo(lcServer) << "closing an idle connection from" << peerAddress();
        close(QWebSocketProtocol::CloseCodeNormal, tr("idle for too long"));
        return false;
    }
    m_socket->ping();
    return true;
}

void Session::helloDeadlinePassed()
{
    // Activity (pongs) does not extend it: a peer that only answers pings is not logging in.
    if (m_state != State::AwaitingHello)
        return;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_helloTimeout);
    qCInfo(lcServer) << "closing a connection from" << peerAddress() << "that sent no hello";
    refuse({Code::Malformed, tr("no hello within %1 s").arg(seconds.count()), {}},
           Protocol::CloseProtocolViolation);
}

void Session::onDisconnected()
{
    m_state = State::Closing;
    endPreLogin();
    if (m_closedReported)
        return;
    m_closedReported = true;
    m_handler->sessionClosed(this);
}
