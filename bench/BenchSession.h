#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <functional>

// One benchmark connection: opens (TCP_NODELAY on), says hello, and hands every later text
// message with its arrival time to a callback (no queuing, so the timestamp is taken as the
// message is read; the callback decides whether to parse it).
class BenchSession : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(BenchSession *, const QString &text, qint64 arrivalNs)>;

    explicit BenchSession(QObject *parent = nullptr);

    // A hello with the token; ready once the snapshot (or, for an admin token, adminReady) is in.
    void open(const QUrl &url, const QString &token);
    // No hello: ready as soon as the connection is up (for the floors).
    void openRaw(const QUrl &url);
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void send(const QString &text) { m_socket.sendTextMessage(text); }
    bool isReady() const { return m_ready; }
    bool hasFailed() const { return m_failed; }
    bool hasLowDelay() const { return m_lowDelay; }
    // The size of the answer to the hello (the snapshot), in bytes of UTF-8.
    qsizetype helloAnswerBytes() const { return m_helloAnswerBytes; }

    // The "type" member of a message, empty when it is not a JSON object.
    static QString typeOf(const QString &text);

private:
    QWebSocket m_socket;
    QString m_token;
    Handler m_handler;
    qsizetype m_helloAnswerBytes = 0;
    bool m_raw = false;
    bool m_ready = false;
    bool m_failed = false;
    bool m_lowDelay = false;
};
