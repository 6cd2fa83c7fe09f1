#include "ClientMessage.h"

#include "ProfileCodec.h"
#include "RingBounds.h"
#include "SettingsCodec.h"
#include "StrictJson.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Code = Protocol::ErrorCode;

bool fail(ProtocolError *error, Code code, const QString &message, const QString &requestId = {})
{
    if (error)
        *error = {code, message, requestId};
    return false;
}

bool readDeviceId(const QJsonObject &object, bool nullable, QString *out, ProtocolError *error,
                  const QString &requestId)
{
    const QJsonValue device = object.value(u"device"_s);
    if (nullable && device.isNull()) {
        out->clear();
        return true;
    }
    if (!device.isString())
        return fail(error, Code::Invalid,
                    nullable ? ClientMessage::tr("device: must be a device id or null")
                             : ClientMessage::tr("device: must be a device id"),
                    requestId);
    if (const auto problem = SettingsCodec::validateDeviceId(device.toString(), u"device"_s))
        return fail(error, Code::Invalid, problem->message(), requestId);
    *out = device.toString();
    return true;
}

// An optional whole number of seconds within [minimum, maximum].
bool readSeconds(const QJsonObject &object, const QString &key, int minimum, int maximum,
                 std::optional<int> *out, ProtocolError *error, const QString &requestId)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    // By value, as JSON Schema's "integer": 5, 5.0 and 5e0 are all five seconds.
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number)
        return fail(error, Code::Invalid,
                    ClientMessage::tr("%1: must be a whole number of seconds").arg(key), requestId);
    if (number < minimum || number > maximum)
        return fail(error, Code::Invalid,
                    ClientMessage::tr("%1: %2 s is outside the allowed %3–%4 s")
                        .arg(key)
                        .arg(number)
                        .arg(minimum)
                        .arg(maximum),
                    requestId);
    *out = static_cast<int>(number);
    return true;
}

// A profile id: the characters of a device id, or "dnd" for Do not disturb where that is allowed.
bool readProfileId(const QJsonObject &object, bool nullable, QString *out, ProtocolError *error,
                   const QString &requestId)
{
    const QJsonValue profile = object.value(u"profile"_s);
    if (nullable && profile.isNull()) {
        out->clear();
        return true;
    }
    if (!profile.isString())
        return fail(error, Code::Invalid,
                    nullable ? ClientMessage::tr("profile: must be a profile id or null")
                             : ClientMessage::tr("profile: must be a profile id"),
                    requestId);
    if (const auto problem = ProfileCodec::validateProfileId(profile.toString(), u"profile"_s))
        return fail(error, Code::Invalid, problem->message(), requestId);
    *out = profile.toString();
    return true;
}

bool readName(const QJsonObject &object, QString *out, ProtocolError *error,
              const QString &requestId)
{
    const QJsonValue name = object.value(u"name"_s);
    if (!name.isString())
        return fail(error, Code::Invalid, ClientMessage::tr("name: must be a string"), requestId);
    if (const auto problem = ProfileCodec::validateName(name.toString(), u"name"_s))
        return fail(error, Code::Invalid, problem->message(), requestId);
    *out = name.toString();
    return true;
}

// The rule change of setRule and setProfileRule: callKind, then enabled, delay and timeout, at
// least one of them.
bool readRuleChange(const QJsonObject &object, ClientMessage *message, ProtocolError *error)
{
    const auto kind = CallKinds::fromKey(object.value(u"callKind"_s).toString());
    if (!kind)
        return fail(error, Code::Invalid,
                    ClientMessage::tr("callKind: must be \"external\", \"internal\" or \"teams\""),
                    message->requestId);
    message->callKind = *kind;
    const QJsonValue enabled = object.value(u"enabled"_s);
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return fail(error, Code::Invalid, ClientMessage::tr("enabled: must be true or false"),
                        message->requestId);
        message->change.enabled = enabled.toBool();
    }
    if (!readSeconds(object, u"delay"_s, RingBounds::minDelay, RingBounds::maxDelay,
                     &message->change.delay, error, message->requestId)
        || !readSeconds(object, u"timeout"_s, RingBounds::minTimeout, RingBounds::maxTimeout,
                        &message->change.timeout, error, message->requestId))
        return false;
    if (message->change.isEmpty())
        return fail(error, Code::Invalid,
                    ClientMessage::tr("%1 changes nothing: give enabled, delay or timeout")
                        .arg(object.value(u"type"_s).toString()),
                    message->requestId);
    return true;
}

