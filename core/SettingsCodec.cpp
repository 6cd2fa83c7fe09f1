#include "SettingsCodec.h"

#include "ProfileCodec.h"
#include "RingBounds.h"
#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Collects the first error while walking a JSON tree, so each step can bail out early.
class Reader
{
public:
    explicit Reader(ValidationError *error)
        : m_error(error)
    { }

    bool fail(ValidationError::Code code, const QString &field, const QString &reason)
    {
        if (m_error)
            *m_error = {code, field, reason};
        return false;
    }

    bool member(const QJsonObject &object, const QString &key, const QString &field,
                QJsonValue *out)
    {
        const auto it = object.constFind(key);
        if (it == object.constEnd())
            return fail(ValidationError::Code::Missing, field,
                        SettingsCodec::tr("is required but missing"));
        *out = it.value();
        return true;
    }

    bool string(const QJsonObject &object, const QString &key, const QString &field, QString *out)
    {
        QJsonValue value;
        if (!member(object, key, field, &value))
            return false;
        if (!value.isString())
            return fail(ValidationError::Code::WrongType, field,
                        SettingsCodec::tr("must be a string"));
        *out = value.toString();
        return true;
    }

    // A string that may also be absent or null; both read as an empty string.
    bool optionalString(const QJsonObject &object, const QString &key, const QString &field,
                        QString *out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            out->clear();
            return true;
        }
        if (!value.isString())
            return fail(ValidationError::Code::WrongType, field,
                        SettingsCodec::tr("must be a string or null"));
        *out = value.toString();
        return true;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &field, bool *out)
    {
        QJsonValue value;
        if (!member(object, key, field, &value))
            return false;
        if (!value.isBool())
            return fail(ValidationError::Code::WrongType, field,
                        SettingsCodec::tr("must be true or false"));
        *out = value.toBool();
        return true;
    }

    // JSON has only doubles; a whole number must be integral and fit an int before any bounds
    // are even looked at.
    bool wholeNumber(const QJsonObject &object, const QString &key, const QString &field, int *out,
                     const QString &wrongTypeReason)
    {
        QJsonValue value;
        if (!member(object, key, field, &value))
            return false;
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number)
            return fail(ValidationError::Code::WrongType, field, wrongTypeReason);
        if (std::abs(number) > 1e9)
            return fail(ValidationError::Code::OutOfRange, field,
                        SettingsCodec::tr("%1 is far outside the allowed range").arg(number));
        *out = static_cast<int>(number);
        return true;
    }

    bool seconds(const QJsonObject &object, const QString &key, const QString &field, int *out)
    {
        return wholeNumber(object, key, field, out,
                           SettingsCodec::tr("must be a whole number of seconds"));
    }

    bool object(const QJsonValue &value, const QString &field, QJsonObject *out)
    {
        if (!value.isObject())
            return fail(ValidationError::Code::WrongType, field,
                        SettingsCodec::tr("must be an object"));
        *out = value.toObject();
        return true;
    }

private:
    ValidationError *m_error;
};

QString deviceField(int index, const QString &rest = {})
{
    // Made for every field of every device, error or not: no QString::arg() to parse.
    const QString base = u"devices["_s + QString::number(index) + u']';
    return rest.isEmpty() ? base : base + u'.' + rest;
}

bool readDevice(Reader &reader, const QJsonValue &value, int index, Device *device)
{
    QJsonObject object;
    if (!reader.object(value, deviceField(index), &object))
        return false;

    QString kindKey;
    if (!reader.string(object, u"id"_s, deviceField(index, u"id"_s), &device->id)
        || !reader.string(object, u"name"_s, deviceField(index, u"name"_s), &device->name)
        || !reader.string(object, u"kind"_s, deviceField(index, u"kind"_s), &kindKey)
        || !reader.string(object, u"number"_s, deviceField(index, u"number"_s), &device->number)
        || !reader.boolean(object, u"userConfigurable"_s, deviceField(index, u"userConfigurable"_s),
                           &device->userConfigurable)
        || !reader.optionalString(object, u"workspace"_s, deviceField(index, u"workspace"_s),
                                  &device->workspace))
        return false;

    const auto deviceKind = DeviceKinds::fromKey(kindKey);
    if (!deviceKind)
        return reader.fail(ValidationError::Code::Invalid, deviceField(index, u"kind"_s),
                           SettingsCodec::tr("\"%1\" is not a known device kind").arg(kindKey));
    device->kind = *deviceKind;

    QJsonValue rulesValue;
    QJsonObject rules;
    if (!reader.member(object, u"rules"_s, deviceField(index, u"rules"_s), &rulesValue)
        || !reader.object(rulesValue, deviceField(index, u"rules"_s), &rules))
        return false;

    // Unknown call kinds are refused rather than skipped: a rule the user set must never be
    // dropped silently on its way through this client.
    for (auto it = rules.constBegin(); it != rules.constEnd(); ++it) {
        if (!CallKinds::fromKey(it.key()))
            return reader.fail(ValidationError::Code::UnknownCallKind,
                               deviceField(index, u"rules."_s + it.key()),
                               SettingsCodec::tr("\"%1\" is not a known call kind").arg(it.key()));
    }
    for (CallKind kind : CallKinds::all()) {
        const QString field = deviceField(index, u"rules."_s + CallKinds::key(kind));
        QJsonValue ruleValue;
        if (!reader.member(rules, CallKinds::key(kind), field, &ruleValue))
            return false;
        ValidationError ruleError;
        const auto rule = SettingsCodec::ruleFromJson(ruleValue, field, &ruleError);
        if (!rule)
            return reader.fail(ruleError.code, ruleError.field, ruleError.reason);
        device->rule(kind) = *rule;
    }
    return true;
}

