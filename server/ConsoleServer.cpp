// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleServer.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocket>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslServer>
#endif

using namespace Qt::StringLiterals;

namespace {

QByteArray mimeTypeOf(const QString &name)
{
    if (name.endsWith(u".html"))
        return "text/html; charset=utf-8";
    if (name.endsWith(u".js"))
        return "text/javascript; charset=utf-8";
    if (name.endsWith(u".css"))
        return "text/css; charset=utf-8";
    if (name.endsWith(u".svg"))
        return "image/svg+xml";
    return "application/octet-stream";
}

// Status line, the security headers, the type and the body (none for HEAD).
void respond(QHttpServerResponder &&responder, QHttpServerResponder::StatusCode status,
             const QByteArray &mimeType, const QByteArray &body, bool withBody)
{
    responder.writeStatusLine(status);
    for (const auto &[name, value] : ConsoleServer::securityHeaders())
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Type", mimeType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(withBody ? body : QByteArray());
}

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

} // namespace

ConsoleServer::ConsoleServer(const QSslConfiguration *tls, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_secure(tls != nullptr)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this,
            &ConsoleServer::onNewWebSocketConnection);
#if QT_CONFIG(ssl)
    if (tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        m_tcp = server;
    }
#endif
    if (!m_tcp)
        m_tcp = new QTcpServer(this);
}

ConsoleServer::~ConsoleServer() = default;

QList<std::pair<QByteArray, QByteArray>> ConsoleServer::securityHeaders()
{
    // No inline script or style, nothing from elsewhere; the page's WebSocket goes to its own
    // origin ('self' covers ws: and wss: there).
    return {{"Content-Security-Policy",
             "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
             "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"Cache-Control", "no-store"}};
}

bool ConsoleServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 upgrades a WebSocket request only when this accepts it (true, with nothing
    // written), and announces the socket; refused (false), missingHandler() answers.
    if (isWebSocketUpgrade(request))
        return isSameOrigin(request.value("origin"), request.value("host"));
    using Method = QHttpServerRequest::Method;
    using Status = QHttpServerResponder::StatusCode;
    const bool head = request.method() == Method::Head;
    if (request.method() != Method::Get && !head) {
        respond(makeResponder(request, socket), Status::MethodNotAllowed,
                "text/plain; charset=utf-8", "only GET and HEAD\n", true);
        return true;
    }
    // One of the console's files, or 404: only names the resource holds exist, so no path can
    // reach anything else (a path with a slash in it is no name there).
    const QString path = request.url().path();
    const QString name = path == u"/" ? u"index.html"_s : path.mid(1);
    QFile resource(u":/console/"_s + name);
    if (name.contains(u'/') || name.startsWith(u'.') || !resource.open(QIODevice::ReadOnly)) {
        respond(makeResponder(request, socket), Status::NotFound, "text/plain; charset=utf-8",
                "not found\n", !head);
        return true;
    }
    respond(makeResponder(request, socket), Status::Ok, mimeTypeOf(name), resource.readAll(),
            !head);
    return true;
}

void ConsoleServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Only a refused WebSocket upgrade comes here: every other request is answered above.
    respond(makeResponder(request, socket), QHttpServerResponder::StatusCode::Forbidden,
            "text/plain; charset=utf-8",
            "the console's socket takes pages of its own address only\n", true);
}

bool ConsoleServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    // Our own server socket, so a failure says why (QAbstractHttpServer::listen only says 0).
    if (!m_tcp->listen(address, port)) {
        *error = tr("cannot listen for the admin console on %1:%2: %3")
                     .arg(address.toString(), QString::number(port), m_tcp->errorString());
        return false;
    }
    bind(m_tcp);
    return true;
}

void ConsoleServer::close()
{
    m_tcp->close();
}

quint16 ConsoleServer::serverPort() const
{
    return m_tcp->serverPort();
}

QString ConsoleServer::url() const
{
    QString host = m_tcp->serverAddress().toString();
    if (m_tcp->serverAddress().protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return u"%1://%2:%3/"_s.arg(m_secure ? u"https"_s : u"http"_s, host).arg(m_tcp->serverPort());
}

bool ConsoleServer::isSameOrigin(const QByteArray &origin, const QByteArray &host)
{
    // A browser always says where the page came from; a program need not. A page of another
    // site (or of a rebound DNS name) must not drive the console's socket, even without a token
    // in hand, so its origin must be the address the request was sent to.
    if (origin.isEmpty())
        return true;
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || host.isEmpty())
        return false;
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    QString hostName = url.host(QUrl::FullyEncoded);
    if (hostName.contains(u':'))
        hostName = u'[' + hostName + u']';
    const QString authority = u"%1:%2"_s.arg(hostName).arg(url.port(defaultPort));
    QString requested = QString::fromLatin1(host);
    if (!requested.contains(u':') || requested.endsWith(u']'))
        requested += u":%1"_s.arg(defaultPort);
    return authority.compare(requested, Qt::CaseInsensitive) == 0;
}

void ConsoleServer::onNewWebSocketConnection()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (socket)
            emit newWebSocket(socket.release());
    }
}