void insertRuleChange(const ClientMessage &message, QJsonObject *object)
{
    object->insert(u"device"_s, message.deviceId);
    object->insert(u"callKind"_s, CallKinds::key(message.callKind));
    if (message.change.enabled)
        object->insert(u"enabled"_s, *message.change.enabled);
    if (message.change.delay)
        object->insert(u"delay"_s, *message.change.delay);
    if (message.change.timeout)
        object->insert(u"timeout"_s, *message.change.timeout);
}

} // namespace

bool ClientMessage::readRequestId(const QJsonObject &object, QString *out, ProtocolError *error)
{
    *out = readableId(object);
    if (out->isEmpty())
        return fail(error, Code::Invalid,
                    tr("id: must be a string of 1 to %1 UTF-16 code units")
                        .arg(Protocol::maxRequestIdLength));
    return true;
}

QString ClientMessage::readableId(const QJsonObject &object)
{
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || id.toString().size() > Protocol::maxRequestIdLength)
        return {};
    return id.toString();
}

std::optional<QJsonObject> ClientMessage::readObject(const QByteArray &text, ProtocolError *error)
{
    if (text.size() > Protocol::maxMessageBytes) {
        fail(error, Code::TooLarge,
             tr("the message is %1 bytes, more than the limit of %2 bytes")
                 .arg(text.size())
                 .arg(Protocol::maxMessageBytes));
        return std::nullopt;
    }
    QString reason;
    auto object = StrictJson::parseObject(text, &reason);
    if (!object)
        fail(error, Code::Malformed, tr("not valid JSON: %1").arg(reason));
    return object;
}

ClientMessage ClientMessage::hello(const QString &token, const QString &client)
{
    ClientMessage message;
    message.type = Type::Hello;
    message.protocol = Protocol::version;
    message.token = token;
    message.client = client;
    return message;
}

ClientMessage ClientMessage::setRule(const QString &requestId, const QString &deviceId,
                                     CallKind kind, const RuleChange &change)
{
    ClientMessage message;
    message.type = Type::SetRule;
    message.requestId = requestId;
    message.deviceId = deviceId;
    message.callKind = kind;
    message.change = change;
    return message;
}

ClientMessage ClientMessage::setControlledDevice(const QString &requestId, const QString &deviceId)
{
    ClientMessage message;
    message.type = Type::SetControlledDevice;
    message.requestId = requestId;
    message.deviceId = deviceId;
    return message;
}

ClientMessage ClientMessage::setActiveProfile(const QString &requestId, const QString &profileId,
                                              const QDateTime &until)
{
    ClientMessage message;
    message.type = Type::SetActiveProfile;
    message.requestId = requestId;
    message.profileId = profileId;
    message.until = until;
    return message;
}

ClientMessage ClientMessage::addProfile(const QString &requestId, const QString &profileId,
                                        const QString &name)
{
    ClientMessage message;
    message.type = Type::AddProfile;
    message.requestId = requestId;
    message.profileId = profileId;
    message.name = name;
    return message;
}

ClientMessage ClientMessage::renameProfile(const QString &requestId, const QString &profileId,
                                           const QString &name)
{
    ClientMessage message = addProfile(requestId, profileId, name);
    message.type = Type::RenameProfile;
    return message;
}

ClientMessage ClientMessage::removeProfile(const QString &requestId, const QString &profileId)
{
    ClientMessage message;
    message.type = Type::RemoveProfile;
    message.requestId = requestId;
    message.profileId = profileId;
    return message;
}

ClientMessage ClientMessage::setProfileRule(const QString &requestId, const QString &profileId,
                                            const QString &deviceId, CallKind kind,
                                            const RuleChange &change)
{
    ClientMessage message = setRule(requestId, deviceId, kind, change);
    message.type = Type::SetProfileRule;
    message.profileId = profileId;
    return message;
}

