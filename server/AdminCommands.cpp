#include "AdminCommands.h"

#include "AuditLog.h"
#include "ChangeLog.h"
#include "ClientMessage.h"
#include "Database.h"
#include "ProfileCodec.h"
#include "ProfileEditing.h"
#include "ProfileEdits.h"
#include "ProfileSwitch.h"
#include "ServerLog.h"
#include "SettingsCodec.h"
#include "SettingsRepository.h"
#include "SqlTransaction.h"
#include "TokenHasher.h"
#include "TokenRepository.h"

#include <QJsonArray>
#include <QScopeGuard>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

ProtocolError invalid(const QString &message)
{
    return {Code::Invalid, message, {}};
}

// A required string member; empty strings are allowed only when `allowEmpty`.
std::optional<ProtocolError> readString(const QJsonObject &args, const QString &key, QString *out,
                                        bool allowEmpty = false)
{
    const QJsonValue value = args.value(key);
    if (!value.isString() || (!allowEmpty && value.toString().isEmpty()))
        return invalid(AdminCommands::tr("%1: must be a non-empty string").arg(key));
    *out = value.toString();
    return std::nullopt;
}

ProtocolError internalError()
{
    return {Code::Internal, AdminCommands::tr("the server could not store the change"), {}};
}

ProtocolError readError()
{
    return {Code::Internal, AdminCommands::tr("the server could not read its database"), {}};
}

// As in the settings document: only the call kinds where it is known.
QJsonObject unansweredJson(const SettingsRepository::UnansweredCalls &calls)
{
    QJsonObject object;
    for (CallKind kind : CallKinds::all()) {
        if (const auto &call = calls.at(CallKinds::index(kind)))
            object.insert(CallKinds::key(kind), SettingsCodec::unansweredToJson(*call));
    }
    return object;
}

QJsonObject deviceJson(const SettingsRepository::OwnedDevice &owned)
{
    FollowMeSettings single;
    single.devices.append(owned.device);
    QJsonObject object =
        SettingsCodec::toJson(single).value(u"devices"_s).toArray().first().toObject();
    object.insert(u"user"_s, owned.userId);
    return object;
}

} // namespace

AdminCommands::AdminCommands(const Database &database, const SettingsRepository &settings,
                             const TokenRepository &tokens, const AuditLog &audit,
                             const ChangeLog &changes)
    : m_database(database)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_audit(audit)
    , m_changes(changes)
{ }

AuditEntry AdminCommands::entryFor(const QString &userId, const QString &action, const Actor &actor)
{
    AuditEntry entry;
    entry.userId = userId;
    entry.action = action;
    entry.by = actor;
    return entry;
}

bool AdminCommands::commit(SqlTransaction &transaction, const ChangeOutcome &outcome) const
{
    return m_changes.record(outcome) && transaction.commit();
}

bool AdminCommands::record(AuditEntry entry, qint64 revision, ChangeOutcome *outcome) const
{
    entry.revision = revision;
    if (!m_audit.record(entry))
        return false;
    outcome->audit = entry;
    return true;
}

QStringList AdminCommands::commands()
{
    return {u"user.add"_s,           u"user.remove"_s,      u"user.list"_s,
            u"user.setUnanswered"_s, u"token.issue"_s,      u"token.revoke"_s,
            u"token.list"_s,         u"adminToken.issue"_s, u"device.add"_s,
            u"device.remove"_s,      u"device.rename"_s,    u"device.lock"_s,
            u"device.unlock"_s,      u"device.setNumber"_s, u"device.setWorkspace"_s,
            u"device.setRule"_s,     u"device.list"_s,      u"audit.list"_s,
            u"profile.list"_s,       u"profile.activate"_s, u"schedule.set"_s,
            u"schedule.lock"_s,      u"schedule.unlock"_s};
}

ChangeOutcome AdminCommands::execute(const QString &command, const QJsonObject &args,
                                     const Actor &actor) const
{
    // A command reads what it changes before its transaction: with the user held, nothing
    // another server commits for that user falls between the read and the write.
    // (On SQLite the write transaction holds the whole file: no user is held, nor looked up.)
    const bool holds = m_database.backend() == Database::Backend::PostgreSQL;
    const QString userId = holds && !command.endsWith(u".list") ? concernedUser(args) : QString();
    if (!userId.isEmpty() && !m_settings.holdUser(userId))
        return ChangeOutcome::failure(internalError());
    const auto release = qScopeGuard([&] {
        if (!userId.isEmpty())
            m_settings.releaseUser(userId);
    });
    return run(command, args, actor);
}

