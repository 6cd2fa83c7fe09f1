#pragma once

#include "CallKind.h"
#include "ClientMessage.h"
#include "FollowMeSettings.h"
#include "RingRule.h"
#include "RingStrategy.h"
#include "RuleChange.h"
#include "ValidationError.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <functional>
#include <optional>

class SettingsDocument;

// The user's edits of the ring plan, undoable: every edit from the page (spinners, switches,
// the chart, "copy this plan to", the controlled device) goes through here, onto the document.
// Edits are grouped into runs: consecutive changes of the same rule's fields within one run are
// one undo step. Steps are kept by device id across new settings (another snapshot, a device
// added, removed, renamed or locked); a step whose device is gone or locked is dropped when
// undo() or redo() reaches it.
class PlanEditor : public QObject
{
    Q_OBJECT

public:
    explicit PlanEditor(SettingsDocument *document, QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_stack; }
    SettingsDocument *document() const { return m_document; }

    // Changes the given fields of one rule, as one step (or merged into the run's step).
    std::optional<ValidationError> editRule(const QString &deviceId, CallKind kind,
                                            const RuleChange &change);
    // The same, given as the whole rule wanted (the chart's drags).
    std::optional<ValidationError> setRule(const QString &deviceId, CallKind kind,
                                           const RingRule &rule);
    // Ends the current run (a spinner lost focus, a drag ended): the next edit is a new step.
    void endRun() { ++m_run; }

    // Copies one call kind's rules to others, skipping locked devices, as one undo step.
    // Returns how many rules changed.
    int copyPlan(CallKind from, const QList<CallKind> &to);

    // A ring strategy (RingStrategy) for one call kind as one undo step; locked and
    // switched-off devices are left alone. Returns how many rules changed.
    int applyStrategy(CallKind kind, RingStrategy::Kind strategy, int seconds = 0);

    // The device "Client controls" names; an empty id is "No device". One undo step.
    std::optional<ValidationError> setControlledDevice(const QString &deviceId);

    // A change of profiles (docs/protocol.md 4.5) as one undo step; removing a profile can't be
    // undone (its rules would be lost), so it is made without a step.
    std::optional<ValidationError> editProfiles(const ClientMessage &edit);
    // The time profile edits and the schedule are read at (UTC); by default the system's.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

public slots:
    // Undo or redo steps until one changes the document, or none is left: a step that can't
    // apply any more (its device gone or locked) is dropped on the way, never "undone" without
    // effect. Use these rather than the stack's own undo() and redo().
    void undo();
    void redo();

private:
    // The edit that takes `edit` back, made on `before`; nothing when there is none.
    std::optional<ClientMessage> inverseOf(const ClientMessage &edit,
                                           const FollowMeSettings &before) const;

    QPointer<SettingsDocument> m_document;
    Clock m_clock;
    QUndoStack m_stack;
    int m_run = 0;
    quint64 m_documentChanges = 0; // counts the document's changed() signals
};
