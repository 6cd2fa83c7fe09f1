#include "RuleEditCommand.h"

#include "SettingsDocument.h"

#include <QCoreApplication>

namespace {

// Which fields a change touches, so only runs on the same fields merge.
int fieldMask(const RuleChange &change)
{
    return (change.enabled ? 1 : 0) | (change.delay ? 2 : 0) | (change.timeout ? 4 : 0);
}

} // namespace

RuleEditCommand::RuleEditCommand(SettingsDocument *document, const QString &deviceId, CallKind kind,
                                 const RuleChange &before, const RuleChange &after, int run,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_deviceId(deviceId)
    , m_kind(kind)
    , m_before(before)
    , m_after(after)
    , m_run(run)
{
    updateText();
}

void RuleEditCommand::apply(const RuleChange &change)
{
    // Inside a group, an obsolete step stays until the whole group is: it must not come back.
    if (isObsolete())
        return;
    // The device is gone or was locked meanwhile: this step can't apply any more. Obsolete, the
    // undo stack drops it rather than keep a step that does nothing.
    if (!m_document || m_document->editRule(m_deviceId, m_kind, change))
        setObsolete(true);
}

void RuleEditCommand::redo()
{
    apply(m_after);
}

void RuleEditCommand::undo()
{
    apply(m_before);
}

int RuleEditCommand::id() const
{
    return 0x466d; // any constant: all rule edits may merge, mergeWith decides
}

bool RuleEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RuleEditCommand *>(other);
    if (next->m_run != m_run || next->m_deviceId != m_deviceId || next->m_kind != m_kind
        || fieldMask(next->m_after) != fieldMask(m_after))
        return false;
    m_after = next->m_after;
    // A run that ends where it began is no step at all.
    setObsolete(m_after == m_before);
    updateText();
    return true;
}

void RuleEditCommand::updateText()
{
    QString deviceName = m_deviceId;
    if (m_document) {
        if (const Device *device = m_document->settings().device(m_deviceId))
            deviceName = device->name;
    }
    setText(QCoreApplication::translate("RuleEditCommand", "change %1 (%2)")
                .arg(deviceName, CallKinds::displayName(m_kind)));
}
