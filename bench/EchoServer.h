#pragma once

#include <QObject>

class QWebSocketServer;

// The baseline: a WebSocket server that sends every text message straight back. It runs in
// its own thread, like the real server runs in its own process, so both round trips cross
// the same loopback and thread hand-over.
class EchoServer : public QObject
{
    Q_OBJECT

public:
    explicit EchoServer(QObject *parent = nullptr);

    // Call in the server's thread. Returns the port, 0 on failure.
    quint16 listen();

private:
    void onNewConnection();

    QWebSocketServer *m_server;
};
