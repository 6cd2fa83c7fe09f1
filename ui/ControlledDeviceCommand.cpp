#include "ControlledDeviceCommand.h"

#include "SettingsDocument.h"

#include <QCoreApplication>

ControlledDeviceCommand::ControlledDeviceCommand(SettingsDocument *document, const QString &before,
                                                 const QString &after, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("ControlledDeviceCommand", "choose the controlled device"));
}

void ControlledDeviceCommand::apply(const QString &deviceId)
{
    // Inside a group, an obsolete step stays until the whole group is: it must not come back.
    if (isObsolete())
        return;
    if (!m_document || m_document->setControlledDevice(deviceId))
        setObsolete(true);
}

void ControlledDeviceCommand::redo()
{
    apply(m_after);
}

void ControlledDeviceCommand::undo()
{
    apply(m_before);
}
