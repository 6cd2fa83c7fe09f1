#include "TestClient.h"

#include "QtCompat.h"
#include "StrictJson.h"
#include "WaitUntil.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

TestClient::TestClient()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                     [this](const QString &text) {
                         // The server must send strict JSON too; what isn't becomes a message
                         // no test expects.
                         QString reason;
                         const auto object = StrictJson::parseObject(text.toUtf8(), &reason);
                         m_received.append(object ? *object
                                                  : QJsonObject {{u"type"_s, u"notStrictJson"_s},
                                                                 {u"reason"_s, reason}});
                     });
    QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] { m_closed = true; });
}

TestClient::~TestClient()
{
    m_socket.disconnect();
    m_socket.abort();
}

bool TestClient::open(const QUrl &url, bool ignoreSslErrors)
{
    if (ignoreSslErrors)
        QObject::connect(&m_socket, &QWebSocket::sslErrors, &m_socket,
                         [this](const QList<QSslError> &) { m_socket.ignoreSslErrors(); });
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy failed(&m_socket, QtCompat::webSocketError());
    m_socket.open(url);
    waitUntil([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 10000);
    if (connected.isEmpty()) {
        qWarning("cannot connect to %s: %s", qPrintable(url.toString()),
                 qPrintable(m_socket.errorString()));
        // Up to Qt 6.4.2 a failed handshake stays in ConnectingState (fixed in 6.4.3).
        m_socket.abort();
        return false;
    }
    return true;
}

std::optional<QJsonObject> TestClient::login(const QUrl &url, const QString &token)
{
    if (!open(url))
        return std::nullopt;
    sendJson({{u"type"_s, u"hello"_s},
              {u"protocol"_s, 1},
              {u"token"_s, token},
              {u"client"_s, u"tst/1"_s}});
    const auto answer = next();
    if (!answer || answer->value(u"type"_s) != u"snapshot"_s)
        return std::nullopt;
    return answer;
}

void TestClient::sendJson(const QJsonObject &object)
{
    sendText(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void TestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void TestClient::sendBinary(const QByteArray &data)
{
    m_socket.sendBinaryMessage(data);
}

std::optional<QJsonObject> TestClient::next(int timeoutMs)
{
    if (m_received.isEmpty()) {
        waitUntil([this] { return !m_received.isEmpty() || m_closed; }, timeoutMs);
        // A message may arrive together with the close.
        QCoreApplication::processEvents();
    }
    if (m_received.isEmpty())
        return std::nullopt;
    return m_received.takeFirst();
}

std::optional<QJsonObject> TestClient::nextOfType(const QString &type, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto message = next(int(qMax<qint64>(1, deadline.remainingTime())));
        if (!message)
            return std::nullopt;
        if (message->value(u"type"_s).toString() == type)
            return message;
    }
    return std::nullopt;
}

bool TestClient::receivedNothingMore()
{
    static int probes = 0;
    // An unknown message type changes nothing and is answered with its id (protocol.md §4.3).
    const QString id = u"probe-%1"_s.arg(++probes);
    sendJson({{u"type"_s, u"probe"_s}, {u"id"_s, id}});
    const auto answer = next();
    return answer && answer->value(u"type"_s) == u"error"_s && answer->value(u"id"_s) == id;
}

int TestClient::waitForClose(int timeoutMs)
{
    if (!waitUntil([this] { return m_closed; }, timeoutMs))
        return -1;
    return int(m_socket.closeCode());
}
