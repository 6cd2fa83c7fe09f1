#pragma once

#include "CallKind.h"
#include "RingRule.h"
#include "ValidationError.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <optional>

class SettingsDocument;

// The user's edits of the ring plan, undoable: every edit from the page (spinners, switches,
// the chart, "copy this plan to") goes through here, onto the document. Edits are grouped into
// runs: consecutive changes of the same rule's fields within one run are one undo step.
class PlanEditor : public QObject
{
    Q_OBJECT

public:
    explicit PlanEditor(SettingsDocument *document, QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_stack; }
    SettingsDocument *document() const { return m_document; }

    std::optional<ValidationError> setRule(const QString &deviceId, CallKind kind,
                                           const RingRule &rule);
    // Ends the current run (a spinner lost focus, a drag ended): the next edit is a new step.
    void endRun() { ++m_run; }

    // Copies one call kind's rules to others, skipping locked devices, as one undo step.
    // Returns how many rules changed.
    int copyPlan(CallKind from, const QList<CallKind> &to);

private:
    QPointer<SettingsDocument> m_document;
    QUndoStack m_stack;
    int m_run = 0;
};
