#include "PlanEditor.h"

#include "RuleChange.h"
#include "RuleEditCommand.h"
#include "SettingsDocument.h"

PlanEditor::PlanEditor(SettingsDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    // Settings replaced wholesale (another file, a new snapshot with other devices): the old
    // steps may name devices that are gone.
    connect(document, &SettingsDocument::settingsReset, &m_stack, &QUndoStack::clear);
    // A device the administrator just locked can't be changed back: rather than undo steps that
    // silently do nothing, there are none left.
    connect(document, &SettingsDocument::deviceChanged, this, [this](int index) {
        if (m_document->settings().devices.at(index).isLocked())
            m_stack.clear();
    });
}

std::optional<ValidationError> PlanEditor::setRule(const QString &deviceId, CallKind kind,
                                                   const RingRule &rule)
{
    // Checked before the step is pushed: a refused edit must leave no step behind.
    if (auto problem = m_document->checkRule(deviceId, kind, rule))
        return problem;
    const RingRule current = m_document->settings().device(deviceId)->rule(kind);
    if (current == rule)
        return std::nullopt;
    const RuleChange after = RuleChange::between(current, rule);
    const RuleChange before = RuleChange::between(rule, current);
    m_stack.push(new RuleEditCommand(m_document, deviceId, kind, before, after, m_run));
    return std::nullopt;
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
    m_stack.beginMacro(tr("copy the %1 plan").arg(CallKinds::displayName(from)));
    for (const Copy &copy : std::as_const(copies))
        m_stack.push(new RuleEditCommand(m_document, copy.deviceId, copy.target,
                                         RuleChange::between(copy.wanted, copy.current),
                                         RuleChange::between(copy.current, copy.wanted), -1));
    m_stack.endMacro();
    endRun();
    return int(copies.size());
}
