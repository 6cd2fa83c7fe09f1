#pragma once

#include "ChangeOutcome.h"
#include "ClientMessage.h"

#include <QCoreApplication>

class Database;
class SettingsRepository;

// Applies a user's edit (setRule, setControlledDevice) with every check the server owes the
// protocol, whatever the client sent: unknown device, another user's device, a locked device,
// an external number as controlled device. Decoding (ClientMessage) has already checked types
// and bounds. A request id seen before is answered with its original revision (4.4).
class EditHandler
{
    Q_DECLARE_TR_FUNCTIONS(EditHandler)

public:
    EditHandler(const Database &database, const SettingsRepository &repository);

    ChangeOutcome apply(const QString &userId, const ClientMessage &edit) const;

private:
    ChangeOutcome setRule(const QString &userId, const ClientMessage &edit) const;
    ChangeOutcome setControlledDevice(const QString &userId, const ClientMessage &edit) const;
    // Records the request id with the user's current revision when an edit changed nothing.
    ChangeOutcome acknowledgeUnchanged(const QString &userId, const QString &requestId) const;
    // internal: a read failed, so the edit was neither checked nor applied.
    ProtocolError readFailed(const QString &requestId) const;
    ProtocolError commitFailed(const QString &requestId) const;

    const Database &m_database;
    const SettingsRepository &m_repository;
};