// The optional "unanswered" object: absent or null means nothing is known for any call kind, and
// so does an absent or null entry for one call kind.
bool readUnanswered(Reader &reader, const QJsonObject &root, FollowMeSettings *settings)
{
    const QJsonValue value = root.value(u"unanswered"_s);
    if (value.isUndefined() || value.isNull())
        return true;
    QJsonObject object;
    if (!reader.object(value, u"unanswered"_s, &object))
        return false;
    // Refused rather than skipped, as in "rules": what the phone system does with a call must
    // not vanish on its way through a client that doesn't know that call kind.
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!CallKinds::fromKey(it.key()))
            return reader.fail(ValidationError::Code::UnknownCallKind, u"unanswered."_s + it.key(),
                               SettingsCodec::tr("\"%1\" is not a known call kind").arg(it.key()));
    }
    for (CallKind kind : CallKinds::all()) {
        const QJsonValue entry = object.value(CallKinds::key(kind));
        if (entry.isUndefined() || entry.isNull())
            continue;
        ValidationError entryError;
        const auto call = SettingsCodec::unansweredFromJson(
            entry, u"unanswered."_s + CallKinds::key(kind), &entryError);
        if (!call)
            return reader.fail(entryError.code, entryError.field, entryError.reason);
        settings->unansweredCall(kind) = *call;
    }
    return true;
}

} // namespace

std::optional<FollowMeSettings> SettingsCodec::decode(const QByteArray &json,
                                                      ValidationError *error)
{
    Reader reader(error);
    if (json.size() > maxDocumentBytes) {
        reader.fail(ValidationError::Code::TooLarge, {},
                    tr("the document is %1 bytes, more than the limit of %2 bytes")
                        .arg(json.size())
                        .arg(maxDocumentBytes));
        return std::nullopt;
    }
    QString reason;
    // RFC 8259 §8.1 lets a reader ignore one byte order mark before the text: editors write one.
    QByteArrayView text(json);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    const auto object = StrictJson::parseObject(text, &reason);
    if (!object) {
        reader.fail(ValidationError::Code::Malformed, {}, tr("not valid JSON: %1").arg(reason));
        return std::nullopt;
    }
    return fromJson(*object, error);
}

std::optional<FollowMeSettings> SettingsCodec::fromJson(const QJsonObject &object,
                                                        ValidationError *error)
{
    Reader reader(error);
    int version = 0;
    if (!reader.wholeNumber(object, u"version"_s, u"version"_s, &version,
                            tr("must be a whole number")))
        return std::nullopt;
    if (version != formatVersion) {
        reader.fail(ValidationError::Code::Unsupported, u"version"_s,
                    tr("version %1 is not supported; this FollowMe reads version %2")
                        .arg(version)
                        .arg(formatVersion));
        return std::nullopt;
    }

    FollowMeSettings settings;
    if (!reader.optionalString(object, u"controlledDevice"_s, u"controlledDevice"_s,
                               &settings.controlledDeviceId))
        return std::nullopt;

    QJsonValue devicesValue;
    if (!reader.member(object, u"devices"_s, u"devices"_s, &devicesValue))
        return std::nullopt;
    if (!devicesValue.isArray()) {
        reader.fail(ValidationError::Code::WrongType, u"devices"_s, tr("must be an array"));
        return std::nullopt;
    }
    const QJsonArray devices = devicesValue.toArray();
    if (devices.size() > maxDevices) {
        reader.fail(
            ValidationError::Code::TooLarge, u"devices"_s,
            tr("%1 devices are more than the limit of %2").arg(devices.size()).arg(maxDevices));
        return std::nullopt;
    }
    settings.devices.reserve(devices.size());
    for (int i = 0; i < devices.size(); ++i) {
        Device device;
        if (!readDevice(reader, devices.at(i), i, &device))
            return std::nullopt;
        settings.devices.append(device);
    }
    if (!readUnanswered(reader, object, &settings))
        return std::nullopt;
    if (!ProfileCodec::read(object, &settings, error))
        return std::nullopt;

    if (const auto problem = validate(settings)) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    return settings;
}

