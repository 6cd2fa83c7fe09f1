// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CallKind.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// One recorded change of a user's settings (docs/protocol.md, "Audit log"): who made it, when,
// from where, what it was and what it changed from and to. The server writes one in the same
// transaction as the change; the admin console, followme-admin and the desktop client read it.
struct AuditEntry
{
    Q_DECLARE_TR_FUNCTIONS(AuditEntry)

public:
    // Who made a change: the user's own client, an admin session, followme-admin working on
    // the database file directly, or the server's clock following the user's schedule.
    enum class ActorKind { User, Admin, Local, Schedule };
    struct Actor
    {
        ActorKind kind = ActorKind::User;
        qint64 tokenId = 0; // 0: none (a local change)
        QString from; // the peer's address, or "followme-admin"
    };

    qint64 id = 0; // given by the server's log, growing
    QDateTime at; // UTC, milliseconds
    QString userId; // empty for a change of no user's (an admin token issued)
    qint64 revision = 0; // the user's revision after the change
    Actor by;
    QString action; // setRule, setControlledDevice, or the admin command's name
    QString deviceId;
    std::optional<CallKind> callKind;
    QJsonValue before; // undefined when it doesn't apply
    QJsonValue after;

    bool isByUser() const { return by.kind == ActorKind::User; }

    QJsonObject toJson() const;
    // The form of toJson(); nothing (with the reason) for anything else. Unknown members are
    // ignored, as everywhere in the protocol.
    static std::optional<AuditEntry> fromJson(const QJsonValue &value, QString *problem);

    static QString actorKey(ActorKind kind);
    static std::optional<ActorKind> actorFromKey(const QString &key);
};