ClientMessage ClientMessage::setSchedule(const QString &requestId, const WeekSchedule &schedule)
{
    ClientMessage message;
    message.type = Type::SetSchedule;
    message.requestId = requestId;
    message.schedule = schedule;
    return message;
}

ClientMessage ClientMessage::followSchedule(const QString &requestId)
{
    ClientMessage message;
    message.type = Type::FollowSchedule;
    message.requestId = requestId;
    return message;
}

bool ClientMessage::isProfileEdit() const
{
    switch (type) {
    case Type::SetActiveProfile:
    case Type::AddProfile:
    case Type::RenameProfile:
    case Type::RemoveProfile:
    case Type::SetProfileRule:
    case Type::SetSchedule:
    case Type::FollowSchedule:
        return true;
    case Type::Hello:
    case Type::SetRule:
    case Type::SetControlledDevice:
        break;
    }
    return false;
}

QJsonObject ClientMessage::toJson() const
{
    QJsonObject object;
    switch (type) {
    case Type::Hello:
        object.insert(u"type"_s, u"hello"_s);
        object.insert(u"protocol"_s, protocol);
        object.insert(u"token"_s, token);
        if (!client.isEmpty())
            object.insert(u"client"_s, client);
        break;
    case Type::SetRule:
        object.insert(u"type"_s, u"setRule"_s);
        object.insert(u"id"_s, requestId);
        insertRuleChange(*this, &object);
        break;
    case Type::SetControlledDevice:
        object.insert(u"type"_s, u"setControlledDevice"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"device"_s, deviceId.isEmpty() ? QJsonValue() : QJsonValue(deviceId));
        break;
    case Type::SetActiveProfile:
        object.insert(u"type"_s, u"setActiveProfile"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"profile"_s, profileId.isEmpty() ? QJsonValue() : QJsonValue(profileId));
        if (until.isValid())
            object.insert(u"until"_s, ProfileCodec::instantText(until));
        break;
    case Type::AddProfile:
    case Type::RenameProfile:
        object.insert(u"type"_s, type == Type::AddProfile ? u"addProfile"_s : u"renameProfile"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"profile"_s, profileId);
        object.insert(u"name"_s, name);
        break;
    case Type::RemoveProfile:
        object.insert(u"type"_s, u"removeProfile"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"profile"_s, profileId);
        break;
    case Type::SetProfileRule:
        object.insert(u"type"_s, u"setProfileRule"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"profile"_s, profileId);
        insertRuleChange(*this, &object);
        break;
    case Type::SetSchedule:
        object.insert(u"type"_s, u"setSchedule"_s);
        object.insert(u"id"_s, requestId);
        object.insert(u"schedule"_s,
                      schedule.isEmpty() ? QJsonValue()
                                         : QJsonValue(ProfileCodec::scheduleToJson(schedule)));
        break;
    case Type::FollowSchedule:
        // Never sent: the server's clock hands it to the server's own commit.
        object.insert(u"type"_s, u"followSchedule"_s);
        object.insert(u"id"_s, requestId);
        break;
    }
    return object;
}

QByteArray ClientMessage::encode() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<ClientMessage> ClientMessage::decode(const QByteArray &text, ProtocolError *error)
{
    const auto object = readObject(text, error);
    if (!object)
        return std::nullopt;
    return fromJson(*object, error);
}

