#include "BenchSession.h"

#include "BenchClock.h"
#include "ClientMessage.h"
#include "QtCompat.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

BenchSession::BenchSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_socket.sendTextMessage(
            QString::fromUtf8(ClientMessage::hello(m_token, u"followme-bench"_s).encode()));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const qint64 now = BenchClock::nowNs();
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        if (!m_ready) {
            m_ready = message.value(u"type"_s) == u"snapshot"_s;
            m_failed = !m_ready;
            return;
        }
        if (m_handler)
            m_handler(this, message, now);
    });
    connect(&m_socket, QtCompat::webSocketError(), this, [this](QAbstractSocket::SocketError) {
        m_failed = true;
        m_socket.abort();
    });
}

void BenchSession::open(const QUrl &url, const QString &token)
{
    m_token = token;
    m_socket.open(url);
}
