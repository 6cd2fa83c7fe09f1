#pragma once

#include <QPointer>
#include <QString>
#include <QUndoCommand>

class SettingsDocument;

// One undoable choice of the device the client controls; an empty id is "No device". A choice
// that can't be made any more (the device was removed meanwhile) marks the step obsolete, so
// the undo stack drops it instead of keeping a step that does nothing.
class ControlledDeviceCommand : public QUndoCommand
{
public:
    ControlledDeviceCommand(SettingsDocument *document, const QString &before, const QString &after,
                            QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const QString &deviceId);

    QPointer<SettingsDocument> m_document;
    QString m_before;
    QString m_after;
};
