#include "ServerMessage.h"

#include "SettingsCodec.h"
#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::StringLiterals;

ServerMessage ServerMessage::snapshot(qint64 revision, const QString &userId,
                                      const QString &userName, const FollowMeSettings &settings,
                                      const QList<AuditEntry> &recentChanges)
{
    ServerMessage message;
    message.type = Type::Snapshot;
    message.revision = revision;
    message.userId = userId;
    message.userName = userName;
    message.settings = settings;
    message.recentChanges = recentChanges;
    return message;
}

ServerMessage ServerMessage::ack(const QString &requestId, qint64 revision)
{
    ServerMessage message;
    message.type = Type::Ack;
    message.requestId = requestId;
    message.revision = revision;
    return message;
}

ServerMessage ServerMessage::failure(const ProtocolError &error)
{
    ServerMessage message;
    message.type = Type::Error;
    message.error = error;
    message.requestId = error.requestId;
    return message;
}

ServerMessage ServerMessage::ruleChanged(qint64 revision, const QString &deviceId, CallKind kind,
                                         const RingRule &rule)
{
    ServerMessage message;
    message.type = Type::RuleChanged;
    message.revision = revision;
    message.deviceId = deviceId;
    message.callKind = kind;
    message.rule = rule;
    return message;
}

ServerMessage ServerMessage::controlledDeviceChanged(qint64 revision, const QString &deviceId)
{
    ServerMessage message;
    message.type = Type::ControlledDeviceChanged;
    message.revision = revision;
    message.deviceId = deviceId;
    return message;
}

FollowMeSettings ServerMessage::appliedTo(const FollowMeSettings &before) const
{
    if (type == Type::Snapshot)
        return settings;
    FollowMeSettings result = before;
    if (type == Type::RuleChanged) {
        if (const int index = result.indexOf(deviceId); index >= 0)
            result.devices[index].rule(callKind) = rule;
    } else if (type == Type::ControlledDeviceChanged) {
        result.controlledDeviceId = deviceId;
    }
    return result;
}

QJsonObject ServerMessage::toJson() const
{
    const QJsonValue device = deviceId.isEmpty() ? QJsonValue() : QJsonValue(deviceId);
    switch (type) {
    case Type::Snapshot: {
        QJsonObject object {{u"type"_s, u"snapshot"_s},
                            {u"revision"_s, revision},
                            {u"user"_s, QJsonObject {{u"id"_s, userId}, {u"name"_s, userName}}},
                            {u"settings"_s, SettingsCodec::toJson(settings)}};
        if (!recentChanges.isEmpty()) {
            QJsonArray changes;
            for (const AuditEntry &entry : recentChanges)
                changes.append(entry.toJson());
            object.insert(u"recentChanges"_s, changes);
        }
        return object;
    }
    case Type::Ack:
        return {{u"type"_s, u"ack"_s}, {u"id"_s, requestId}, {u"revision"_s, revision}};
    case Type::Error: {
        QJsonObject object {{u"type"_s, u"error"_s},
                            {u"code"_s, Protocol::errorKey(error.code)},
                            {u"message"_s, error.message}};
        if (!requestId.isEmpty())
            object.insert(u"id"_s, requestId);
        return object;
    }
    case Type::RuleChanged: {
        QJsonObject object {{u"type"_s, u"ruleChanged"_s},
                            {u"revision"_s, revision},
                            {u"device"_s, device},
                            {u"callKind"_s, CallKinds::key(callKind)},
                            {u"rule"_s, SettingsCodec::ruleToJson(rule)}};
        if (change)
            object.insert(u"change"_s, change->toJson());
        return object;
    }
    case Type::ControlledDeviceChanged: {
        QJsonObject object {{u"type"_s, u"controlledDeviceChanged"_s},
                            {u"revision"_s, revision},
                            {u"device"_s, device}};
        if (change)
            object.insert(u"change"_s, change->toJson());
        return object;
    }
    }
    Q_UNREACHABLE();
}