std::optional<RingRule> SettingsCodec::ruleFromJson(const QJsonValue &value, const QString &field,
                                                    ValidationError *error)
{
    Reader reader(error);
    QJsonObject object;
    RingRule rule;
    if (!reader.object(value, field, &object)
        || !reader.boolean(object, u"enabled"_s, field + u".enabled"_s, &rule.enabled)
        || !reader.seconds(object, u"delay"_s, field + u".delay"_s, &rule.delay)
        || !reader.seconds(object, u"timeout"_s, field + u".timeout"_s, &rule.timeout))
        return std::nullopt;
    if (const auto problem = validateRule(rule, field)) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    return rule;
}

std::optional<UnansweredCall> SettingsCodec::unansweredFromJson(const QJsonValue &value,
                                                                const QString &field,
                                                                ValidationError *error)
{
    Reader reader(error);
    QJsonObject object;
    QString actionKey;
    if (!reader.object(value, field, &object)
        || !reader.string(object, u"action"_s, field + u".action"_s, &actionKey))
        return std::nullopt;
    const auto action = UnansweredCall::actionFromKey(actionKey);
    if (!action) {
        reader.fail(ValidationError::Code::Invalid, field + u".action"_s,
                    tr("\"%1\" is not a known action; use \"voicemail\", \"number\" or "
                       "\"hangup\"")
                        .arg(actionKey));
        return std::nullopt;
    }
    UnansweredCall call;
    call.action = *action;
    // Only a forwarding has a number; for the other actions a "number" member is ignored like
    // any unknown member, so that it can't make a round trip differ.
    if (call.action == UnansweredCall::Action::Number
        && !reader.string(object, u"number"_s, field + u".number"_s, &call.number))
        return std::nullopt;
    if (const auto problem = validateUnanswered(call, field)) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    return call;
}

std::optional<ValidationError> SettingsCodec::validateUnanswered(const UnansweredCall &call,
                                                                 const QString &field)
{
    const QString numberField = field + u".number"_s;
    if (call.action != UnansweredCall::Action::Number) {
        // Settings built in code: a number here would be lost when written.
        if (!call.number.isEmpty())
            return ValidationError {ValidationError::Code::Invalid, numberField,
                                    tr("only the action \"number\" has a number")};
        return std::nullopt;
    }
    if (call.number.trimmed().isEmpty())
        return ValidationError {ValidationError::Code::Invalid, numberField,
                                tr("must not be empty")};
    if (call.number.size() > maxNumberLength)
        return ValidationError {ValidationError::Code::TooLarge, numberField,
                                tr("is longer than %1 characters").arg(maxNumberLength)};
    return std::nullopt;
}

std::optional<ValidationError> SettingsCodec::validateRule(const RingRule &rule,
                                                           const QString &field)
{
    if (!RingBounds::isValidDelay(rule.delay))
        return ValidationError {ValidationError::Code::OutOfRange, field + u".delay"_s,
                                tr("%1 s is outside the allowed %2–%3 s")
                                    .arg(rule.delay)
                                    .arg(RingBounds::minDelay)
                                    .arg(RingBounds::maxDelay)};
    if (!RingBounds::isValidTimeout(rule.timeout))
        return ValidationError {ValidationError::Code::OutOfRange, field + u".timeout"_s,
                                tr("%1 s is outside the allowed %2–%3 s")
                                    .arg(rule.timeout)
                                    .arg(RingBounds::minTimeout)
                                    .arg(RingBounds::maxTimeout)};
    return std::nullopt;
}

std::optional<ValidationError> SettingsCodec::validateDeviceId(const QString &id,
                                                               const QString &field)
{
    if (id.isEmpty())
        return ValidationError {ValidationError::Code::Invalid, field, tr("must not be empty")};
    if (id.size() > maxIdLength)
        return ValidationError {ValidationError::Code::TooLarge, field,
                                tr("is longer than %1 characters").arg(maxIdLength)};
    for (QChar c : id) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        if (!allowed)
            return ValidationError {
                ValidationError::Code::Invalid, field,
                tr("may only hold the letters a–z and A–Z, digits, \"-\", \"_\" and \".\"")};
    }
    return std::nullopt;
}

