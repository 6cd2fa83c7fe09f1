#pragma once

#include <QUndoCommand>

// Several edits as one undo step (instead of QUndoStack::beginMacro, whose plain parent command
// never becomes obsolete). Its children mark themselves obsolete when they can't apply any more
// and then do nothing; once all of them are, so is the group, and the undo stack drops it.
class EditGroupCommand : public QUndoCommand
{
public:
    explicit EditGroupCommand(const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void checkObsolete();
};
