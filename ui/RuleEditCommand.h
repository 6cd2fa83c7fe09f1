#pragma once

#include "CallKind.h"
#include "RuleChange.h"

#include <QPointer>
#include <QUndoCommand>

class SettingsDocument;

// One undoable change of one device's rule for one call kind. It records only the fields it
// changed, so undoing it does not overwrite other fields changed meanwhile (by the server, by
// another session). Consecutive changes of the same fields within one edit run (a spinner held
// down, a bar dragged) merge into a single step. A step that can't apply any more (its device is
// gone or locked) marks itself obsolete, and the undo stack drops it.
class RuleEditCommand : public QUndoCommand
{
public:
    RuleEditCommand(SettingsDocument *document, const QString &deviceId, CallKind kind,
                    const RuleChange &before, const RuleChange &after, int run,
                    QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const RuleChange &change);
    void updateText();

    QPointer<SettingsDocument> m_document;
    QString m_deviceId;
    CallKind m_kind;
    RuleChange m_before;
    RuleChange m_after;
    int m_run;
};