std::optional<ValidationError> SettingsCodec::validate(const FollowMeSettings &settings)
{
    if (settings.devices.size() > maxDevices)
        return ValidationError {ValidationError::Code::TooLarge, u"devices"_s,
                                tr("%1 devices are more than the limit of %2")
                                    .arg(settings.devices.size())
                                    .arg(maxDevices)};
    for (int i = 0; i < settings.devices.size(); ++i) {
        const Device &device = settings.devices.at(i);
        if (auto problem = validateDeviceId(device.id, deviceField(i, u"id"_s)))
            return problem;
        const int first = settings.indexOf(device.id);
        if (first != i)
            return ValidationError {
                ValidationError::Code::Duplicate, deviceField(i, u"id"_s),
                tr("\"%1\" is already the id of %2").arg(device.id, deviceField(first))};
        if (device.name.trimmed().isEmpty())
            return ValidationError {ValidationError::Code::Invalid, deviceField(i, u"name"_s),
                                    tr("must not be empty")};
        if (device.name.size() > maxNameLength)
            return ValidationError {ValidationError::Code::TooLarge, deviceField(i, u"name"_s),
                                    tr("is longer than %1 characters").arg(maxNameLength)};
        if (device.number.size() > maxNumberLength)
            return ValidationError {ValidationError::Code::TooLarge, deviceField(i, u"number"_s),
                                    tr("is longer than %1 characters").arg(maxNumberLength)};
        if (device.workspace.size() > maxNameLength)
            return ValidationError {ValidationError::Code::TooLarge, deviceField(i, u"workspace"_s),
                                    tr("is longer than %1 characters").arg(maxNameLength)};
        for (CallKind kind : CallKinds::all()) {
            const QString field = deviceField(i, u"rules."_s + CallKinds::key(kind));
            if (auto problem = validateRule(device.rule(kind), field))
                return problem;
        }
    }
    if (!settings.controlledDeviceId.isEmpty()) {
        const Device *controlled = settings.device(settings.controlledDeviceId);
        if (!controlled)
            return ValidationError {
                ValidationError::Code::UnknownId, u"controlledDevice"_s,
                tr("no device has the id \"%1\"").arg(settings.controlledDeviceId)};
        if (!DeviceKinds::isControllable(controlled->kind))
            return ValidationError {ValidationError::Code::Invalid, u"controlledDevice"_s,
                                    tr("\"%1\" is an external number, which the client cannot "
                                       "control")
                                        .arg(settings.controlledDeviceId)};
    }
    for (CallKind kind : CallKinds::all()) {
        const auto &call = settings.unansweredCall(kind);
        if (!call)
            continue;
        if (auto problem = validateUnanswered(*call, u"unanswered."_s + CallKinds::key(kind)))
            return problem;
    }
    return ProfileCodec::validate(settings);
}

QJsonObject SettingsCodec::ruleToJson(const RingRule &rule)
{
    return QJsonObject {
        {u"enabled"_s, rule.enabled}, {u"delay"_s, rule.delay}, {u"timeout"_s, rule.timeout}};
}

QJsonObject SettingsCodec::unansweredToJson(const UnansweredCall &call)
{
    QJsonObject object {{u"action"_s, UnansweredCall::actionKey(call.action)}};
    if (call.action == UnansweredCall::Action::Number)
        object.insert(u"number"_s, call.number);
    return object;
}

QJsonObject SettingsCodec::toJson(const FollowMeSettings &settings)
{
    QJsonArray devices;
    for (const Device &device : settings.devices) {
        QJsonObject rules;
        for (CallKind kind : CallKinds::all())
            rules.insert(CallKinds::key(kind), ruleToJson(device.rule(kind)));
        devices.append(QJsonObject {
            {u"id"_s, device.id},
            {u"name"_s, device.name},
            {u"kind"_s, DeviceKinds::key(device.kind)},
            {u"number"_s, device.number},
            {u"userConfigurable"_s, device.userConfigurable},
            {u"workspace"_s, device.viaWorkspace() ? QJsonValue(device.workspace) : QJsonValue()},
            {u"rules"_s, rules},
        });
    }
    QJsonObject root {
        {u"version"_s, formatVersion},
        {u"controlledDevice"_s,
         settings.controlledDeviceId.isEmpty() ? QJsonValue()
                                               : QJsonValue(settings.controlledDeviceId)},
        {u"devices"_s, devices},
    };
    // Written only when something is known, so a document without it is written back as it was.
    QJsonObject unanswered;
    for (CallKind kind : CallKinds::all()) {
        if (const auto &call = settings.unansweredCall(kind))
            unanswered.insert(CallKinds::key(kind), unansweredToJson(*call));
    }
    if (!unanswered.isEmpty())
        root.insert(u"unanswered"_s, unanswered);
    ProfileCodec::write(settings, &root);
    return root;
}

QByteArray SettingsCodec::encode(const FollowMeSettings &settings)
{
    return QJsonDocument(toJson(settings)).toJson(QJsonDocument::Indented);
}
