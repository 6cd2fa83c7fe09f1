#include "BenchSession.h"

#include "BenchClock.h"
#include "ClientMessage.h"
#include "QtCompat.h"
#include "SocketLowDelay.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

BenchSession::BenchSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_lowDelay = SocketLowDelay::enable(&m_socket);
        if (m_raw) {
            m_ready = true;
            return;
        }
        m_socket.sendTextMessage(
            QString::fromUtf8(ClientMessage::hello(m_token, u"followme-bench"_s).encode()));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const qint64 now = BenchClock::nowNs();
        if (!m_ready) {
            const QString type = typeOf(text);
            m_ready = type == u"snapshot"_s || type == u"adminReady"_s;
            m_failed = !m_ready;
            m_helloAnswerBytes = text.toUtf8().size();
            return;
        }
        if (m_handler)
            m_handler(this, text, now);
    });
    connect(&m_socket, QtCompat::webSocketError(), this, [this](QAbstractSocket::SocketError) {
        m_failed = true;
        m_socket.abort();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_failed = true; });
}

void BenchSession::open(const QUrl &url, const QString &token)
{
    m_token = token;
    m_socket.open(url);
}

void BenchSession::openRaw(const QUrl &url)
{
    m_raw = true;
    m_socket.open(url);
}

QString BenchSession::typeOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().value(u"type"_s).toString();
}
