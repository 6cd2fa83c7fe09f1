#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <optional>

// A raw protocol client for the tests: sends hand-written JSON (or anything else) and queues
// what the server sends, so a test can check every message and the close code.
class TestClient
{
public:
    TestClient();
    ~TestClient();
    TestClient(const TestClient &) = delete;
    TestClient &operator=(const TestClient &) = delete;

    bool open(const QUrl &url, bool ignoreSslErrors = false);
    // open() + hello; returns the snapshot (or nothing if the answer was something else).
    std::optional<QJsonObject> login(const QUrl &url, const QString &token);

    void sendJson(const QJsonObject &object);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);

    // The next message, waiting up to `timeoutMs`.
    std::optional<QJsonObject> next(int timeoutMs = 5000);
    // The next message of this type; the ones before it are dropped.
    std::optional<QJsonObject> nextOfType(const QString &type, int timeoutMs = 5000);
    // True if the server has sent nothing more: proven by a round trip, not by waiting. The
    // server answers a session's messages in order and sends each push when its change commits,
    // so anything committed before this call arrives before the answer to a probe sent now.
    bool receivedNothingMore();
    // Waits for the connection to close; returns the close code, or -1 on a timeout.
    int waitForClose(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_received;
    bool m_closed = false;
};