QString AdminCommands::concernedUser(const QJsonObject &args) const
{
    if (const QJsonValue user = args.value(u"user"_s); user.isString())
        return user.toString();
    if (const QJsonValue device = args.value(u"device"_s); device.isString()) {
        const auto owned = m_settings.device(device.toString());
        if (owned.hasValue())
            return owned->userId;
    }
    return {};
}

ChangeOutcome AdminCommands::run(const QString &command, const QJsonObject &args,
                                 const Actor &actor) const
{
    if (command == u"user.add")
        return addUser(args, actor);
    if (command == u"user.remove")
        return removeUser(args, actor);
    if (command == u"user.list")
        return listUsers();
    if (command == u"user.setUnanswered")
        return setUnanswered(args, actor);
    if (command == u"token.issue")
        return issueToken(args, false, actor);
    if (command == u"adminToken.issue")
        return issueToken(args, true, actor);
    if (command == u"token.revoke")
        return revokeToken(args, actor);
    if (command == u"token.list")
        return listTokens(args);
    if (command == u"device.add")
        return addDevice(args, actor);
    if (command == u"device.remove")
        return removeDevice(args, actor);
    if (command == u"device.setRule")
        return setRule(args, actor);
    if (command == u"device.list")
        return listDevices(args);
    if (command == u"audit.list")
        return listAudit(args);
    if (command == u"profile.list")
        return listProfiles(args);
    if (command == u"profile.activate" || command.startsWith(u"schedule."))
        return changeProfiles(command, args, actor);
    if (command == u"device.rename") {
        QString name;
        if (auto problem = readString(args, u"name"_s, &name))
            return ChangeOutcome::failure(*problem);
        return changeDevice(args, command, actor,
                            [name](Device &device) -> std::optional<ProtocolError> {
                                device.name = name;
                                return std::nullopt;
                            });
    }
    if (command == u"device.lock" || command == u"device.unlock") {
        const bool configurable = command == u"device.unlock";
        return changeDevice(args, command, actor,
                            [configurable](Device &device) -> std::optional<ProtocolError> {
                                device.userConfigurable = configurable;
                                return std::nullopt;
                            });
    }
    if (command == u"device.setNumber") {
        QString number;
        if (auto problem = readString(args, u"number"_s, &number, true))
            return ChangeOutcome::failure(*problem);
        return changeDevice(args, command, actor,
                            [number](Device &device) -> std::optional<ProtocolError> {
                                device.number = number;
                                return std::nullopt;
                            });
    }
    if (command == u"device.setWorkspace") {
        const QJsonValue value = args.value(u"workspace"_s);
        if (!value.isNull() && !value.isString())
            return ChangeOutcome::failure(invalid(tr("workspace: must be a string or null")));
        const QString workspace = value.toString();
        return changeDevice(args, command, actor,
                            [workspace](Device &device) -> std::optional<ProtocolError> {
                                device.workspace = workspace;
                                return std::nullopt;
                            });
    }
    return ChangeOutcome::failure(Code::Unsupported,
                                  tr("\"%1\" is not an admin command").arg(command));
}

std::optional<ProtocolError> AdminCommands::unknownUser(const QString &userId) const
{
    const auto user = m_settings.user(userId);
    if (user.failed())
        return readError();
    if (!user.hasValue())
        return ProtocolError {Code::NotFound, tr("no user has the id \"%1\"").arg(userId), {}};
    return std::nullopt;
}

