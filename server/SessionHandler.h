#pragma once

#include <QJsonObject>
#include <QString>

class Session;
struct ClientMessage;

// What a Session hands on once a message has passed its framing and decoding checks. The
// Server implements it; a test can too.
class SessionHandler
{
public:
    virtual ~SessionHandler() = default;

    virtual void helloReceived(Session *session, const ClientMessage &hello) = 0;
    virtual void editReceived(Session *session, const ClientMessage &edit) = 0;
    virtual void adminReceived(Session *session, const QString &requestId, const QString &command,
                               const QJsonObject &args) = 0;
    // The connection is gone; the session is deleted later.
    virtual void sessionClosed(Session *session) = 0;
};
