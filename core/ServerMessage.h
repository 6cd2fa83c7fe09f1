#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "ProtocolError.h"
#include "RingRule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

// A message from the server to a client (docs/protocol.md, sections 3–5).
struct ServerMessage
{
    Q_DECLARE_TR_FUNCTIONS(ServerMessage)

public:
    enum class Type { Snapshot, Ack, Error, RuleChanged, ControlledDeviceChanged };

    Type type = Type::Error;
    qint64 revision = 0;
    // snapshot
    QString userId;
    QString userName;
    FollowMeSettings settings;
    // ack, error
    QString requestId;
    ProtocolError error;
    // ruleChanged, controlledDeviceChanged (empty: none)
    QString deviceId;
    CallKind callKind = CallKind::External;
    RingRule rule;

    static ServerMessage snapshot(qint64 revision, const QString &userId, const QString &userName,
                                  const FollowMeSettings &settings);
    static ServerMessage ack(const QString &requestId, qint64 revision);
    static ServerMessage failure(const ProtocolError &error);
    static ServerMessage ruleChanged(qint64 revision, const QString &deviceId, CallKind kind,
                                     const RingRule &rule);
    static ServerMessage controlledDeviceChanged(qint64 revision, const QString &deviceId);

    QJsonObject toJson() const;
    QByteArray encode() const;

    static std::optional<ServerMessage> decode(const QByteArray &text, ProtocolError *error);
};