ChangeOutcome AdminCommands::addUser(const QJsonObject &args, const Actor &actor) const
{
    QString userId;
    QString name;
    if (auto problem = readString(args, u"user"_s, &userId))
        return ChangeOutcome::failure(*problem);
    if (auto problem = SettingsCodec::validateDeviceId(userId, u"user"_s))
        return ChangeOutcome::failure(invalid(problem->message()));
    if (auto problem = readString(args, u"name"_s, &name))
        return ChangeOutcome::failure(*problem);
    if (name.trimmed().isEmpty() || name.size() > SettingsCodec::maxNameLength)
        return ChangeOutcome::failure(
            invalid(tr("name: must hold 1 to %1 characters").arg(SettingsCodec::maxNameLength)));
    const auto existing = m_settings.user(userId);
    if (existing.failed())
        return ChangeOutcome::failure(readError());
    if (existing.hasValue())
        return ChangeOutcome::failure(invalid(tr("the user \"%1\" already exists").arg(userId)));
    ChangeOutcome outcome;
    AuditEntry entry = entryFor(userId, u"user.add"_s, actor);
    entry.after = name;
    SqlTransaction transaction(m_database.connection());
    if (!transaction.isActive() || !m_settings.insertUser(userId, name)
        || !record(entry, 1, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {{u"user"_s, userId}, {u"revision"_s, 1}};
    return outcome;
}

ChangeOutcome AdminCommands::removeUser(const QJsonObject &args, const Actor &actor) const
{
    QString userId;
    if (auto problem = readString(args, u"user"_s, &userId))
        return ChangeOutcome::failure(*problem);
    const auto user = m_settings.user(userId);
    if (user.failed())
        return ChangeOutcome::failure(readError());
    if (!user.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId));
    ChangeOutcome outcome;
    AuditEntry entry = entryFor(userId, u"user.remove"_s, actor);
    entry.before = user->name;
    SqlTransaction transaction(m_database.connection());
    outcome.removedUsers.append(userId);
    if (!transaction.isActive() || !m_settings.deleteUser(userId)
        || !record(entry, user->revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {{u"user"_s, userId}};
    return outcome;
}

ChangeOutcome AdminCommands::listUsers() const
{
    const auto allDevices = m_settings.devices();
    const auto allTokens = m_tokens.list();
    const auto allUsers = m_settings.users();
    if (!allDevices || !allTokens || !allUsers)
        return ChangeOutcome::failure(readError());
    QHash<QString, int> deviceCounts;
    for (const auto &owned : *allDevices)
        ++deviceCounts[owned.userId];
    QHash<QString, int> tokenCounts;
    for (const auto &token : *allTokens)
        ++tokenCounts[token.userId];
    QJsonArray users;
    for (const auto &user : *allUsers) {
        // So an administrator can see it without a client.
        const auto unanswered = m_settings.unanswered(user.id);
        if (!unanswered)
            return ChangeOutcome::failure(readError());
        users.append(QJsonObject {{u"id"_s, user.id},
                                  {u"name"_s, user.name},
                                  {u"revision"_s, user.revision},
                                  {u"devices"_s, deviceCounts.value(user.id)},
                                  {u"tokens"_s, tokenCounts.value(user.id)},
                                  {u"unanswered"_s, unansweredJson(*unanswered)}});
    }
    ChangeOutcome outcome;
    outcome.result = {{u"users"_s, users}};
    return outcome;
}

ChangeOutcome AdminCommands::setUnanswered(const QJsonObject &args, const Actor &actor) const
{
    QString userId;
    QString kindKey;
    QString actionKey;
    for (const auto &[key, out] :
         {std::pair {u"user"_s, &userId}, std::pair {u"callKind"_s, &kindKey},
          std::pair {u"action"_s, &actionKey}}) {
        if (auto problem = readString(args, key, out))
            return ChangeOutcome::failure(*problem);
    }
    const auto kind = CallKinds::fromKey(kindKey);
    if (!kind)
        return ChangeOutcome::failure(invalid(tr("callKind: must be external, internal or teams")));
    const QJsonValue number = args.value(u"number"_s);
    if (!number.isUndefined() && !number.isString())
        return ChangeOutcome::failure(invalid(tr("number: must be a string")));
    std::optional<UnansweredCall> call;
    if (actionKey == u"none") {
        // A number here would be silently dropped; refuse it as the document's check would.
        if (!number.toString().isEmpty())
            return ChangeOutcome::failure(
                invalid(tr("number: only the action \"number\" has a number")));
    } else {
        const auto action = UnansweredCall::actionFromKey(actionKey);
        if (!action)
            return ChangeOutcome::failure(
                invalid(tr("action: must be voicemail, number, hangup or none")));
        call = UnansweredCall {*action, number.toString()};
        if (auto problem =
                SettingsCodec::validateUnanswered(*call, u"unanswered."_s + CallKinds::key(*kind)))
            return ChangeOutcome::failure(invalid(problem->message()));
    }

    auto settings = m_settings.settings(userId);
    if (settings.failed())
        return ChangeOutcome::failure(readError());
    if (!settings.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId));
    const std::optional<UnansweredCall> before = settings->unansweredCall(*kind);
    settings->unansweredCall(*kind) = call;
    if (auto problem = SettingsCodec::validate(*settings))
        return ChangeOutcome::failure(invalid(problem->message()));

    ChangeOutcome outcome;
    outcome.result = {{u"user"_s, userId},
                      {u"callKind"_s, CallKinds::key(*kind)},
                      {u"unanswered"_s,
                       call ? QJsonValue(SettingsCodec::unansweredToJson(*call)) : QJsonValue()}};
    if (call == before) {
        const auto user = m_settings.user(userId);
        if (!user.hasValue())
            return ChangeOutcome::failure(readError());
        outcome.result.insert(u"revision"_s, user->revision);
        outcome.result.insert(u"changed"_s, false);
        return outcome;
    }
    AuditEntry entry = entryFor(userId, u"user.setUnanswered"_s, actor);
    entry.callKind = *kind;
    entry.before = before ? QJsonValue(SettingsCodec::unansweredToJson(*before)) : QJsonValue();
    entry.after = call ? QJsonValue(SettingsCodec::unansweredToJson(*call)) : QJsonValue();
    SqlTransaction transaction(m_database.connection());
    std::optional<qint64> revision;
    if (transaction.isActive() && m_settings.writeUnanswered(userId, *kind, call))
        revision = m_settings.bumpRevision(userId);
    // No push type carries it (ruleChanged is per device), so the sessions get a snapshot.
    outcome.snapshotUsers.append(userId);
    if (!revision || !record(entry, *revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result.insert(u"revision"_s, *revision);
    outcome.result.insert(u"changed"_s, true);
    return outcome;
}

ChangeOutcome AdminCommands::issueToken(const QJsonObject &args, bool admin,
                                        const Actor &actor) const
{
    QString userId;
    qint64 revision = 0;
    if (!admin) {
        if (auto problem = readString(args, u"user"_s, &userId))
            return ChangeOutcome::failure(*problem);
        const auto user = m_settings.user(userId);
        if (user.failed())
            return ChangeOutcome::failure(readError());
        if (!user.hasValue())
            return ChangeOutcome::failure(Code::NotFound,
                                          tr("no user has the id \"%1\"").arg(userId));
        revision = user->revision;
    }
    const QString token = TokenHasher::generate();
    ChangeOutcome outcome;
    SqlTransaction transaction(m_database.connection());
    const qint64 tokenId =
        transaction.isActive() ? m_tokens.add(token, userId, admin).value_or(0) : 0;
    // The record names the token by its id; the token itself is never stored or logged.
    AuditEntry entry = entryFor(userId, admin ? u"adminToken.issue"_s : u"token.issue"_s, actor);
    entry.after = QJsonObject {{u"tokenId"_s, tokenId}};
    if (tokenId <= 0 || !record(entry, revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {{u"token"_s, token}, {u"tokenId"_s, tokenId}, {u"admin"_s, admin}};
    if (!admin)
        outcome.result.insert(u"user"_s, userId);
    return outcome;
}

ChangeOutcome AdminCommands::revokeToken(const QJsonObject &args, const Actor &actor) const
{
    const QJsonValue id = args.value(u"tokenId"_s);
    if (!id.isDouble() || id.toInteger() <= 0)
        return ChangeOutcome::failure(invalid(tr("tokenId: must be a token id")));
    SqlTransaction transaction(m_database.connection());
    const auto removed = transaction.isActive() ? m_tokens.remove(id.toInteger())
                                                : StoreRead<TokenRepository::Info>::readFailed();
    if (removed.failed())
        return ChangeOutcome::failure(internalError());
    if (!removed.hasValue())
        return ChangeOutcome::failure(Code::NotFound,
                                      tr("no token has the id %1").arg(id.toInteger()));
    ChangeOutcome outcome;
    const auto user = removed->admin ? StoreRead<SettingsRepository::User>::notFound()
                                     : m_settings.user(removed->userId);
    if (user.failed())
        return ChangeOutcome::failure(readError());
    AuditEntry entry = entryFor(removed->admin ? QString() : removed->userId,
                                removed->admin ? u"adminToken.revoke"_s : u"token.revoke"_s, actor);
    entry.before = QJsonObject {{u"tokenId"_s, removed->tokenId}};
    outcome.revokedTokens.append(removed->tokenId);
    if (!record(entry, user.hasValue() ? user->revision : 0, &outcome)
        || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {{u"tokenId"_s, removed->tokenId}, {u"admin"_s, removed->admin}};
    if (!removed->admin)
        outcome.result.insert(u"user"_s, removed->userId);
    return outcome;
}

ChangeOutcome AdminCommands::listTokens(const QJsonObject &args) const
{
    const QString userId = args.value(u"user"_s).toString();
    const auto infos = m_tokens.list(userId);
    if (!infos)
        return ChangeOutcome::failure(readError());
    QJsonArray tokens;
    for (const auto &token : *infos)
        tokens.append(
            QJsonObject {{u"tokenId"_s, token.tokenId},
                         {u"user"_s, token.admin ? QJsonValue() : QJsonValue(token.userId)},
                         {u"admin"_s, token.admin},
                         {u"createdAt"_s, token.createdAt}});
    ChangeOutcome outcome;
    outcome.result = {{u"tokens"_s, tokens}};
    return outcome;
}

ChangeOutcome AdminCommands::addDevice(const QJsonObject &args, const Actor &actor) const
{
    QString userId;
    QString kindKey;
    Device device;
    for (const auto &[key, out] :
         {std::pair {u"user"_s, &userId}, std::pair {u"device"_s, &device.id},
          std::pair {u"name"_s, &device.name}, std::pair {u"kind"_s, &kindKey}}) {
        if (auto problem = readString(args, key, out))
            return ChangeOutcome::failure(*problem);
    }
    if (auto problem = readString(args, u"number"_s, &device.number, true))
        return ChangeOutcome::failure(*problem);
    const QJsonValue workspace = args.value(u"workspace"_s);
    if (!workspace.isUndefined() && !workspace.isNull() && !workspace.isString())
        return ChangeOutcome::failure(invalid(tr("workspace: must be a string or null")));
    device.workspace = workspace.toString();
    const QJsonValue configurable = args.value(u"userConfigurable"_s);
    if (!configurable.isUndefined() && !configurable.isBool())
        return ChangeOutcome::failure(invalid(tr("userConfigurable: must be true or false")));
    device.userConfigurable = configurable.toBool(true);
    const auto kind = DeviceKinds::fromKey(kindKey);
    if (!kind)
        return ChangeOutcome::failure(
            invalid(tr("kind: must be desk_phone, softphone, mobile_app, dect or external")));
    device.kind = *kind;
    for (RingRule &rule : device.rules)
        rule = RingRule {true, 0, 20};
    if (auto problem = SettingsCodec::validateDeviceId(device.id, u"device"_s))
        return ChangeOutcome::failure(invalid(problem->message()));

    auto settings = m_settings.settings(userId);
    if (settings.failed())
        return ChangeOutcome::failure(readError());
    if (!settings.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId));
    const auto existing = m_settings.device(device.id);
    if (existing.failed())
        return ChangeOutcome::failure(readError());
    if (existing.hasValue())
        return ChangeOutcome::failure(invalid(
            tr("the device id \"%1\" is already used (by %2)").arg(device.id, existing->userId)));
    settings->devices.append(device);
    if (auto problem = SettingsCodec::validate(*settings))
        return ChangeOutcome::failure(invalid(problem->message()));

    ChangeOutcome outcome;
    AuditEntry entry = entryFor(userId, u"device.add"_s, actor);
    entry.deviceId = device.id;
    entry.after = deviceJson({userId, device});
    SqlTransaction transaction(m_database.connection());
    std::optional<qint64> revision;
    // Every profile starts with the administrator's rules for it (ProfileSwitch::addDevice); under
    // Do not disturb the device itself is as quiet as the others until it ends.
    ProfileSwitch::addDevice(*settings, device);
    Device stored = device;
    if (settings->doNotDisturb() && !device.isLocked()) {
        for (RingRule &rule : stored.rules)
            rule.enabled = false;
    }
    if (transaction.isActive() && m_settings.insertDevice(userId, stored)
        && (settings->profiles.isEmpty() || m_settings.writeProfiles(userId, *settings)))
        revision = m_settings.bumpRevision(userId);
    outcome.snapshotUsers.append(userId);
    if (!revision || !record(entry, *revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {{u"user"_s, userId}, {u"device"_s, device.id}, {u"revision"_s, *revision}};
    return outcome;
}

ChangeOutcome AdminCommands::removeDevice(const QJsonObject &args, const Actor &actor) const
{
    QString deviceId;
    if (auto problem = readString(args, u"device"_s, &deviceId))
        return ChangeOutcome::failure(*problem);
    const auto owned = m_settings.device(deviceId);
    if (owned.failed())
        return ChangeOutcome::failure(readError());
    if (!owned.hasValue())
        return ChangeOutcome::failure(Code::NotFound,
                                      tr("no device has the id \"%1\"").arg(deviceId));
    const auto settings = m_settings.settings(owned->userId);
    if (!settings.hasValue())
        return ChangeOutcome::failure(readError());

    // Its rules leave every profile with it.
    FollowMeSettings remaining = *settings;
    for (RingProfile &profile : remaining.profiles)
        profile.rules.remove(deviceId);
    remaining.devices.removeAt(remaining.indexOf(deviceId));
    SqlTransaction transaction(m_database.connection());
    bool written = transaction.isActive() && m_settings.deleteDevice(deviceId)
        && (remaining.profiles.isEmpty() || m_settings.writeProfiles(owned->userId, remaining));
    // The controlled device must exist (settings format), so removing it clears the choice.
    if (written && settings->controlledDeviceId == deviceId)
        written = m_settings.writeControlledDevice(owned->userId, QString());
    const qint64 revision = written ? m_settings.bumpRevision(owned->userId).value_or(0) : 0;
    ChangeOutcome outcome;
    AuditEntry entry = entryFor(owned->userId, u"device.remove"_s, actor);
    entry.deviceId = deviceId;
    entry.before = deviceJson(*owned);
    outcome.snapshotUsers.append(owned->userId);
    if (revision <= 0 || !record(entry, revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result = {
        {u"user"_s, owned->userId}, {u"device"_s, deviceId}, {u"revision"_s, revision}};
    return outcome;
}

ChangeOutcome AdminCommands::setRule(const QJsonObject &args, const Actor &actor) const
{
    // The same decoding as a user's setRule, so types and bounds are checked identically.
    QJsonObject message = args;
    message.insert(u"type"_s, u"setRule"_s);
    message.insert(u"id"_s, u"admin"_s);
    ProtocolError problem;
    const auto edit = ClientMessage::fromJson(message, &problem);
    if (!edit) {
        problem.requestId.clear();
        return ChangeOutcome::failure(problem);
    }
    const auto owned = m_settings.device(edit->deviceId);
    if (owned.failed())
        return ChangeOutcome::failure(readError());
    if (!owned.hasValue())
        return ChangeOutcome::failure(Code::NotFound,
                                      tr("no device has the id \"%1\"").arg(edit->deviceId));
    const RingRule before = owned->device.rule(edit->callKind);
    const RingRule after = edit->change.appliedTo(before);
    ChangeOutcome outcome;
    outcome.result = {{u"user"_s, owned->userId},
                      {u"device"_s, edit->deviceId},
                      {u"rule"_s, SettingsCodec::ruleToJson(after)}};
    if (after == before) {
        const auto user = m_settings.user(owned->userId);
        if (!user.hasValue())
            return ChangeOutcome::failure(readError());
        outcome.result.insert(u"revision"_s, user->revision);
        outcome.result.insert(u"changed"_s, false);
        return outcome;
    }
    AuditEntry entry = entryFor(owned->userId, u"device.setRule"_s, actor);
    entry.deviceId = edit->deviceId;
    entry.callKind = edit->callKind;
    entry.before = SettingsCodec::ruleToJson(before);
    entry.after = SettingsCodec::ruleToJson(after);
    SqlTransaction transaction(m_database.connection());
    std::optional<qint64> revision;
    if (transaction.isActive() && m_settings.writeRule(edit->deviceId, edit->callKind, after))
        revision = m_settings.bumpRevision(owned->userId);
    if (!revision || !record(entry, *revision, &outcome))
        return ChangeOutcome::failure(internalError());
    // The push names the audit record, which has its id now.
    ServerMessage push =
        ServerMessage::ruleChanged(*revision, edit->deviceId, edit->callKind, after);
    push.change = outcome.audit;
    outcome.pushes.append({owned->userId, push});
    if (!commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result.insert(u"revision"_s, *revision);
    outcome.result.insert(u"changed"_s, true);
    return outcome;
}

ChangeOutcome AdminCommands::listDevices(const QJsonObject &args) const
{
    const QString userId = args.value(u"user"_s).toString();
    if (!userId.isEmpty()) {
        if (auto problem = unknownUser(userId))
            return ChangeOutcome::failure(*problem);
    }
    const auto owned = m_settings.devices(userId);
    if (!owned)
        return ChangeOutcome::failure(readError());
    QJsonArray devices;
    for (const auto &device : *owned)
        devices.append(deviceJson(device));
    ChangeOutcome outcome;
    outcome.result = {{u"devices"_s, devices}};
    return outcome;
}

ChangeOutcome AdminCommands::changeDevice(const QJsonObject &args, const QString &action,
                                          const Actor &actor, const DeviceChange &change) const
{
    QString deviceId;
    if (auto problem = readString(args, u"device"_s, &deviceId))
        return ChangeOutcome::failure(*problem);
    const auto owned = m_settings.device(deviceId);
    if (owned.failed())
        return ChangeOutcome::failure(readError());
    if (!owned.hasValue())
        return ChangeOutcome::failure(Code::NotFound,
                                      tr("no device has the id \"%1\"").arg(deviceId));
    auto settings = m_settings.settings(owned->userId);
    const int index = settings.hasValue() ? settings->indexOf(deviceId) : -1;
    if (index < 0)
        return ChangeOutcome::failure(readError());
    Device device = owned->device;
    if (auto problem = change(device))
        return ChangeOutcome::failure(*problem);
    settings->devices[index] = device;
    if (auto problem = SettingsCodec::validate(*settings))
        return ChangeOutcome::failure(invalid(problem->message()));

    ChangeOutcome outcome;
    outcome.result = {{u"user"_s, owned->userId}, {u"device"_s, deviceId}};
    if (device == owned->device) {
        const auto user = m_settings.user(owned->userId);
        if (!user.hasValue())
            return ChangeOutcome::failure(readError());
        outcome.result.insert(u"revision"_s, user->revision);
        outcome.result.insert(u"changed"_s, false);
        return outcome;
    }
    AuditEntry entry = entryFor(owned->userId, action, actor);
    entry.deviceId = deviceId;
    auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    if (device.name != owned->device.name) {
        entry.before = owned->device.name;
        entry.after = device.name;
    } else if (device.number != owned->device.number) {
        entry.before = textOrNull(owned->device.number);
        entry.after = textOrNull(device.number);
    } else if (device.workspace != owned->device.workspace) {
        entry.before = textOrNull(owned->device.workspace);
        entry.after = textOrNull(device.workspace);
    }
    // Unlocked under Do not disturb: the administrator's rules go into every profile, and the
    // device is quiet like the others until Do not disturb ends.
    const FollowMeSettings before = *settings;
    const bool unlockedWhileQuiet =
        settings->doNotDisturb() && owned->device.isLocked() && !device.isLocked();
    if (unlockedWhileQuiet) {
        ProfileSwitch::addDevice(*settings, device);
        for (RingRule &rule : settings->devices[index].rules)
            rule.enabled = false;
    }
    SqlTransaction transaction(m_database.connection());
    std::optional<qint64> revision;
    if (transaction.isActive() && m_settings.updateDevice(device)
        && (!unlockedWhileQuiet
            || m_settings.writeProfileChanges(owned->userId, before, *settings)))
        revision = m_settings.bumpRevision(owned->userId);
    outcome.snapshotUsers.append(owned->userId);
    if (!revision || !record(entry, *revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result.insert(u"revision"_s, *revision);
    outcome.result.insert(u"changed"_s, true);
    return outcome;
}

ChangeOutcome AdminCommands::listAudit(const QJsonObject &args) const
{
    AuditLog::Query query;
    const QJsonValue user = args.value(u"user"_s);
    if (!user.isUndefined()) {
        if (!user.isString() || user.toString().isEmpty())
            return ChangeOutcome::failure(invalid(tr("user: must be a non-empty string")));
        query.userId = user.toString();
    }
    const QJsonValue limit = args.value(u"limit"_s);
    if (!limit.isUndefined()) {
        const double value = limit.toDouble(-1);
        if (!limit.isDouble() || value != std::floor(value) || value < 1
            || value > AuditLog::maxLimit)
            return ChangeOutcome::failure(
                invalid(tr("limit: must be a whole number from 1 to %1").arg(AuditLog::maxLimit)));
        query.limit = int(value);
    }
    const QJsonValue before = args.value(u"before"_s);
    if (!before.isUndefined()) {
        const double value = before.toDouble(-1);
        if (!before.isDouble() || value != std::floor(value) || value < 1)
            return ChangeOutcome::failure(invalid(tr("before: must be an entry id")));
        query.beforeId = qint64(value);
    }
    // A removed user's record stays readable, so an unknown user is not refused: it has none.
    const auto entries = m_audit.list(query);
    if (!entries)
        return ChangeOutcome::failure(readError());
    QJsonArray list;
    for (const AuditEntry &entry : *entries)
        list.append(entry.toJson());
    ChangeOutcome outcome;
    outcome.result = {{u"entries"_s, list}};
    return outcome;
}

ChangeOutcome AdminCommands::listProfiles(const QJsonObject &args) const
{
    QString userId;
    if (auto problem = readString(args, u"user"_s, &userId))
        return ChangeOutcome::failure(*problem);
    const auto settings = m_settings.settings(userId);
    if (settings.failed())
        return ChangeOutcome::failure(readError());
    if (!settings.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId));
    // The settings document's own members, as a client sees them.
    QJsonObject members;
    ProfileCodec::write(*settings, &members);
    QJsonArray profiles;
    for (const QString &id : settings->profileIds()) {
        const RingProfile *profile = settings->profile(id);
        profiles.append(QJsonObject {{u"id"_s, id}, {u"name"_s, profile ? profile->name : u""_s}});
    }
    ChangeOutcome outcome;
    outcome.result = {
        {u"user"_s, userId},
        {u"profiles"_s, profiles},
        {u"activeProfile"_s,
         members.value(u"activeProfile"_s).isObject()
             ? members.value(u"activeProfile"_s)
             : QJsonValue(QJsonObject {{u"id"_s, settings->activeProfileId()}})},
        {u"override"_s,
         members.value(u"override"_s).isObject() ? members.value(u"override"_s) : QJsonValue()},
        {u"schedule"_s,
         members.value(u"schedule"_s).isObject() ? members.value(u"schedule"_s) : QJsonValue()},
        {u"scheduleLocked"_s, settings->scheduleLocked}};
    return outcome;
}

ChangeOutcome AdminCommands::changeProfiles(const QString &command, const QJsonObject &args,
                                            const Actor &actor) const
{
    QString userId;
    if (auto problem = readString(args, u"user"_s, &userId))
        return ChangeOutcome::failure(*problem);
    // The arguments are those of the user's message, decoded the same way.
    std::optional<ClientMessage> edit;
    if (command == u"profile.activate" || command == u"schedule.set") {
        QJsonObject message = args;
        message.insert(u"type"_s,
                       command == u"schedule.set" ? u"setSchedule"_s : u"setActiveProfile"_s);
        message.insert(u"id"_s, u"admin"_s);
        ProtocolError problem;
        edit = ClientMessage::fromJson(message, &problem);
        if (!edit) {
            problem.requestId.clear();
            return ChangeOutcome::failure(problem);
        }
    } else if (command != u"schedule.lock" && command != u"schedule.unlock") {
        return ChangeOutcome::failure(Code::Unsupported,
                                      tr("\"%1\" is not an admin command").arg(command));
    }
    const auto settings = m_settings.settings(userId);
    if (settings.failed())
        return ChangeOutcome::failure(readError());
    if (!settings.hasValue())
        return ChangeOutcome::failure(Code::NotFound, tr("no user has the id \"%1\"").arg(userId));
    FollowMeSettings after = *settings;
    if (edit) {
        if (auto refusal = ProfileEditing::apply(after, *edit, ActiveProfile::By::Administrator,
                                                 QDateTime::currentDateTimeUtc())) {
            refusal->requestId.clear();
            return ChangeOutcome::failure(*refusal);
        }
    } else {
        after.scheduleLocked = command == u"schedule.lock";
    }
    ChangeOutcome outcome;
    outcome.result = {{u"user"_s, userId}};
    if (after == *settings) {
        const auto user = m_settings.user(userId);
        if (!user.hasValue())
            return ChangeOutcome::failure(readError());
        outcome.result.insert(u"revision"_s, user->revision);
        outcome.result.insert(u"changed"_s, false);
        return outcome;
    }
    AuditEntry entry = entryFor(userId, command, actor);
    entry.before = ProfileEdits::auditSummary(*settings);
    entry.after = ProfileEdits::auditSummary(after);
    SqlTransaction transaction(m_database.connection());
    std::optional<qint64> revision;
    if (transaction.isActive() && m_settings.writeProfileChanges(userId, *settings, after))
        revision = m_settings.bumpRevision(userId);
    outcome.snapshotUsers.append(userId);
    if (!revision || !record(entry, *revision, &outcome) || !commit(transaction, outcome))
        return ChangeOutcome::failure(internalError());
    outcome.result.insert(u"revision"_s, *revision);
    outcome.result.insert(u"changed"_s, true);
    return outcome;
}