std::optional<ClientMessage> ClientMessage::fromJson(const QJsonObject &object,
                                                     ProtocolError *error)
{
    const QJsonValue typeValue = object.value(u"type"_s);
    if (!typeValue.isString()) {
        fail(error, Code::Malformed, tr("type: must be a string"), readableId(object));
        return std::nullopt;
    }
    const QString type = typeValue.toString();
    ClientMessage message;

    if (type == u"hello") {
        message.type = Type::Hello;
        const QJsonValue protocol = object.value(u"protocol"_s);
        const QJsonValue token = object.value(u"token"_s);
        const QJsonValue client = object.value(u"client"_s);
        if (!protocol.isDouble() || std::trunc(protocol.toDouble()) != protocol.toDouble()) {
            fail(error, Code::Malformed, tr("protocol: must be a whole number"));
            return std::nullopt;
        }
        if (!token.isString() || token.toString().isEmpty()) {
            fail(error, Code::Malformed, tr("token: must be a non-empty string"));
            return std::nullopt;
        }
        if (!client.isUndefined() && !client.isString()) {
            fail(error, Code::Malformed, tr("client: must be a string"));
            return std::nullopt;
        }
        // A version beyond int is no version this server speaks: 0 says so.
        message.protocol = int(std::clamp(protocol.toDouble(), 0.0, double(INT_MAX)));
        message.token = token.toString();
        message.client = client.toString();
        // A hello needs no id; one it has anyway goes back with a refusal (protocol.md §4.3).
        message.requestId = readableId(object);
        return message;
    }

    if (type == u"setRule") {
        message.type = Type::SetRule;
        if (!readRequestId(object, &message.requestId, error)
            || !readDeviceId(object, false, &message.deviceId, error, message.requestId))
            return std::nullopt;
        if (!readRuleChange(object, &message, error))
            return std::nullopt;
        return message;
    }

    if (type == u"setControlledDevice") {
        message.type = Type::SetControlledDevice;
        if (!readRequestId(object, &message.requestId, error)
            || !readDeviceId(object, true, &message.deviceId, error, message.requestId))
            return std::nullopt;
        return message;
    }

    if (type == u"setActiveProfile") {
        message.type = Type::SetActiveProfile;
        if (!readRequestId(object, &message.requestId, error)
            || !readProfileId(object, true, &message.profileId, error, message.requestId))
            return std::nullopt;
        const QJsonValue until = object.value(u"until"_s);
        if (!until.isUndefined() && !until.isNull()) {
            const QDateTime instant = until.isString()
                ? QDateTime::fromString(until.toString(), Qt::ISODateWithMs)
                : QDateTime();
            if (!instant.isValid() || instant.timeSpec() == Qt::LocalTime) {
                fail(error, Code::Invalid,
                     tr("until: must be a UTC time such as 2026-12-04T17:00:00Z, or null"),
                     message.requestId);
                return std::nullopt;
            }
            if (message.profileId.isEmpty()) {
                fail(error, Code::Invalid,
                     tr("until: following the schedule has no end; give a profile"),
                     message.requestId);
                return std::nullopt;
            }
            message.until = instant.toUTC();
        }
        return message;
    }

    if (type == u"addProfile" || type == u"renameProfile") {
        message.type = type == u"addProfile" ? Type::AddProfile : Type::RenameProfile;
        if (!readRequestId(object, &message.requestId, error)
            || !readProfileId(object, false, &message.profileId, error, message.requestId)
            || !readName(object, &message.name, error, message.requestId))
            return std::nullopt;
        return message;
    }

    if (type == u"removeProfile") {
        message.type = Type::RemoveProfile;
        if (!readRequestId(object, &message.requestId, error)
            || !readProfileId(object, false, &message.profileId, error, message.requestId))
            return std::nullopt;
        return message;
    }

    if (type == u"setProfileRule") {
        message.type = Type::SetProfileRule;
        if (!readRequestId(object, &message.requestId, error)
            || !readProfileId(object, false, &message.profileId, error, message.requestId)
            || !readDeviceId(object, false, &message.deviceId, error, message.requestId)
            || !readRuleChange(object, &message, error))
            return std::nullopt;
        return message;
    }

    if (type == u"setSchedule") {
        message.type = Type::SetSchedule;
        if (!readRequestId(object, &message.requestId, error))
            return std::nullopt;
        const QJsonValue schedule = object.value(u"schedule"_s);
        if (schedule.isUndefined()) {
            fail(error, Code::Invalid, tr("schedule: must be a schedule object or null"),
                 message.requestId);
            return std::nullopt;
        }
        ValidationError problem;
        const auto read = ProfileCodec::scheduleFromJson(schedule, u"schedule"_s, &problem);
        if (!read) {
            fail(error, Code::Invalid, problem.message(), message.requestId);
            return std::nullopt;
        }
        message.schedule = *read;
        return message;
    }

    fail(error, Code::Unsupported,
         tr("\"%1\" is not a message type of protocol %2")
             .arg(type, QString::number(Protocol::version)),
         readableId(object));
    return std::nullopt;
}