QByteArray ServerMessage::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<ServerMessage> ServerMessage::decode(const QByteArray &text, ProtocolError *error)
{
    auto failWith = [error](Protocol::ErrorCode code, const QString &message) {
        if (error)
            *error = {code, message, {}};
        return std::nullopt;
    };
    auto fail = [&failWith](const QString &message) {
        return failWith(Protocol::ErrorCode::Malformed, message);
    };
    if (text.size() > 4 * SettingsCodec::maxDocumentBytes)
        return fail(tr("the server's message is too large"));
    QString reason;
    const auto parsed = StrictJson::parseObject(text, &reason);
    if (!parsed)
        return fail(tr("the server sent something that is not valid JSON: %1").arg(reason));
    const QJsonObject &object = *parsed;
    const QString type = object.value(u"type"_s).toString();
    if (!object.value(u"type"_s).isString())
        return fail(tr("a message without a type"));
    static const QStringList knownTypes {u"snapshot"_s, u"ack"_s, u"error"_s, u"ruleChanged"_s,
                                         u"controlledDeviceChanged"_s};
    // Looked at before anything else: a later push type need not look like these.
    if (!knownTypes.contains(type))
        return failWith(Protocol::ErrorCode::Unsupported,
                        tr("an unknown message type \"%1\"").arg(type));

    ServerMessage message;
    const QJsonValue revision = object.value(u"revision"_s);
    message.revision = revision.toInteger();
    // Every message but an error carries the revision it leads to; revisions start at 1.
    if (type != u"error" && (!revision.isDouble() || message.revision < 1))
        return fail(tr("a \"%1\" message without a valid revision").arg(type));
    const QJsonValue device = object.value(u"device"_s);
    message.deviceId = device.toString();
    // A device is named by a valid id (or, for the controlled device, null for none): "" or
    // "desk " is no device, and reading it as none would change the controlled device.
    const auto deviceProblem = device.isString()
        ? SettingsCodec::validateDeviceId(message.deviceId, u"device"_s)
        : std::optional<ValidationError>();
    // The record of a push's change, when someone else made it (optional; an older server
    // sends none).
    if (const QJsonValue change = object.value(u"change"_s);
        !change.isUndefined() && (type == u"ruleChanged" || type == u"controlledDeviceChanged")) {
        QString problem;
        message.change = AuditEntry::fromJson(change, &problem);
        if (!message.change)
            return fail(tr("a push with an invalid change record: %1").arg(problem));
    }

    if (type == u"snapshot") {
        message.type = Type::Snapshot;
        const QJsonObject user = object.value(u"user"_s).toObject();
        message.userId = user.value(u"id"_s).toString();
        message.userName = user.value(u"name"_s).toString();
        // User ids are spelt like device ids (section 9.1, user.add).
        if (SettingsCodec::validateDeviceId(message.userId, u"user.id"_s)
            || !user.value(u"name"_s).isString())
            return fail(tr("a snapshot without a valid user"));
        ValidationError invalid;
        const auto settings =
            SettingsCodec::fromJson(object.value(u"settings"_s).toObject(), &invalid);
        if (!settings)
            return fail(tr("the server's settings are invalid: %1").arg(invalid.message()));
        message.settings = *settings;
        const QJsonValue recent = object.value(u"recentChanges"_s);
        if (!recent.isUndefined() && !recent.isArray())
            return fail(tr("a snapshot whose recentChanges is not an array"));
        for (const QJsonValue &value : recent.toArray()) {
            QString problem;
            const auto entry = AuditEntry::fromJson(value, &problem);
            if (!entry)
                return fail(tr("a snapshot with an invalid change record: %1").arg(problem));
            message.recentChanges.append(*entry);
        }
        return message;
    }
    if (type == u"ack") {
        message.type = Type::Ack;
        message.requestId = object.value(u"id"_s).toString();
        if (message.requestId.isEmpty())
            return fail(tr("an ack without a request id"));
        return message;
    }
    if (type == u"error") {
        message.type = Type::Error;
        message.requestId = object.value(u"id"_s).toString();
        message.error.code = Protocol::errorFromKey(object.value(u"code"_s).toString())
                                 .value_or(Protocol::ErrorCode::Internal);
        message.error.message = object.value(u"message"_s).toString();
        message.error.requestId = message.requestId;
        return message;
    }
    if (type == u"ruleChanged") {
        message.type = Type::RuleChanged;
        const auto kind = CallKinds::fromKey(object.value(u"callKind"_s).toString());
        ValidationError invalid;
        const auto rule = SettingsCodec::ruleFromJson(object.value(u"rule"_s), u"rule"_s, &invalid);
        if (!rule)
            return fail(tr("a ruleChanged push with an invalid rule: %1").arg(invalid.message()));
        if (!kind || !device.isString() || deviceProblem)
            return fail(tr("a malformed ruleChanged push"));
        message.callKind = *kind;
        message.rule = *rule;
        return message;
    }
    if (type == u"controlledDeviceChanged") {
        message.type = Type::ControlledDeviceChanged;
        if (!device.isNull() && (!device.isString() || deviceProblem))
            return fail(tr("a malformed controlledDeviceChanged push"));
        return message;
    }
    Q_UNREACHABLE();
}
