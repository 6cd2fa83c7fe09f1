#include "SettingsDocument.h"

#include "ProfileEditing.h"
#include "SettingsCodec.h"

#include <utility>

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

std::optional<ValidationError> SettingsDocument::update(const FollowMeSettings &settings)
{
    if (auto problem = SettingsCodec::validate(settings))
        return problem;
    if (settings == m_settings)
        return std::nullopt;
    bool sameDevices = settings.devices.size() == m_settings.devices.size();
    for (int i = 0; sameDevices && i < settings.devices.size(); ++i)
        sameDevices = settings.devices.at(i).id == m_settings.devices.at(i).id;
    if (!sameDevices)
        return reset(settings);

    announce(settings);
    return std::nullopt;
}

void SettingsDocument::announce(const FollowMeSettings &settings)
{
    const FollowMeSettings before = std::exchange(m_settings, settings);
    for (int i = 0; i < settings.devices.size(); ++i) {
        Device was = before.devices.at(i);
        const Device &now = settings.devices.at(i);
        was.rules = now.rules;
        if (was != now)
            emit deviceChanged(i);
        for (CallKind kind : CallKinds::all()) {
            if (before.devices.at(i).rule(kind) != now.rule(kind))
                emit ruleChanged(i, kind);
        }
    }
    if (before.controlledDeviceId != settings.controlledDeviceId)
        emit controlledDeviceChanged(settings.controlledDeviceId);
    if (before.profiles != settings.profiles || before.active != settings.active
        || before.schedule != settings.schedule || before.scheduleLocked != settings.scheduleLocked)
        emit profilesChanged();
    emit changed();
}

std::optional<ValidationError> SettingsDocument::editProfiles(const ClientMessage &edit,
                                                              const QDateTime &now)
{
    FollowMeSettings edited = m_settings;
    if (const auto refusal = ProfileEditing::apply(edited, edit, ActiveProfile::By::User, now)) {
        const auto code = refusal->code == Protocol::ErrorCode::Locked
            ? ValidationError::Code::Locked
            : refusal->code == Protocol::ErrorCode::NotFound ? ValidationError::Code::UnknownId
                                                             : ValidationError::Code::Invalid;
        return ValidationError {code, {}, refusal->message};
    }
    if (edited == m_settings)
        return std::nullopt;
    announce(edited);
    emit profileEdited(edit);
    return std::nullopt;
}

void SettingsDocument::followSchedule(const QDateTime &now)
{
    const FollowMeSettings followed = ProfileEditing::followed(m_settings, now);
    if (followed != m_settings && !SettingsCodec::validate(followed))
        announce(followed);
}

bool SettingsDocument::isRulePending(const QString &deviceId, CallKind kind) const
{
    return m_pendingRules.contains(ruleKey(deviceId, kind));
}

void SettingsDocument::setPending(const QSet<QString> &ruleKeys, bool controlledDevice)
{
    if (ruleKeys == m_pendingRules && controlledDevice == m_controlledDevicePending)
        return;
    m_pendingRules = ruleKeys;
    m_controlledDevicePending = controlledDevice;
    emit pendingChanged();
}

QString SettingsDocument::ruleKey(const QString &deviceId, CallKind kind)
{
    return deviceId + u'/' + CallKinds::key(kind);
}

std::optional<ValidationError> SettingsDocument::checkRule(const QString &deviceId, CallKind kind,
                                                           const RingRule &rule) const
{
    const int index = m_settings.indexOf(deviceId);
    if (index < 0)
        return ValidationError {ValidationError::Code::UnknownId, u"device"_s,
                                SettingsCodec::tr("no device has the id \"%1\"").arg(deviceId)};
    const Device &device = m_settings.devices.at(index);
    if (device.isLocked())
        return ValidationError {
            ValidationError::Code::Locked, u"device"_s,
            SettingsCodec::tr("\"%1\" is managed by your administrator").arg(device.name)};
    // As the server refuses it: Do not disturb's rules are no plan to edit.
    if (m_settings.doNotDisturb())
        return ValidationError {ValidationError::Code::Locked, u"device"_s,
                                tr("Do not disturb is on: turn it off to change the plan")};
    return SettingsCodec::validateRule(
        rule, u"devices[%1].rules.%2"_s.arg(index).arg(CallKinds::key(kind)));
}

std::optional<ValidationError> SettingsDocument::editRule(const QString &deviceId, CallKind kind,
                                                          const RuleChange &change)
{
    const int index = m_settings.indexOf(deviceId);
    if (index < 0)
        return checkRule(deviceId, kind, change.appliedTo({}));
    const RingRule current = m_settings.devices.at(index).rule(kind);
    const RingRule wanted = change.appliedTo(current);
    if (auto problem = checkRule(deviceId, kind, wanted))
        return problem;
    // The intent names only the fields that really change: a field set to its current value is
    // no edit to send.
    const RuleChange made = RuleChange::between(current, wanted);
    if (made.isEmpty())
        return std::nullopt;
    m_settings.devices[index].rule(kind) = wanted;
    emit ruleChanged(index, kind);
    emit ruleEdited(deviceId, kind, made);
    emit changed();
    return std::nullopt;
}

std::optional<ValidationError> SettingsDocument::setRule(const QString &deviceId, CallKind kind,
                                                         const RingRule &rule)
{
    const Device *device = m_settings.device(deviceId);
    if (!device)
        return checkRule(deviceId, kind, rule);
    // Checked whole, so a refusal names the same field as before, whatever changed.
    if (auto problem = checkRule(deviceId, kind, rule))
        return problem;
    return editRule(deviceId, kind, RuleChange::between(device->rule(kind), rule));
}

std::optional<ValidationError>
SettingsDocument::checkControlledDevice(const QString &deviceId) const
{
    if (deviceId == m_settings.controlledDeviceId)
        return std::nullopt;
    FollowMeSettings candidate = m_settings;
    candidate.controlledDeviceId = deviceId;
    return SettingsCodec::validate(candidate);
}

std::optional<ValidationError> SettingsDocument::setControlledDevice(const QString &deviceId)
{
    if (deviceId == m_settings.controlledDeviceId)
        return std::nullopt;
    if (auto problem = checkControlledDevice(deviceId))
        return problem;
    m_settings.controlledDeviceId = deviceId;
    emit controlledDeviceChanged(deviceId);
    emit controlledDeviceEdited(deviceId);
    emit changed();
    return std::nullopt;
}
