#pragma once

#include "AuditEntry.h"
#include "ChangeOutcome.h"
#include "Device.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

class AuditLog;
class ChangeLog;
class Database;
class SettingsRepository;
class SqlTransaction;
class TokenRepository;

// The administration commands (docs/protocol.md, section 9): users, what happens to their
// unanswered calls, tokens, devices, their workspace, number, User Configurable flag and rules. The
// same code serves admin sessions of a running server and followme-admin --db; the server then fans
// the outcome out (and on PostgreSQL every server does, from the ChangeLog). Every change is
// recorded in the audit log in its own transaction, as made by the actor the caller names.
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(AdminCommands)

public:
    AdminCommands(const Database &database, const SettingsRepository &settings,
                  const TokenRepository &tokens, const AuditLog &audit, const ChangeLog &changes);

    ChangeOutcome execute(const QString &command, const QJsonObject &args,
                          const AuditEntry::Actor &actor) const;
    static QStringList commands();

private:
    using DeviceChange = std::function<std::optional<ProtocolError>(Device &)>;
    using Actor = AuditEntry::Actor;

    ChangeOutcome run(const QString &command, const QJsonObject &args, const Actor &actor) const;
    // The user a command changes (args.user, or the owner of args.device); empty for none.
    QString concernedUser(const QJsonObject &args) const;

    // not_found for no such user, internal when it could not be read; nothing when it exists.
    std::optional<ProtocolError> unknownUser(const QString &userId) const;
    ChangeOutcome addUser(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome removeUser(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome listUsers() const;
    ChangeOutcome setUnanswered(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome issueToken(const QJsonObject &args, bool admin, const Actor &actor) const;
    ChangeOutcome revokeToken(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome listTokens(const QJsonObject &args) const;
    ChangeOutcome addDevice(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome removeDevice(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome setRule(const QJsonObject &args, const Actor &actor) const;
    ChangeOutcome listDevices(const QJsonObject &args) const;
    ChangeOutcome listAudit(const QJsonObject &args) const;
    // profile.list: a user's profiles, the active one, the override, the schedule.
    ChangeOutcome listProfiles(const QJsonObject &args) const;
    // profile.activate, schedule.set, schedule.lock and schedule.unlock: made as the user's
    // profile edits are (ProfileEditing), by the administrator.
    ChangeOutcome changeProfiles(const QString &command, const QJsonObject &args,
                                 const Actor &actor) const;
    // Loads the device named by args.device, applies `change`, checks the user's whole
    // settings afterwards and commits the change (recorded as `action`) with a revision bump.
    ChangeOutcome changeDevice(const QJsonObject &args, const QString &action, const Actor &actor,
                               const DeviceChange &change) const;
    // The record of a change of `userId` by `actor`, to be completed and written by record().
    static AuditEntry entryFor(const QString &userId, const QString &action, const Actor &actor);
    // Writes the entry (in the open transaction) and keeps it for the outcome; false if it
    // could not be written, so the transaction must not commit.
    bool record(AuditEntry entry, qint64 revision, ChangeOutcome *outcome) const;
    // Tells the other servers of the outcome (ChangeLog), whose effects are all set now, and
    // commits; false if either failed.
    bool commit(SqlTransaction &transaction, const ChangeOutcome &outcome) const;

    const Database &m_database;
    const SettingsRepository &m_settings;
    const TokenRepository &m_tokens;
    const AuditLog &m_audit;
    const ChangeLog &m_changes;
};
