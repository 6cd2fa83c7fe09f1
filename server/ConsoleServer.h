// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QString>

class QSslConfiguration;
class QTcpServer;
class QWebSocket;

// The admin web console's listener (docs/server.md, "Admin console"): serves the console's page
// from the server's Qt resources (:/console/) with a strict Content-Security-Policy, and accepts
// the WebSocket that page opens at the same address, which it hands on as any other connection.
// Qt HttpServer does the HTTP and the WebSocket upgrade; nothing is read from disk at run time.
// It derives from QAbstractHttpServer rather than using QHttpServer's routes because Qt 6.4 offers
// a request to the routes before the WebSocket upgrade, and a route for "/" would answer the
// page's own socket with the page.
class ConsoleServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // `tls` null: plain http:// and ws://.
    explicit ConsoleServer(const QSslConfiguration *tls, QObject *parent = nullptr);
    ~ConsoleServer() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    quint16 serverPort() const;
    // http(s)://HOST:PORT/
    QString url() const;

    // The headers every answer carries, for the docs and the tests.
    static QList<std::pair<QByteArray, QByteArray>> securityHeaders();

    // Whether a WebSocket request comes from a page of the address it was sent to (its Origin
    // header names the Host header's host and port); a client without an Origin is no browser
    // page and may connect.
    static bool isSameOrigin(const QByteArray &origin, const QByteArray &host);

signals:
    // A WebSocket opened by the console's page (or any client) at this address; the receiver
    // takes ownership.
    void newWebSocket(QWebSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void onNewWebSocketConnection();

    QTcpServer *m_tcp = nullptr;
    bool m_secure;
};
