#include "DeviceRuleModel.h"

#include "Icons.h"
#include "PlanEditor.h"
#include "ProfileSwitch.h"
#include "SettingsDocument.h"

using namespace Qt::StringLiterals;

DeviceRuleModel::DeviceRuleModel(SettingsDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    Q_ASSERT(document);
    // The document has already changed when it says so; the model only brackets the reset.
    connect(document, &SettingsDocument::settingsReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(document, &SettingsDocument::ruleChanged, this, [this](int row, CallKind kind) {
        if (kind == m_kind)
            emitRowChanged(row);
    });
    connect(document, &SettingsDocument::deviceChanged, this, &DeviceRuleModel::emitRowChanged);
    connect(document, &SettingsDocument::pendingChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {PendingRole});
    });
    // A profile's rules changed, or another one became active: what is shown may be new.
    connect(document, &SettingsDocument::profilesChanged, this, [this] {
        if (!m_profile.isEmpty() && !m_document->settings().profile(m_profile)) {
            setShownProfile({});
            return;
        }
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
    connect(document, &SettingsDocument::controlledDeviceChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, DeviceColumn), index(rowCount() - 1, DeviceColumn),
                             {ControlledRole});
    });
}

void DeviceRuleModel::setCallKind(CallKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit callKindChanged(kind);
}

void DeviceRuleModel::setShownProfile(const QString &profileId)
{
    const QString wanted =
        profileId == m_document->settings().activeProfileId() ? QString() : profileId;
    if (wanted == m_profile)
        return;
    m_profile = wanted;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit shownProfileChanged(m_profile);
}

bool DeviceRuleModel::showsActiveProfile() const
{
    return m_profile.isEmpty() || m_profile == m_document->settings().activeProfileId();
}

RingRule DeviceRuleModel::rule(int row) const
{
    const Device &device = m_document->settings().devices.at(row);
    if (showsActiveProfile())
        return device.rule(m_kind);
    const auto rules = ProfileSwitch::rulesIn(m_document->settings(), m_profile, device.id);
    return rules ? rules->at(CallKinds::index(m_kind)) : device.rule(m_kind);
}

std::optional<ValidationError> DeviceRuleModel::setRule(int row, const RingRule &rule)
{
    if (row < 0 || row >= rowCount())
        return editRule(row, {});
    return editRule(row, RuleChange::between(this->rule(row), rule));
}

std::optional<ValidationError> DeviceRuleModel::editRule(int row, const RuleChange &change)
{
    if (row < 0 || row >= rowCount())
        return ValidationError {ValidationError::Code::UnknownId, u"row"_s,
                                tr("there is no device in row %1").arg(row)};
    const QString deviceId = m_document->settings().devices.at(row).id;
    std::optional<ValidationError> problem;
    if (!showsActiveProfile()) {
        // Another profile's rule: that profile changes, the rules in force don't.
        const ClientMessage edit =
            ClientMessage::setProfileRule({}, m_profile, deviceId, m_kind, change);
        problem = m_editor ? m_editor->editProfiles(edit)
                           : m_document->editProfiles(edit, QDateTime::currentDateTimeUtc());
    } else {
        problem = m_editor ? m_editor->editRule(deviceId, m_kind, change)
                           : m_document->editRule(deviceId, m_kind, change);
    }
    if (problem)
        emit editRefused(problem->reason);
    return problem;
}

void DeviceRuleModel::endEditRun()
{
    if (m_editor)
        m_editor->endRun();
}

int DeviceRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_document ? 0 : int(m_document->settings().devices.size());
}

int DeviceRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FollowMeSettings &settings = m_document->settings();
    const Device &device = settings.devices.at(index.row());
    const RingRule rule = this->rule(index.row());

    switch (role) {
    case DeviceIdRole:
        return device.id;
    case DeviceKindRole:
        return int(device.kind);
    case NumberRole:
        return device.number;
    case WorkspaceRole:
        return device.workspace;
    case LockedRole:
        return device.isLocked();
    case ControllableRole:
        return DeviceKinds::isControllable(device.kind);
    case ControlledRole:
        return device.id == settings.controlledDeviceId;
    case RuleEnabledRole:
        return rule.enabled;
    case DelayRole:
        return rule.delay;
    case TimeoutRole:
        return rule.timeout;
    case RingEndRole:
        return rule.window().end;
    case PendingRole:
        return showsActiveProfile() && m_document->isRulePending(device.id, m_kind);
    case Qt::ToolTipRole:
        if (device.isLocked())
            return tr("Your administrator manages %1: its FollowMe settings can't be changed "
                      "here.")
                .arg(device.name);
        return {};
    default:
        break;
    }

    switch (index.column()) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return rule.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::EditRole)
            return rule.enabled;
        if (role == Qt::AccessibleTextRole)
            return rule.enabled ? tr("Rings") : tr("Does not ring");
        break;
    case DeviceColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return device.name;
        if (role == Qt::DecorationRole)
            return Icons::device(device.kind);
        if (role == Qt::AccessibleTextRole)
            return tr("%1, %2, %3")
                .arg(device.name, DeviceKinds::displayName(device.kind), device.number);
        break;
    case DelayColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 s").arg(rule.delay);
        if (role == Qt::EditRole)
            return rule.delay;
        break;
    case TimeoutColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 s").arg(rule.timeout);
        if (role == Qt::EditRole)
            return rule.timeout;
        break;
    default:
        break;
    }
    return {};
}

bool DeviceRuleModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // Only the edited field: the rest of the rule is not part of this edit.
    RuleChange edited;
    switch (index.column()) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            edited.enabled = value.value<Qt::CheckState>() == Qt::Checked;
        else if (role == Qt::EditRole)
            edited.enabled = value.toBool();
        else
            return false;
        break;
    case DelayColumn:
    case TimeoutColumn: {
        if (role != Qt::EditRole)
            return false;
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok)
            return false;
        (index.column() == DelayColumn ? edited.delay : edited.timeout) = seconds;
        break;
    }
    default:
        return false;
    }
    return !editRule(index.row(), edited).has_value();
}

Qt::ItemFlags DeviceRuleModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (index.column() == DeviceColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // A locked device is shown greyed out: its rule cells are not even enabled.
    if (m_document->settings().devices.at(index.row()).isLocked())
        return Qt::ItemIsSelectable;
    if (index.column() == EnabledColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant DeviceRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("Enabled");
    case DeviceColumn:
        return tr("Device");
    case DelayColumn:
        return tr("Delay");
    case TimeoutColumn:
        return tr("Timeout");
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceRuleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DeviceIdRole, "deviceId");
    names.insert(DeviceKindRole, "deviceKind");
    names.insert(NumberRole, "number");
    names.insert(WorkspaceRole, "workspace");
    names.insert(LockedRole, "locked");
    names.insert(ControllableRole, "controllable");
    names.insert(ControlledRole, "controlled");
    names.insert(RuleEnabledRole, "ruleEnabled");
    names.insert(DelayRole, "delay");
    names.insert(TimeoutRole, "timeout");
    names.insert(RingEndRole, "ringEnd");
    names.insert(PendingRole, "pending");
    return names;
}

void DeviceRuleModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
