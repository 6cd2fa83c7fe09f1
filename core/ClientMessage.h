#pragma once

#include "CallKind.h"
#include "ProtocolError.h"
#include "RuleChange.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

// A message from a client to the server (docs/protocol.md, sections 3 and 4). Decoding checks
// everything that can be checked without the server's state: types, ids, call kinds, bounds.
struct ClientMessage
{
    Q_DECLARE_TR_FUNCTIONS(ClientMessage)

public:
    enum class Type { Hello, SetRule, SetControlledDevice };

    Type type = Type::Hello;
    // hello
    int protocol = 0;
    QString token;
    QString client;
    // edits
    QString requestId;
    QString deviceId; // setControlledDevice: empty for none
    CallKind callKind = CallKind::External;
    RuleChange change;

    static ClientMessage hello(const QString &token, const QString &client);
    static ClientMessage setRule(const QString &requestId, const QString &deviceId, CallKind kind,
                                 const RuleChange &change);
    static ClientMessage setControlledDevice(const QString &requestId, const QString &deviceId);

    QJsonObject toJson() const;
    QByteArray encode() const;

    // The message's JSON object, read by the protocol's rules (size, StrictJson); a refusal is
    // too_large or malformed.
    static std::optional<QJsonObject> readObject(const QByteArray &text, ProtocolError *error);
    // The object's "id" when it is one a refusal can carry back (a string of at most
    // maxRequestIdLength code units), else empty.
    static QString readableId(const QJsonObject &object);
    // The request id an edit or admin message must carry; false with an `invalid` refusal
    // (without an id) when it is missing, empty, not a string or too long.
    static bool readRequestId(const QJsonObject &object, QString *out, ProtocolError *error);

    static std::optional<ClientMessage> decode(const QByteArray &text, ProtocolError *error);
    static std::optional<ClientMessage> fromJson(const QJsonObject &object, ProtocolError *error);
};
