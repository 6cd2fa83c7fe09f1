#include "ProfileEditCommand.h"

#include "SettingsDocument.h"

#include <QCoreApplication>

ProfileEditCommand::ProfileEditCommand(SettingsDocument *document, const ClientMessage &edit,
                                       const ClientMessage &inverse, Clock clock,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_edit(edit)
    , m_inverse(inverse)
    , m_clock(std::move(clock))
{
    setText(QCoreApplication::translate("ProfileEditCommand", "change profiles"));
}

void ProfileEditCommand::apply(const ClientMessage &edit)
{
    if (isObsolete())
        return;
    if (!m_document || m_document->editProfiles(edit, m_clock()))
        setObsolete(true);
}

void ProfileEditCommand::redo()
{
    apply(m_edit);
}

void ProfileEditCommand::undo()
{
    apply(m_inverse);
}
