#include "EchoServer.h"

#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

EchoServer::EchoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"echo"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &EchoServer::onNewConnection);
}

quint16 EchoServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
}

void EchoServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString &text) { socket->sendTextMessage(text); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    }
}
