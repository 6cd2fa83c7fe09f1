#include "SettingsDocument.h"

#include "SettingsCodec.h"

using namespace Qt::StringLiterals;

SettingsDocument::SettingsDocument(QObject *parent)
    : QObject(parent)
{ }

std::optional<ValidationError> SettingsDocument::reset(const FollowMeSettings &settings)
{
    if (auto problem = SettingsCodec::validate(settings))
        return problem;
    m_settings = settings;
    emit settingsReset();
    emit changed();
    return std::nullopt;
}

std::optional<ValidationError> SettingsDocument::setRule(const QString &deviceId, CallKind kind,
                                                         const RingRule &rule)
{
    const int index = m_settings.indexOf(deviceId);
    if (index < 0)
        return ValidationError {ValidationError::Code::UnknownId, u"device"_s,
                                SettingsCodec::tr("no device has the id \"%1\"").arg(deviceId)};
    Device &device = m_settings.devices[index];
    if (device.isLocked())
        return ValidationError {
            ValidationError::Code::Locked, u"device"_s,
            SettingsCodec::tr("\"%1\" is managed by your administrator").arg(device.name)};
    if (auto problem = SettingsCodec::validateRule(
            rule, u"devices[%1].rules.%2"_s.arg(index).arg(CallKinds::key(kind))))
        return problem;
    if (device.rule(kind) == rule)
        return std::nullopt;
    device.rule(kind) = rule;
    emit ruleChanged(index, kind);
    emit changed();
    return std::nullopt;
}

std::optional<ValidationError> SettingsDocument::setControlledDevice(const QString &deviceId)
{
    if (deviceId == m_settings.controlledDeviceId)
        return std::nullopt;
    FollowMeSettings candidate = m_settings;
    candidate.controlledDeviceId = deviceId;
    if (auto problem = SettingsCodec::validate(candidate))
        return problem;
    m_settings.controlledDeviceId = deviceId;
    emit controlledDeviceChanged(deviceId);
    emit changed();
    return std::nullopt;
}
