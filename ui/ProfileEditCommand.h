#pragma once

#include "ClientMessage.h"

#include <QDateTime>
#include <QPointer>
#include <QUndoCommand>

#include <functional>

class SettingsDocument;

// One undoable change of profiles (choose, add, rename a profile, change a profile's rule, set
// the schedule): the edit, and the edit that takes it back, both made through the document as
// the user's own, so undoing is sent to the server like any edit. One that can't be made any
// more (the profile is gone) marks the step obsolete.
class ProfileEditCommand : public QUndoCommand
{
public:
    using Clock = std::function<QDateTime()>;

    ProfileEditCommand(SettingsDocument *document, const ClientMessage &edit,
                       const ClientMessage &inverse, Clock clock, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const ClientMessage &edit);

    QPointer<SettingsDocument> m_document;
    ClientMessage m_edit;
    ClientMessage m_inverse;
    Clock m_clock;
};
