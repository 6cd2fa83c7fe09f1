// Tests for PlanEditor's history on a real SettingsDocument: steps outlive new settings (a
// reset, a rename, a device added, removed or locked) by device id, undo and redo skip and drop
// the steps that can't apply any more, and the controlled device is undoable, "No device"
// included.

#include "DemoData.h"
#include "PlanEditor.h"
#include "SettingsDocument.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

class TestPlanEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_editor = std::make_unique<PlanEditor>(m_document.get());
    }
    void cleanup()
    {
        m_editor.reset();
        m_document.reset();
    }

    void undoAndRedoOneStep()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        QCOMPARE(stack()->count(), 1);
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QVERIFY(!stack()->canUndo());
        m_editor->redo();
        QCOMPARE(rule(u"desk"_s).delay, 5);
        QVERIFY(!stack()->canRedo());
        // Nothing to redo, then nothing to undo: nothing happens.
        QSignalSpy changed(m_document.get(), &SettingsDocument::changed);
        m_editor->redo();
        QCOMPARE(changed.count(), 0);
        m_editor->undo();
        m_editor->undo();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QCOMPARE(stack()->count(), 1);
    }

    // The spinner's field alone travels: the step, its undo and redo each announce only it.
    void undoAndRedoAnnounceOnlyTheirFields()
    {
        QStringList seen;
        connect(m_document.get(), &SettingsDocument::ruleEdited, this,
                [&seen](const QString &id, CallKind, const RuleChange &change) {
                    seen.append(
                        u"%1 %2 %3 %4"_s.arg(id, change.enabled ? u"e"_s : u"-"_s,
                                             change.delay ? QString::number(*change.delay) : u"-"_s,
                                             change.timeout ? u"t"_s : u"-"_s));
                });
        RuleChange delay;
        delay.delay = 5;
        QVERIFY(!m_editor->editRule(u"desk"_s, CallKind::External, delay));
        m_editor->undo();
        m_editor->redo();
        QCOMPARE(seen, (QStringList {u"desk - 5 -"_s, u"desk - 0 -"_s, u"desk - 5 -"_s}));
    }

    void refusedEditsPushNoStep()
    {
        QVERIFY(m_editor->setRule(u"reception"_s, CallKind::External, {true, 1, 30}));
        QVERIFY(m_editor->setRule(u"nope"_s, CallKind::External, {true, 1, 30}));
        QVERIFY(m_editor->setRule(u"desk"_s, CallKind::External, {true, 301, 30}));
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, rule(u"desk"_s)));
        QVERIFY(m_editor->setControlledDevice(u"private-mobile"_s)); // an external number
        QVERIFY(m_editor->setControlledDevice(u"nope"_s));
        QVERIFY(!m_editor->setControlledDevice(u"desk"_s)); // already chosen
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(m_document->settings(), demoSettings());
    }

    void renameOfALockedDeviceKeepsHistory()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        FollowMeSettings pushed = m_document->settings();
        pushed.devices[DemoRow::reception].name = u"Front desk phone"_s;
        pushed.devices[DemoRow::mobile].name = u"My mobile"_s;
        QVERIFY(!m_document->update(pushed));
        QCOMPARE(stack()->count(), 1);
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QCOMPARE(m_document->settings().devices.at(DemoRow::reception).name, u"Front desk phone"_s);
    }

    void addedDeviceKeepsHistory()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        FollowMeSettings pushed = m_document->settings();
        Device tablet = pushed.devices.at(DemoRow::mobile);
        tablet.id = u"tablet"_s;
        tablet.name = u"Tablet"_s;
        pushed.devices.prepend(tablet);
        QSignalSpy reset(m_document.get(), &SettingsDocument::settingsReset);
        QVERIFY(!m_document->update(pushed));
        QCOMPARE(reset.count(), 1); // other devices: a reset
        QCOMPARE(stack()->count(), 1);
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s).delay, 0);
    }

    // A's step survives a reset that removes B; B's step is skipped (and dropped) by undo.
    void resetRemovingBKeepsAsStepAndUndoSkipsBs()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        QVERIFY(!m_editor->setRule(u"mobile"_s, CallKind::External, {true, 12, 25}));
        QCOMPARE(stack()->count(), 2);
        FollowMeSettings without = m_document->settings();
        without.devices.removeAt(DemoRow::mobile);
        QVERIFY(!m_document->reset(without));
        QCOMPARE(stack()->count(), 2);

        QSignalSpy changed(m_document.get(), &SettingsDocument::changed);
        m_editor->undo(); // B's step can't apply: one press undoes A's
        QCOMPARE(changed.count(), 1);
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QCOMPARE(stack()->count(), 1);
        QVERIFY(!stack()->canUndo());
        m_editor->redo();
        QCOMPARE(rule(u"desk"_s).delay, 5);
        QVERIFY(!stack()->canRedo());

        // B back with the same id: its step is gone for good, A's still works.
        QVERIFY(!m_document->reset(demoSettings()));
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QCOMPARE(rule(u"mobile"_s).delay, 10);
    }

    // Undone steps wait for redo; those that can't apply any more are dropped there too.
    void redoSkipsStepsOfRemovedDevices()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::Teams, {false, 0, 20}));
        QVERIFY(!m_editor->setRule(u"mobile"_s, CallKind::Teams, {true, 5, 15}));
        m_editor->undo();
        m_editor->undo();
        QCOMPARE(m_document->settings(), demoSettings());
        FollowMeSettings without = demoSettings();
        without.devices.removeAt(DemoRow::desk);
        without.controlledDeviceId.clear(); // it was the desk
        QVERIFY(!m_document->reset(without));

        m_editor->redo(); // desk's step is dropped, mobile's done
        QVERIFY(rule(u"mobile"_s, CallKind::Teams).enabled);
        QVERIFY(!stack()->canRedo());
        QCOMPARE(stack()->count(), 1);
    }

    void lockingAMakesUndoSkipAsSteps()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        QVERIFY(!m_editor->setRule(u"softphone"_s, CallKind::External, {true, 7, 25}));
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::Internal, {false, 0, 30}));
        QCOMPARE(stack()->count(), 3);
        FollowMeSettings locked = m_document->settings();
        locked.devices[DemoRow::desk].userConfigurable = false;
        QSignalSpy reset(m_document.get(), &SettingsDocument::settingsReset);
        QVERIFY(!m_document->update(locked));
        QCOMPARE(reset.count(), 0); // the same devices: only the lock is announced
        QCOMPARE(stack()->count(), 3);

        m_editor->undo(); // desk's Internal step is skipped: the softphone's is undone
        QCOMPARE(rule(u"softphone"_s).delay, 0);
        QVERIFY(!rule(u"desk"_s, CallKind::Internal).enabled);
        QCOMPARE(stack()->count(), 2);
        QVERIFY(stack()->canUndo());

        QSignalSpy changed(m_document.get(), &SettingsDocument::changed);
        m_editor->undo(); // only desk's first step is left: dropped, nothing to undo
        QCOMPARE(changed.count(), 0);
        QCOMPARE(rule(u"desk"_s).delay, 5);
        QVERIFY(!stack()->canUndo());
        QCOMPARE(stack()->count(), 1);

        m_editor->redo();
        QCOMPARE(rule(u"softphone"_s).delay, 7);
    }

    void lockingAnotherDeviceKeepsAsSteps()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        FollowMeSettings locked = m_document->settings();
        locked.devices[DemoRow::softphone].userConfigurable = false;
        QVERIFY(!m_document->update(locked));
        QCOMPARE(stack()->count(), 1);
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s).delay, 0);
        m_editor->redo();
        QCOMPARE(rule(u"desk"_s).delay, 5);
    }

    // A copied plan is one step of several edits: undo takes back what of it still can.
    void copyPlanUndoesWhatStillApplies()
    {
        const FollowMeSettings demo = demoSettings();
        QVERIFY(m_editor->copyPlan(CallKind::External, {CallKind::Internal}) > 0);
        QCOMPARE(stack()->count(), 1);
        const FollowMeSettings copied = m_document->settings();
        FollowMeSettings pushed = copied;
        pushed.devices[DemoRow::desk].userConfigurable = false;
        pushed.devices.removeAt(DemoRow::mobile);
        QVERIFY(!m_document->reset(pushed));

        m_editor->undo();
        QCOMPARE(rule(u"desk"_s, CallKind::Internal),
                 copied.devices.at(0).rule(CallKind::Internal));
        for (const QString &id : {u"softphone"_s, u"dect"_s, u"private-mobile"_s})
            QCOMPARE(rule(id, CallKind::Internal), demo.device(id)->rule(CallKind::Internal));
        QCOMPARE(stack()->count(), 1);
        m_editor->redo();
        for (const QString &id : {u"softphone"_s, u"dect"_s, u"private-mobile"_s})
            QCOMPARE(rule(id, CallKind::Internal), copied.device(id)->rule(CallKind::Internal));

        // Unlocked again, the desk's part stays dropped: it was skipped once.
        pushed = m_document->settings();
        pushed.devices[DemoRow::desk].userConfigurable = true;
        QVERIFY(!m_document->update(pushed));
        m_editor->undo();
        QCOMPARE(rule(u"desk"_s, CallKind::Internal),
                 copied.devices.at(0).rule(CallKind::Internal));
        QCOMPARE(rule(u"dect"_s, CallKind::Internal),
                 demo.device(u"dect"_s)->rule(CallKind::Internal));
    }

    void copyPlanWithNothingLeftIsDropped()
    {
        QVERIFY(m_editor->copyPlan(CallKind::External, {CallKind::Internal}) > 0);
        FollowMeSettings locked = m_document->settings();
        for (Device &device : locked.devices)
            device.userConfigurable = false;
        QVERIFY(!m_document->update(locked));
        QSignalSpy changed(m_document.get(), &SettingsDocument::changed);
        m_editor->undo();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_document->settings(), locked);
        QCOMPARE(stack()->count(), 0);
    }

    void controlledDeviceUndoAndRedo()
    {
        QVERIFY(!m_editor->setControlledDevice(u"softphone"_s));
        QCOMPARE(controlled(), u"softphone"_s);
        QCOMPARE(stack()->undoText(), u"choose the controlled device"_s);
        QVERIFY(!m_editor->setControlledDevice(QString())); // "No device"
        QCOMPARE(controlled(), QString());
        QCOMPARE(stack()->count(), 2);

        m_editor->undo();
        QCOMPARE(controlled(), u"softphone"_s);
        m_editor->undo();
        QCOMPARE(controlled(), u"desk"_s);
        QVERIFY(!stack()->canUndo());
        m_editor->redo();
        QCOMPARE(controlled(), u"softphone"_s);
        m_editor->redo();
        QCOMPARE(controlled(), QString());
        QVERIFY(!stack()->canRedo());

        // From "No device" back to one, undone to "No device" again.
        QVERIFY(!m_editor->setControlledDevice(u"dect"_s));
        m_editor->undo();
        QCOMPARE(controlled(), QString());
        m_editor->redo();
        QCOMPARE(controlled(), u"dect"_s);
    }

    void controlledDeviceStepOfARemovedDeviceIsSkipped()
    {
        QVERIFY(!m_editor->setControlledDevice(u"softphone"_s));
        QVERIFY(!m_editor->setControlledDevice(u"dect"_s));
        FollowMeSettings without = m_document->settings();
        without.devices.removeAt(DemoRow::softphone);
        QVERIFY(!m_document->reset(without));

        // Back to the softphone is impossible: that step goes, the one before it is undone.
        m_editor->undo();
        QCOMPARE(controlled(), u"desk"_s);
        QCOMPARE(stack()->count(), 1);
        QVERIFY(!stack()->canUndo());
        // Redo of the step to the softphone can't apply either.
        m_editor->redo();
        QCOMPARE(controlled(), u"desk"_s);
        QCOMPARE(stack()->count(), 0);
    }

    // Changes from elsewhere are not overwritten by a step that no longer changes anything:
    // undo moves on to a step that does.
    void stepThatChangesNothingIsPassed()
    {
        QVERIFY(!m_editor->setRule(u"desk"_s, CallKind::External, {true, 5, 25}));
        QVERIFY(!m_editor->setControlledDevice(u"dect"_s));
        FollowMeSettings pushed = m_document->settings();
        pushed.controlledDeviceId = u"desk"_s; // another session chose the desk again
        QVERIFY(!m_document->update(pushed));
        m_editor->undo();
        QCOMPARE(controlled(), u"desk"_s);
        QCOMPARE(rule(u"desk"_s).delay, 0);
        QCOMPARE(stack()->count(), 2); // both stay: each can still apply
        m_editor->redo();
        QCOMPARE(rule(u"desk"_s).delay, 5);
        QCOMPARE(controlled(), u"desk"_s);
        m_editor->redo();
        QCOMPARE(controlled(), u"dect"_s);
    }

private:
    QUndoStack *stack() { return m_editor->undoStack(); }
    RingRule rule(const QString &deviceId, CallKind kind = CallKind::External) const
    {
        return m_document->settings().device(deviceId)->rule(kind);
    }
    QString controlled() const { return m_document->settings().controlledDeviceId; }

    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<PlanEditor> m_editor;
};

QTEST_GUILESS_MAIN(TestPlanEditor)
#include "tst_planeditor.moc"
