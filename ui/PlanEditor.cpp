#include "PlanEditor.h"

#include "ControlledDeviceCommand.h"
#include "EditGroupCommand.h"
#include "ProfileEditCommand.h"
#include "ProfileEditing.h"
#include "ProfileSwitch.h"
#include "ProfileText.h"
#include "RuleEditCommand.h"
#include "ScheduleEvaluator.h"
#include "SettingsDocument.h"

PlanEditor::PlanEditor(SettingsDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // The history stays when the settings are reset or a device changes: steps name devices by
    // id, and one that can't apply any more drops itself when undo() or redo() reaches it.
    connect(document, &SettingsDocument::changed, this, [this] { ++m_documentChanges; });
}

void PlanEditor::undo()
{
    const quint64 before = m_documentChanges;
    while (m_stack.canUndo() && m_documentChanges == before)
        m_stack.undo();
}

void PlanEditor::redo()
{
    const quint64 before = m_documentChanges;
    while (m_stack.canRedo() && m_documentChanges == before)
        m_stack.redo();
}

std::optional<ValidationError> PlanEditor::editRule(const QString &deviceId, CallKind kind,
                                                    const RuleChange &change)
{
    const Device *device = m_document->settings().device(deviceId);
    const RingRule current = device ? device->rule(kind) : RingRule {};
    const RingRule wanted = change.appliedTo(current);
    // Checked before the step is pushed: a refused edit must leave no step behind.
    if (auto problem = m_document->checkRule(deviceId, kind, wanted))
        return problem;
    // Only the fields that really change make the step, so undo restores only those.
    const RuleChange after = RuleChange::between(current, wanted);
    if (after.isEmpty())
        return std::nullopt;
    const RuleChange before = RuleChange::between(wanted, current);
    m_stack.push(new RuleEditCommand(m_document, deviceId, kind, before, after, m_run));
    return std::nullopt;
}

std::optional<ValidationError> PlanEditor::setRule(const QString &deviceId, CallKind kind,
                                                   const RingRule &rule)
{
    if (auto problem = m_document->checkRule(deviceId, kind, rule))
        return problem;
    return editRule(deviceId, kind,
                    RuleChange::between(m_document->settings().device(deviceId)->rule(kind), rule));
}

int PlanEditor::copyPlan(CallKind from, const QList<CallKind> &to)
{
    struct Copy
    {
        QString deviceId;
        CallKind target;
        RingRule current;
        RingRule wanted;
    };
    QList<Copy> copies;
    for (CallKind target : to) {
        if (target == from)
            continue;
        for (const Device &device : m_document->settings().devices) {
            if (!device.isLocked() && device.rule(target) != device.rule(from))
                copies.append({device.id, target, device.rule(target), device.rule(from)});
        }
    }
    if (copies.isEmpty())
        return 0;
    auto *group = new EditGroupCommand(tr("copy the %1 plan").arg(CallKinds::displayName(from)));
    for (const Copy &copy : std::as_const(copies)) // each owned by the group
        new RuleEditCommand(m_document, copy.deviceId, copy.target,
                            RuleChange::between(copy.wanted, copy.current),
                            RuleChange::between(copy.current, copy.wanted), -1, group);
    m_stack.push(group);
    endRun();
    return int(copies.size());
}

int PlanEditor::applyStrategy(CallKind kind, RingStrategy::Kind strategy, int seconds)
{
    const auto changes = RingStrategy::plan(m_document->settings(), kind, strategy, seconds);
    if (changes.isEmpty())
        return 0;
    auto *group = new EditGroupCommand(strategy == RingStrategy::Kind::AllAtOnce
                                           ? tr("ring all at once")
                                           : tr("ring one after another"));
    for (const auto &[deviceId, wanted] : changes) {
        const RingRule current = m_document->settings().device(deviceId)->rule(kind);
        new RuleEditCommand(m_document, deviceId, kind, RuleChange::between(wanted, current),
                            RuleChange::between(current, wanted), -1, group);
    }
    m_stack.push(group);
    endRun();
    return int(changes.size());
}

std::optional<ValidationError> PlanEditor::editProfiles(const ClientMessage &edit)
{
    const FollowMeSettings before = m_document->settings();
    const QDateTime now = m_clock();
    // Tried first: a refused edit must leave no step behind, and its reason is the user's.
    FollowMeSettings trial = before;
    if (const auto refusal = ProfileEditing::apply(trial, edit, ActiveProfile::By::User, now))
        return ValidationError {ValidationError::Code::Invalid, {}, refusal->message};
    if (trial == before)
        return std::nullopt;
    const auto inverse = inverseOf(edit, before);
    if (!inverse)
        return m_document->editProfiles(edit, now);
    m_stack.push(new ProfileEditCommand(m_document, edit, *inverse, m_clock));
    return std::nullopt;
}

std::optional<ClientMessage> PlanEditor::inverseOf(const ClientMessage &edit,
                                                   const FollowMeSettings &before) const
{
    switch (edit.type) {
    case ClientMessage::Type::SetActiveProfile: {
        // Back to how the profile was chosen: by hand (until when, if that is still to come), or
        // by the schedule when it would choose that profile now; else by hand, until changed.
        const QDateTime now = m_clock();
        if (const auto &override = before.active.override; override && override->holdsAt(now))
            return ClientMessage::setActiveProfile({}, override->profileId, override->until);
        const auto scheduled = ScheduleEvaluator(before.schedule, std::nullopt).choiceAt(now);
        if (scheduled && scheduled->profileId == before.activeProfileId())
            return ClientMessage::setActiveProfile({}, {});
        return ClientMessage::setActiveProfile({}, before.activeProfileId());
    }
    case ClientMessage::Type::AddProfile:
        return ClientMessage::removeProfile({}, edit.profileId);
    case ClientMessage::Type::RenameProfile:
        // The implicit profile's empty name comes back as what the user saw: "Standard" in
        // their language.
        return ClientMessage::renameProfile({}, edit.profileId,
                                            ProfileText::name(before, edit.profileId));
    case ClientMessage::Type::SetSchedule:
        return ClientMessage::setSchedule({}, before.schedule);
    case ClientMessage::Type::SetProfileRule: {
        const auto rules = ProfileSwitch::rulesIn(before, edit.profileId, edit.deviceId);
        if (!rules)
            return std::nullopt;
        const RingRule &rule = rules->at(CallKinds::index(edit.callKind));
        return ClientMessage::setProfileRule({}, edit.profileId, edit.deviceId, edit.callKind,
                                             RuleChange {rule.enabled, rule.delay, rule.timeout});
    }
    default:
        return std::nullopt;
    }
}

std::optional<ValidationError> PlanEditor::setControlledDevice(const QString &deviceId)
{
    // Checked before the step is pushed: a refused choice must leave no step behind.
    if (auto problem = m_document->checkControlledDevice(deviceId))
        return problem;
    const QString current = m_document->settings().controlledDeviceId;
    if (current == deviceId)
        return std::nullopt;
    m_stack.push(new ControlledDeviceCommand(m_document, current, deviceId));
    return std::nullopt;
}
