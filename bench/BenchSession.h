#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <functional>

// One benchmark connection: opens, says hello, and hands every message with its arrival time
// to a callback (no queuing, so the timestamp is taken as the message is read).
class BenchSession : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(BenchSession *, const QJsonObject &, qint64 arrivalNs)>;

    explicit BenchSession(QObject *parent = nullptr);

    void open(const QUrl &url, const QString &token);
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void send(const QString &text) { m_socket.sendTextMessage(text); }
    bool isReady() const { return m_ready; }
    bool hasFailed() const { return m_failed; }

private:
    QWebSocket m_socket;
    QString m_token;
    Handler m_handler;
    bool m_ready = false;
    bool m_failed = false;
};
