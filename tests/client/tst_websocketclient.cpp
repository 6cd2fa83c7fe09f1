// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebSocketClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#if defined(Q_OS_UNIX)
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

class TestWebSocketClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWebSocketServer> m_server;
    QWebSocket *m_peer = nullptr;

    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/sync?x=1"_s.arg(m_server->serverPort())); }

    // Opens `client` and waits until both ends are up.
    void connectClient(WebSocketClient &client)
    {
        QSignalSpy connected(&client, &WebSocketClient::connected);
        client.open(url());
        QTRY_COMPARE(connected.count(), 1);
        QTRY_VERIFY(m_server->hasPendingConnections());
        m_peer = m_server->nextPendingConnection();
        QVERIFY(m_peer);
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<QWebSocketServer>(u"test"_s, QWebSocketServer::NonSecureMode);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        m_peer = nullptr;
    }

    void cleanup()
    {
        // nextPendingConnection() hands the socket over: it has no parent.
        delete m_peer;
        m_peer = nullptr;
        m_server.reset();
    }

    void messagesGoBothWays()
    {
        WebSocketClient client;
        connectClient(client);
        QCOMPARE(m_peer->requestUrl().path(), u"/sync"_s);
        QCOMPARE(m_peer->requestUrl().query(), u"x=1"_s);

        QSignalSpy toServer(m_peer, &QWebSocket::textMessageReceived);
        client.sendTextMessage(u"hello ünïcødé"_s);
        QVERIFY(toServer.wait());
        QCOMPARE(toServer.at(0).at(0).toString(), u"hello ünïcødé"_s);

        // Short, 16-bit and 64-bit lengths.
        QSignalSpy fromServer(&client, &WebSocketClient::textMessageReceived);
        for (qsizetype size : {qsizetype(5), qsizetype(300), qsizetype(70000)}) {
            const QString text(size, u'a');
            m_peer->sendTextMessage(text);
            QTRY_COMPARE(fromServer.count(), 1);
            QCOMPARE(fromServer.takeFirst().at(0).toString(), text);
        }
    }

    void pingIsAnswered()
    {
        WebSocketClient client;
        connectClient(client);
        QSignalSpy pong(&client, &WebSocketClient::pong);
        client.ping();
        QVERIFY(pong.wait());
    }

    void sendsWithNoDelay()
    {
        WebSocketClient client;
        connectClient(client);
        const QTcpSocket *tcp = client.tcpSocket();
        QVERIFY(tcp);
#if defined(Q_OS_UNIX)
        // Asked of the kernel, not of Qt.
        int on = 0;
        socklen_t length = sizeof on;
        QCOMPARE(::getsockopt(int(tcp->socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &on, &length),
                 0);
        QVERIFY(on != 0);
#else
        QCOMPARE(tcp->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
#endif
    }

    void serversCloseCodeIsKept()
    {
        WebSocketClient client;
        connectClient(client);
        QSignalSpy disconnected(&client, &WebSocketClient::disconnected);
        m_peer->close(QWebSocketProtocol::CloseCode(4001), u"token refused"_s);
        QVERIFY(disconnected.wait());
        QCOMPARE(client.closeCode(), quint16(4001));
        QCOMPARE(client.closeReason(), u"token refused"_s);
        QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

    void clientCloseReachesTheServer()
    {
        WebSocketClient client;
        connectClient(client);
        QSignalSpy peerGone(m_peer, &QWebSocket::disconnected);
        client.close(1000);
        QVERIFY(peerGone.wait());
        QCOMPARE(int(m_peer->closeCode()), 1000);
    }

    void oversizedMessageEndsTheLink()
    {
        WebSocketClient client;
        connectClient(client);
        QSignalSpy error(&client, &WebSocketClient::errorOccurred);
        QSignalSpy received(&client, &WebSocketClient::textMessageReceived);
        m_peer->sendBinaryMessage(QByteArray(WebSocketClient::maxIncomingMessage + 1, 'x'));
        QVERIFY(error.wait(10000));
        QCOMPARE(received.count(), 0);
        QVERIFY(client.errorString().contains(u"larger"_s));
        QVERIFY(client.state() != QAbstractSocket::ConnectedState);
    }

    void refusedHandshakeIsAnError()
    {
        // A plain TCP server that answers HTTP 401.
        QTcpServer http;
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        connect(&http, &QTcpServer::newConnection, this, [&http] {
            QTcpSocket *socket = http.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            });
        });
        WebSocketClient client;
        QSignalSpy error(&client, &WebSocketClient::errorOccurred);
        client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(http.serverPort())));
        QVERIFY(error.wait());
        QVERIFY2(client.errorString().contains(u"401"_s), qPrintable(client.errorString()));
        QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

    void unreachableServerIsAnError()
    {
        WebSocketClient client;
        QSignalSpy error(&client, &WebSocketClient::errorOccurred);
        client.open(QUrl(u"ws://127.0.0.1:1/"_s));
        QVERIFY(error.wait());
        QVERIFY(!client.errorString().isEmpty());
        QVERIFY(client.state() != QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketClient)
#include "tst_websocketclient.moc"
