#include "AdminClient.h"

#include "ClientMessage.h"
#include "QtCompat.h"
#include "ServerMessage.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {
constexpr auto timeout = std::chrono::seconds(15);
const QString requestId = u"admin-1"_s;
} // namespace

AdminClient::AdminClient(const QUrl &url, const QString &token, bool insecure, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_token(token)
    , m_insecure(insecure)
{ }

std::optional<QJsonObject> AdminClient::run(const QString &command, const QJsonObject &args,
                                            std::optional<ProtocolError> *refusal, QString *failure)
{
    QWebSocket socket;
    QEventLoop loop;
    std::optional<QJsonObject> result;
    bool authenticated = false;
    bool connected = false;

    auto finish = [&](const QString &problem) {
        if (!problem.isEmpty() && failure->isEmpty() && !refusal->has_value())
            *failure = problem;
        loop.quit();
    };

    connect(&socket, &QWebSocket::connected, &loop, [&] {
        connected = true;
        socket.sendTextMessage(QString::fromUtf8(
            ClientMessage::hello(m_token, u"followme-admin/" FOLLOWME_VERSION ""_s).encode()));
    });
    connect(&socket, &QWebSocket::textMessageReceived, &loop, [&](const QString &text) {
        const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = object.value(u"type"_s).toString();
        if (type == u"error") {
            ProtocolError error;
            error.code = Protocol::errorFromKey(object.value(u"code"_s).toString())
                             .value_or(Protocol::ErrorCode::Internal);
            error.message = object.value(u"message"_s).toString();
            *refusal = error;
            finish({});
        } else if (!authenticated && type == u"adminReady") {
            authenticated = true;
            const QJsonObject message {{u"type"_s, u"admin"_s},
                                       {u"id"_s, requestId},
                                       {u"command"_s, command},
                                       {u"args"_s, args}};
            socket.sendTextMessage(
                QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
        } else if (!authenticated && type == u"snapshot") {
            *refusal = ProtocolError {Protocol::ErrorCode::Forbidden,
                                      tr("the token is a user token, not an admin token"),
                                      {}};
            finish({});
        } else if (authenticated && type == u"ack" && object.value(u"id"_s) == requestId) {
            result = object.value(u"result"_s).toObject();
            finish({});
        }
        // Anything else (pushes) is not for us.
    });
    connect(&socket, &QWebSocket::disconnected, &loop, [&] {
        if (!connected) {
            finish(tr("cannot reach %1: %2").arg(m_url.toString(), socket.errorString()));
            return;
        }
        finish(tr("the server closed the connection (%1 %2)")
                   .arg(socket.closeCode())
                   .arg(socket.closeReason()));
    });
    // Up to Qt 6.4.2 a failed handshake never emits disconnected() (fixed in 6.4.3), so the error
    // ends the wait too; finish() runs once, whichever comes first.
    connect(&socket, QtCompat::webSocketError(), &loop, [&](QAbstractSocket::SocketError) {
        finish(tr("cannot reach %1: %2").arg(m_url.toString(), socket.errorString()));
    });
    if (m_insecure) {
        connect(&socket, &QWebSocket::sslErrors, &loop,
                [&socket](const QList<QSslError> &) { socket.ignoreSslErrors(); });
    }
    QTimer::singleShot(timeout, &loop,
                       [&] { finish(tr("no answer from %1").arg(m_url.toString())); });

    socket.open(m_url);
    loop.exec();
    socket.disconnect();
    if (socket.state() == QAbstractSocket::ConnectedState)
        socket.close();
    else
        socket.abort();
    return result;
}
