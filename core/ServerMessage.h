#pragma once

#include "AuditEntry.h"
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
    // The latest changes made by someone other than the user (an administrator), newest first.
    QList<AuditEntry> recentChanges;
    // ack, error
    QString requestId;
    ProtocolError error;
    // ruleChanged, controlledDeviceChanged (empty: none)
    QString deviceId;
    CallKind callKind = CallKind::External;
    RingRule rule;
    // ruleChanged, controlledDeviceChanged: the change's record when someone other than the user
    // made it.
    std::optional<AuditEntry> change;

    static ServerMessage snapshot(qint64 revision, const QString &userId, const QString &userName,
                                  const FollowMeSettings &settings,
                                  const QList<AuditEntry> &recentChanges = {});
    static ServerMessage ack(const QString &requestId, qint64 revision);
    static ServerMessage failure(const ProtocolError &error);
    static ServerMessage ruleChanged(qint64 revision, const QString &deviceId, CallKind kind,
                                     const RingRule &rule);
    static ServerMessage controlledDeviceChanged(qint64 revision, const QString &deviceId);

    // What `before` becomes by this message: a snapshot's settings, a push's change applied (a
    // rule of a device `before` doesn't have changes nothing); an ack or error changes nothing.
    FollowMeSettings appliedTo(const FollowMeSettings &before) const;

    QJsonObject toJson() const;
    QByteArray encode() const;

    // Checks the form (docs/protocol.md, sections 2–5): a message that breaks it is refused with
    // `malformed`, one of a type this client doesn't know with `unsupported` (a later server's
    // push, which section 8 lets a client ignore). Whether it can be true in the client's state
    // is ServerMessageCheck's question.
    static std::optional<ServerMessage> decode(const QByteArray &text, ProtocolError *error);
};
