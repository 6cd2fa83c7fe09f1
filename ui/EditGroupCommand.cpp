#include "EditGroupCommand.h"

EditGroupCommand::EditGroupCommand(const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
{ }

void EditGroupCommand::redo()
{
    QUndoCommand::redo();
    checkObsolete();
}

void EditGroupCommand::undo()
{
    QUndoCommand::undo();
    checkObsolete();
}

void EditGroupCommand::checkObsolete()
{
    for (int i = 0; i < childCount(); ++i) {
        if (!child(i)->isObsolete())
            return;
    }
    setObsolete(true);
}
