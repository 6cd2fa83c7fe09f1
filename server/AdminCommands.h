#pragma once

#include "ChangeOutcome.h"
#include "Device.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

class Database;
class SettingsRepository;
class TokenRepository;

// The administration commands (docs/protocol.md, section 9): users, what happens to their
// unanswered calls, tokens, devices, their workspace, number, User Configurable flag and rules. The
// same code serves admin sessions of a running server and followme-admin --db; the server then fans
// the outcome out.
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(AdminCommands)

public:
    AdminCommands(const Database &database, const SettingsRepository &settings,
                  const TokenRepository &tokens);

    ChangeOutcome execute(const QString &command, const QJsonObject &args) const;
    static QStringList commands();

private:
    using DeviceChange = std::function<std::optional<ProtocolError>(Device &)>;

    // not_found for no such user, internal when it could not be read; nothing when it exists.
    std::optional<ProtocolError> unknownUser(const QString &userId) const;
    ChangeOutcome addUser(const QJsonObject &args) const;
    ChangeOutcome removeUser(const QJsonObject &args) const;
    ChangeOutcome listUsers() const;
    ChangeOutcome setUnanswered(const QJsonObject &args) const;
    ChangeOutcome issueToken(const QJsonObject &args, bool admin) const;
    ChangeOutcome revokeToken(const QJsonObject &args) const;
    ChangeOutcome listTokens(const QJsonObject &args) const;
    ChangeOutcome addDevice(const QJsonObject &args) const;
    ChangeOutcome removeDevice(const QJsonObject &args) const;
    ChangeOutcome setRule(const QJsonObject &args) const;
    ChangeOutcome listDevices(const QJsonObject &args) const;
    // Loads the device named by args.device, applies `change`, checks the user's whole
    // settings afterwards and commits the change with a revision bump.
    ChangeOutcome changeDevice(const QJsonObject &args, const DeviceChange &change) const;

    const Database &m_database;
    const SettingsRepository &m_settings;
    const TokenRepository &m_tokens;
};
