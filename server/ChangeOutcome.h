#pragma once

#include "AuditEntry.h"
#include "ProtocolError.h"
#include "ServerMessage.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

// What one edit or admin command did, for the Server to answer and fan out. Produced only
// after the transaction committed (or nothing changed); an error means nothing was changed.
struct ChangeOutcome
{
    std::optional<ProtocolError> error;
    qint64 revision = 0; // an edit's ack revision
    bool unchanged = false; // an edit that changed nothing, so wrote nothing
    QJsonObject result; // an admin command's result
    // Pushes to every session of a user (for an edit: all but the sender).
    QList<std::pair<QString, ServerMessage>> pushes;
    // Users whose sessions get a fresh snapshot (structural admin changes).
    QStringList snapshotUsers;
    // Sessions to close with 4001: users removed, tokens revoked.
    QStringList removedUsers;
    QList<qint64> revokedTokens;
    // The change's record in the audit log, written in the same transaction.
    std::optional<AuditEntry> audit;

    static ChangeOutcome failure(const ProtocolError &error)
    {
        ChangeOutcome outcome;
        outcome.error = error;
        return outcome;
    }
    static ChangeOutcome failure(Protocol::ErrorCode code, const QString &message,
                                 const QString &requestId = {})
    {
        ChangeOutcome outcome;
        outcome.error = ProtocolError {code, message, requestId};
        return outcome;
    }
};
