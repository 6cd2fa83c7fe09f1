// Tests for SyncState without a socket and without timing: the server's messages are fed in as
// ServerMessage values, the user's edits come from the document, and the batched writes are
// triggered by flush() (the send delay's timer is never waited for, except where the timer
// itself is the subject).

#include "AuditData.h"
#include "DemoData.h"
#include "Outbox.h"
#include "ProfileSwitch.h"
#include "RefusalText.h"
#include "ServerMessage.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"
#include "SyncState.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(ServerMessage)

class TestSyncState : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_document = std::make_unique<SettingsDocument>();
        m_state = makeState(m_document.get());
        m_state->receive(ServerMessage::snapshot(1, u"alice"_s, u"Alice"_s, demoSettings()));
    }
    void cleanup()
    {
        m_state.reset();
        m_document.reset();
        m_dir.reset();
    }

    // The spinner's change goes into the outbox as it is: only the field the user changed, the
    // document announced once and not written to again by the sync in the same call.
    void anEditGoesOutAsItCame()
    {
        QSignalSpy shown(m_document.get(), &SettingsDocument::ruleChanged);
        QSignalSpy resets(m_document.get(), &SettingsDocument::settingsReset);
        RuleChange change;
        change.delay = 5;
        QVERIFY(!m_document->editRule(u"desk"_s, CallKind::External, change));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(resets.count(), 0);
        QVERIFY(m_document->isRulePending(u"desk"_s, CallKind::External));

        const QList<ClientMessage> unsent = m_state->takeUnsent();
        QCOMPARE(unsent.size(), 1);
        QCOMPARE(unsent.constFirst().type, ClientMessage::Type::SetRule);
        QCOMPARE(unsent.constFirst().deviceId, u"desk"_s);
        QCOMPARE(unsent.constFirst().callKind, CallKind::External);
        QCOMPARE(unsent.constFirst().change, change);
        QVERIFY(m_state->takeUnsent().isEmpty()); // taken means sent on this link

        m_state->receive(ServerMessage::ack(unsent.constFirst().requestId, 2));
        QCOMPARE(m_state->pendingEditCount(), 0);
        QVERIFY(!m_document->isRulePending(u"desk"_s, CallKind::External));
        QCOMPARE(m_state->confirmed().device(u"desk"_s)->rule(CallKind::External).delay, 5);
        QCOMPARE(shown.count(), 1); // the ack changes nothing the document shows
    }

    // A profile edit goes out as made, is shown before the server confirms it (as the server
    // will make it), and the snapshot the server sends before its ack confirms it.
    void aProfileEditIsShownThenConfirmed()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!m_document->editProfiles(
            ClientMessage::setActiveProfile({}, RingProfile::doNotDisturbId), now));
        QVERIFY(m_document->settings().doNotDisturb());
        const QList<ClientMessage> unsent = m_state->takeUnsent();
        QCOMPARE(unsent.size(), 1);
        QCOMPARE(unsent.constFirst().type, ClientMessage::Type::SetActiveProfile);
        QCOMPARE(unsent.constFirst().profileId, RingProfile::doNotDisturbId);
        QVERIFY(!unsent.constFirst().requestId.isEmpty());
        // A message of the server before the ack: the pending switch stays shown on top.
        m_state->receive(
            ServerMessage::ruleChanged(2, u"mobile"_s, CallKind::Teams, {true, 7, 40}));
        QVERIFY(m_document->settings().doNotDisturb());

        FollowMeSettings quiet = m_state->confirmed();
        QVERIFY(ProfileSwitch::activate(quiet, RingProfile::doNotDisturbId, ActiveProfile::By::User,
                                        now));
        m_state->receive(ServerMessage::snapshot(3, u"alice"_s, u"Alice"_s, quiet));
        m_state->receive(ServerMessage::ack(unsent.constFirst().requestId, 3));
        QCOMPARE(m_state->pendingEditCount(), 0);
        QVERIFY(m_state->confirmed().doNotDisturb());
        QVERIFY(m_document->settings().doNotDisturb());
        QCOMPARE(m_state->revision(), 3);
    }

    // Rule edits on either side of a profile switch stay two edits: each belongs to the profile
    // active when it is committed.
    void ruleEditsAreNotMergedAcrossASwitch()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(
            !m_document->editProfiles(ClientMessage::addProfile({}, u"home"_s, u"Home"_s), now));
        QVERIFY(!m_document->editRule(u"desk"_s, CallKind::External, RuleChange {{}, 5, {}}));
        QVERIFY(!m_document->editProfiles(ClientMessage::setActiveProfile({}, u"home"_s), now));
        QVERIFY(!m_document->editRule(u"desk"_s, CallKind::External, RuleChange {{}, 9, {}}));
        const QList<ClientMessage> unsent = m_state->takeUnsent();
        QCOMPARE(unsent.size(), 4);
        QCOMPARE(unsent.at(1).change.delay, 5);
        QCOMPARE(unsent.at(3).change.delay, 9);
        // Shown as the server will make it: the home profile's desk at 9 s, the standard one's
        // at 5.
        QCOMPARE(m_document->settings().device(u"desk"_s)->rule(CallKind::External).delay, 9);
        QCOMPARE(m_document->settings()
                     .profile(RingProfile::standardId)
                     ->rules.value(u"desk"_s)
                     .at(CallKinds::index(CallKind::External))
                     .delay,
                 5);
    }

    // A refused profile edit disappears from what is shown, with a sentence of its own.
    void aRefusedProfileEditIsUndone()
    {
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        QVERIFY(!m_document->editProfiles(
            ClientMessage::setActiveProfile({}, RingProfile::doNotDisturbId),
            QDateTime::currentDateTimeUtc()));
        const QList<ClientMessage> unsent = m_state->takeUnsent();
        m_state->receive(ServerMessage::failure(
            {Protocol::ErrorCode::Invalid, u"no"_s, unsent.constFirst().requestId}));
        QVERIFY(!m_document->settings().doNotDisturb());
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.at(0).at(0).toString().contains(u"profiles"_s));
    }

    // What the server pushes is shown, and never taken for the user's edit.
    void serverUpdatesAreNoEdits()
    {
        m_state->receive(
            ServerMessage::ruleChanged(2, u"mobile"_s, CallKind::Teams, {true, 7, 40}));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Teams),
                 (RingRule {true, 7, 40}));
        m_state->receive(ServerMessage::controlledDeviceChanged(3, u"dect"_s));
        QCOMPARE(m_document->settings().controlledDeviceId, u"dect"_s);
        FollowMeSettings changed = demoSettings();
        changed.devices[DemoRow::desk].rule(CallKind::Internal) = {false, 3, 33};
        m_state->receive(ServerMessage::snapshot(4, u"alice"_s, u"Alice"_s, changed));
        QCOMPARE(m_document->settings(), changed);
        QCOMPARE(m_state->pendingEditCount(), 0);
        QVERIFY(m_state->takeUnsent().isEmpty());
        QCOMPARE(m_state->revision(), 4);
    }

    // A push of another session's change to the same rule: the pending field stays on top.
    void pendingEditsStayOnTopOfPushes()
    {
        QVERIFY(!m_document->setRule(u"dect"_s, CallKind::External, {true, 7, 30}));
        const auto sent = m_state->takeUnsent();
        m_state->receive(
            ServerMessage::ruleChanged(2, u"dect"_s, CallKind::External, {true, 5, 44}));
        QCOMPARE(m_document->settings().device(u"dect"_s)->rule(CallKind::External),
                 (RingRule {true, 7, 44}));
        QVERIFY(m_document->isRulePending(u"dect"_s, CallKind::External));
        m_state->receive(ServerMessage::ack(sent.constFirst().requestId, 3));
        QCOMPARE(m_state->confirmed().device(u"dect"_s)->rule(CallKind::External),
                 (RingRule {true, 7, 44}));
    }

    // The refusal is worded by the client from its code; the server's English is not shown.
    // (`internal` is no refusal of the edit: internalKeepsTheEditAndSendsItAgain.)
    void refusalsAreWordedFromTheCode_data()
    {
        QTest::addColumn<int>("code");
        for (int code = 0; code < int(Protocol::ErrorCode::Internal); ++code)
            QTest::addRow("%s", qPrintable(Protocol::errorKey(Protocol::ErrorCode(code)))) << code;
    }
    void refusalsAreWordedFromTheCode()
    {
        QFETCH(int, code);
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Internal, {true, 99, 20}));
        const QString id = m_state->takeUnsent().constFirst().requestId;
        m_state->receive(ServerMessage::failure(
            {Protocol::ErrorCode(code), u"the English text of the server"_s, id}));
        QCOMPARE(notices.count(), 1);
        const QString text = notices.constFirst().constFirst().toString();
        QCOMPARE(
            text,
            RefusalText::ruleEdit(Protocol::ErrorCode(code), u"Mobile app"_s, CallKind::Internal));
        QVERIFY(!text.contains(u"English"_s));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Internal).delay, 15);
        QVERIFY(!m_document->isRulePending(u"mobile"_s, CallKind::Internal));
    }

    // The server's passing trouble: the edit stays shown and pending, goes out again with its
    // request id after the resend delay, and the user is told once, not per try.
    void internalKeepsTheEditAndSendsItAgain()
    {
        m_state->setResendDelays(10ms, 10ms);
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        QSignalSpy ready(m_state.get(), &SyncState::readyToSend);
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Internal, {true, 9, 20}));
        const QString id = m_state->takeUnsent().constFirst().requestId;
        const ServerMessage failure =
            ServerMessage::failure({Protocol::ErrorCode::Internal, u"database trouble"_s, id});
        m_state->receive(failure);
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.constFirst().constFirst().toString(),
                 RefusalText::ruleEdit(Protocol::ErrorCode::Internal, u"Mobile app"_s,
                                       CallKind::Internal));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Internal).delay, 9);
        QVERIFY(m_document->isRulePending(u"mobile"_s, CallKind::Internal));
        QVERIFY(ready.wait());
        QList<ClientMessage> again = m_state->takeUnsent();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.constFirst().requestId, id);
        // Failing again: no second notice; then the ack ends it.
        m_state->receive(failure);
        QCOMPARE(notices.count(), 1);
        QVERIFY(ready.wait());
        again = m_state->takeUnsent();
        QCOMPARE(again.size(), 1);
        m_state->receive(ServerMessage::ack(id, 2));
        QCOMPARE(m_state->pendingEditCount(), 0);
        QCOMPARE(m_state->confirmed().device(u"mobile"_s)->rule(CallKind::Internal).delay, 9);
        QVERIFY(!m_document->isRulePending(u"mobile"_s, CallKind::Internal));
    }

    void refusedControlledDeviceIsWordedToo()
    {
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        QVERIFY(!m_document->setControlledDevice(u"dect"_s));
        QVERIFY(m_document->isControlledDevicePending());
        const QString id = m_state->takeUnsent().constFirst().requestId;
        m_state->receive(ServerMessage::failure({Protocol::ErrorCode::Forbidden, u"nope"_s, id}));
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.constFirst().constFirst().toString(),
                 RefusalText::controlledDevice(Protocol::ErrorCode::Forbidden, u"DECT handset"_s));
        QCOMPARE(m_document->settings().controlledDeviceId, u"desk"_s);
    }

    // A snapshot that locks a device drops its unsent edit: the administrator's change is told
    // first, then what it meant for the edit.
    void lockedMeanwhileDropsTheEdit()
    {
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        QVERIFY(!m_document->setRule(u"softphone"_s, CallKind::Teams, {false, 0, 20}));
        FollowMeSettings locked = demoSettings();
        locked.devices[DemoRow::softphone].userConfigurable = false;
        m_state->receive(ServerMessage::snapshot(9, u"alice"_s, u"Alice"_s, locked));
        QCOMPARE(notices.count(), 2);
        QCOMPARE(notices.at(0).constFirst().toString(),
                 u"Desktop softphone is now managed by your administrator."_s);
        QVERIFY(notices.at(1).constFirst().toString().contains(u"dropped"_s));
        QCOMPARE(m_state->pendingEditCount(), 0);
        QCOMPARE(m_document->settings(), locked);
    }

    // The ack of a resend names the revision of its first commit: newer state stays.
    void anOldAckRollsNothingBack()
    {
        QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::External, {true, 5, 25}));
        const QString id = m_state->takeUnsent().constFirst().requestId;
        FollowMeSettings newer = demoSettings();
        newer.devices[DemoRow::mobile].rule(CallKind::External) = {true, 10, 25};
        m_state->markAllUnsent(); // a new link
        m_state->receive(ServerMessage::snapshot(8, u"alice"_s, u"Alice"_s, newer));
        QCOMPARE(m_state->takeUnsent().size(), 1); // resent
        m_state->receive(ServerMessage::ack(id, 2));
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::External).delay, 10);
        QCOMPARE(m_state->revision(), 8);
    }

    // A spinner held down is many steps, one edit: the outbox file is written once, when the
    // send delay passes, not once per step. Messages that change nothing don't rewrite the cache.
    void writesAreBatched()
    {
        QCOMPARE(m_state->outbox().writeCount(), 0);
        for (int delay = 1; delay <= 20; ++delay)
            QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, delay, 25}));
        QCOMPARE(m_state->pendingEditCount(), 1);
        QCOMPARE(m_state->outbox().writeCount(), 0);
        m_state->flush();
        QCOMPARE(m_state->outbox().writeCount(), 1);
        QCOMPARE(m_state->cache().writeCount(), 1); // the first snapshot
        m_state->flush();
        QCOMPARE(m_state->outbox().writeCount(), 1);

        // The same snapshot again (a resync), a few times: the cache holds it already.
        for (int i = 0; i < 5; ++i) {
            m_state->awaitSnapshot(); // a new link
            m_state->receive(ServerMessage::snapshot(1, u"alice"_s, u"Alice"_s, demoSettings()));
        }
        m_state->flush();
        QCOMPARE(m_state->cache().writeCount(), 1);
        // Several acks and pushes in one send delay: one write each for outbox and cache.
        const QString id = m_state->takeUnsent().constFirst().requestId;
        m_state->receive(ServerMessage::ack(id, 2));
        m_state->receive(ServerMessage::ruleChanged(3, u"dect"_s, CallKind::Teams, {true, 1, 20}));
        m_state->receive(ServerMessage::ruleChanged(4, u"dect"_s, CallKind::Teams, {true, 2, 20}));
        m_state->flush();
        QCOMPARE(m_state->outbox().writeCount(), 2);
        QCOMPARE(m_state->cache().writeCount(), 2);
    }

    // The send delay's timer is the batching point while running: it writes, then says the
    // edits may go out.
    void theSendDelayWritesThenSends()
    {
        m_state->setSendDelay(1ms);
        QSignalSpy ready(m_state.get(), &SyncState::readyToSend);
        for (int delay = 1; delay <= 5; ++delay)
            QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, delay, 25}));
        QVERIFY(ready.wait());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(m_state->outbox().writeCount(), 1);
        Outbox onDisk(outboxPath());
        QVERIFY(!onDisk.load());
        QCOMPARE(onDisk.entries().size(), 1);
        QCOMPARE(onDisk.entries().constFirst().message.change.delay, std::optional<int>(5));
    }

    // Quitting before the send delay passed loses nothing: destruction writes.
    void quittingWritesWhatIsLeft()
    {
        QVERIFY(!m_document->setControlledDevice(u"dect"_s));
        QCOMPARE(m_state->outbox().writeCount(), 0);
        m_state.reset();
        Outbox onDisk(outboxPath());
        QVERIFY(!onDisk.load());
        QCOMPARE(onDisk.entries().size(), 1);
        QCOMPARE(onDisk.entries().constFirst().message.deviceId, u"dect"_s);

        SettingsDocument restarted;
        auto state = makeState(&restarted);
        state->restore();
        QCOMPARE(restarted.settings().controlledDeviceId, u"dect"_s);
        QVERIFY(restarted.isControlledDevicePending());
    }

    // The latest changes by others: a snapshot brings the list, a push of an administrator's
    // change adds to it, the cache keeps it for the next (offline) start, and another server's
    // client shows none of it.
    void changesByOthersAreKeptAndCached()
    {
        const auto change = [](qint64 id, qint64 revision) {
            AuditEntry entry = adminChange(id, u"device.setRule"_s, u"mobile"_s);
            entry.revision = revision;
            entry.callKind = CallKind::Teams;
            entry.before = SettingsCodec::ruleToJson({true, 0, 30});
            entry.after = SettingsCodec::ruleToJson({true, 7, 40});
            return entry;
        };
        m_state->receive(
            ServerMessage::snapshot(2, u"alice"_s, u"Alice"_s, demoSettings(), {change(4, 2)}));
        QCOMPARE(m_state->changeHistory().entries().size(), 1);
        ServerMessage push =
            ServerMessage::ruleChanged(3, u"mobile"_s, CallKind::Teams, {true, 7, 40});
        push.change = change(9, 3);
        m_state->receive(push);
        QCOMPARE(m_state->changeHistory().entries().size(), 2);
        QCOMPARE(m_state->changeHistory().entries().constFirst().id, 9);
        // A push of the user's own other session carries no change: nothing to list.
        m_state->receive(ServerMessage::ruleChanged(4, u"desk"_s, CallKind::Teams, {true, 1, 20}));
        QCOMPARE(m_state->revision(), 4);
        QCOMPARE(m_state->changeHistory().entries().size(), 2);
        m_state.reset(); // quits: writes the cache

        SettingsDocument restarted;
        auto state = makeState(&restarted);
        state->restore();
        QCOMPARE(state->changeHistory().entries().size(), 2);
        QCOMPARE(state->changeHistory().entries().constFirst().id, 9);
        QCOMPARE(state->changeHistory().entries().constFirst().by.from, u"192.0.2.7"_s);
        state->setServer(QUrl(u"ws://b.example:8765/"_s));
        QVERIFY(state->changeHistory().entries().isEmpty());
    }

    // Another server: its settings aren't the old one's. Nothing of A is shown, edited or
    // cached as B's; the next start on B shows nothing of A either.
    void anotherServerStartsEmpty()
    {
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 9, 20}));
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        m_state->setServer(QUrl(u"ws://b.example:8765/"_s));
        QCOMPARE(notices.count(), 1); // the unsent edit for A was dropped, and said so
        QCOMPARE(m_state->pendingEditCount(), 0);
        QVERIFY(m_document->settings().devices.isEmpty());
        QVERIFY(!m_state->confirmedAt().isValid());
        QVERIFY(m_document->editRule(u"desk"_s, CallKind::External, RuleChange {{}, 3, {}}));
        QCOMPARE(m_state->pendingEditCount(), 0);
        m_state.reset(); // quits: writes what it has

        SettingsDocument next;
        auto again = makeState(&next, QUrl(u"ws://b.example:8765/"_s));
        again->restore();
        QVERIFY(next.settings().devices.isEmpty());
        QVERIFY(!again->confirmedAt().isValid());
        // A's cache is still A's.
        SettingsDocument onA;
        auto backOnA = makeState(&onA);
        backOnA->restore();
        QCOMPARE(onA.settings().devices.size(), demoSettings().devices.size());
    }

    // The same server spelt another way is the same server: nothing is dropped.
    void theSameServerSpeltDifferentlyKeepsEverything()
    {
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 9, 20}));
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        m_state->setServer(QUrl(u"ws://127.0.0.1:1"_s));
        m_state->setServer(QUrl(u"ws://someone@127.0.0.1:1/"_s));
        QCOMPARE(notices.count(), 0);
        QCOMPARE(m_state->pendingEditCount(), 1);
        QCOMPARE(m_document->settings().devices.size(), demoSettings().devices.size());
        m_state->flush();
        m_state.reset();
        SettingsDocument next;
        auto again = makeState(&next, QUrl(u"ws://127.0.0.1:1"_s));
        again->restore();
        QCOMPARE(again->pendingEditCount(), 1); // the outbox and the cache are still this server's
        QVERIFY(again->confirmedAt().isValid());
    }

    // A snapshot for another user of the same server (the token changed): the old user's edits
    // are not this user's, the controlled device "none" included.
    void anotherUsersSnapshotDropsTheOutbox()
    {
        QVERIFY(!m_document->setControlledDevice(QString()));
        QCOMPARE(m_state->pendingEditCount(), 1);
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        FollowMeSettings bobs = demoSettings();
        bobs.controlledDeviceId = u"dect"_s;
        m_state->receive(ServerMessage::snapshot(3, u"bob"_s, u"Bob"_s, bobs));
        QCOMPARE(m_state->pendingEditCount(), 0);
        QCOMPARE(notices.count(), 1);
        QCOMPARE(m_document->settings().controlledDeviceId, u"dect"_s);
    }

    // A device removed meanwhile is named as the user knew it, not by its id.
    void aDroppedEditNamesTheRemovedDevice()
    {
        QVERIFY(!m_document->setRule(u"dect"_s, CallKind::External, {true, 7, 30}));
        QSignalSpy notices(m_state.get(), &SyncState::notice);
        FollowMeSettings without = demoSettings();
        const QString name = without.device(u"dect"_s)->name;
        without.devices.removeAt(without.indexOf(u"dect"_s));
        m_state->receive(ServerMessage::snapshot(3, u"alice"_s, u"Alice"_s, without));
        bool named = false;
        for (const QList<QVariant> &notice : std::as_const(notices))
            named = named || notice.constFirst().toString().contains(u"Your change to "_s + name);
        QVERIFY2(named, qPrintable(notices.value(notices.size() - 1).value(0).toString()));
    }

    // An edit in flight that an administrator's snapshot dropped, and which the server then
    // committed after all: its revision holds a change this client no longer knows, so only a
    // snapshot can say what it was. An ack of such an edit that isn't newer changes nothing.
    void anAckOfADroppedEditThatWasCommittedResyncs()
    {
        QVERIFY(!m_document->setRule(u"dect"_s, CallKind::External, {true, 7, 30}));
        const QList<ClientMessage> sent = m_state->takeUnsent();
        QCOMPARE(sent.size(), 1);
        FollowMeSettings locked = demoSettings();
        locked.devices[locked.indexOf(u"dect"_s)].userConfigurable = false;
        m_state->receive(ServerMessage::snapshot(2, u"alice"_s, u"Alice"_s, locked));
        QCOMPARE(m_state->pendingEditCount(), 0); // dropped: the device is locked now
        QSignalSpy resyncs(m_state.get(), &SyncState::resyncNeeded);
        m_state->receive(ServerMessage::ack(sent.constFirst().requestId, 2));
        QCOMPARE(resyncs.count(), 0); // already in the confirmed state
        m_state->receive(ServerMessage::ack(sent.constFirst().requestId, 3));
        QCOMPARE(resyncs.count(), 1);
        QCOMPARE(m_state->revision(), 2); // not taken without its change
    }

    // A message that can't be true in the confirmed state is neither shown nor cached: the
    // state asks for a resync, believes nothing but a snapshot until one came, and keeps the
    // outbox. The next push after that snapshot is shown (no freeze).
    void messagesThatCantBeTrueAskForAResync_data()
    {
        QTest::addColumn<ServerMessage>("message");
        QTest::addColumn<bool>("impossible"); // else changes were missed: no fault of the server
        const auto rule = [](qint64 revision, const QString &device, const RingRule &to) {
            return ServerMessage::ruleChanged(revision, device, CallKind::Teams, to);
        };
        const auto snapshot = [](qint64 revision, const FollowMeSettings &settings) {
            return ServerMessage::snapshot(revision, u"alice"_s, u"Alice"_s, settings);
        };
        // The state is at revision 5.
        QTest::newRow("controlled device an external number")
            << ServerMessage::controlledDeviceChanged(6, u"private-mobile"_s) << true;
        QTest::newRow("controlled device unknown")
            << ServerMessage::controlledDeviceChanged(6, u"bobs-desk"_s) << true;
        QTest::newRow("rule of an unknown device") << rule(6, u"ghost"_s, {true, 0, 20}) << true;
        QTest::newRow("delay out of bounds") << rule(6, u"desk"_s, {true, 301, 20}) << true;
        QTest::newRow("timeout out of bounds") << rule(6, u"desk"_s, {true, 0, 0}) << true;
        QTest::newRow("push going back") << rule(4, u"mobile"_s, {true, 3, 30}) << true;
        QTest::newRow("push repeating")
            << ServerMessage::controlledDeviceChanged(5, u"dect"_s) << true;
        QTest::newRow("push skipping") << rule(7, u"mobile"_s, {true, 3, 30}) << false;
        QTest::newRow("ack skipping") << ServerMessage::ack(u"r-1"_s, 7) << false;
        QTest::newRow("revision 0") << ServerMessage::ack(u"r-1"_s, 0) << true;
        QTest::newRow("snapshot going back") << snapshot(4, demoSettings()) << true;
        QTest::newRow("snapshot repeating") << snapshot(5, demoSettings()) << true;
        QTest::newRow("snapshot with a duplicate device id")
            << snapshot(6, demoWith([](FollowMeSettings &settings) {
                            settings.devices[DemoRow::softphone].id = u"desk"_s;
                        }))
            << true;
        QTest::newRow("snapshot controlling an external number")
            << snapshot(6, demoWith([](FollowMeSettings &settings) {
                            settings.controlledDeviceId = u"private-mobile"_s;
                        }))
            << true;
    }
    void messagesThatCantBeTrueAskForAResync()
    {
        QFETCH(ServerMessage, message);
        QFETCH(bool, impossible);
        m_state->receive(ServerMessage::snapshot(5, u"alice"_s, u"Alice"_s, demoSettings()));
        QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, {true, 7, 25}));
        m_state->flush();
        const FollowMeSettings shown = m_document->settings();
        const int cacheWrites = m_state->cache().writeCount();
        QSignalSpy resyncs(m_state.get(), &SyncState::resyncNeeded);

        // The server's fault is a warning in the log; missed changes are not.
        if (impossible)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"impossible message"_s));
        m_state->receive(message);
        QCOMPARE(resyncs.count(), 1);
        QVERIFY(!resyncs.constFirst().constFirst().toString().isEmpty());
        QCOMPARE(m_state->confirmed(), demoSettings());
        QCOMPARE(m_state->revision(), 5);
        QCOMPARE(m_document->settings(), shown);
        QCOMPARE(m_state->pendingEditCount(), 1);
        m_state->flush();
        QCOMPARE(m_state->cache().writeCount(), cacheWrites);

        // Until the resync's snapshot, even a push that would fit is not believed.
        const auto next =
            ServerMessage::ruleChanged(6, u"mobile"_s, CallKind::Teams, {true, 9, 41});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"before the snapshot"_s));
        m_state->receive(next);
        QCOMPARE(resyncs.count(), 2);
        QCOMPARE(m_state->confirmed(), demoSettings());

        m_state->awaitSnapshot();
        m_state->receive(ServerMessage::snapshot(5, u"alice"_s, u"Alice"_s, demoSettings()));
        m_state->receive(next);
        QCOMPARE(resyncs.count(), 2);
        QCOMPARE(m_document->settings().device(u"mobile"_s)->rule(CallKind::Teams),
                 (RingRule {true, 9, 41}));
        QCOMPARE(m_document->settings().device(u"desk"_s)->rule(CallKind::External).delay, 7);
        QCOMPARE(m_state->pendingEditCount(), 1);
    }

    // The snapshot that answers a hello starts the link's count: any revision (a server restored
    // from a backup counts again), and nothing but a snapshot before it.
    void aNewLinkStartsWithItsSnapshot()
    {
        QSignalSpy resyncs(m_state.get(), &SyncState::resyncNeeded);
        m_state->receive(
            ServerMessage::ruleChanged(2, u"mobile"_s, CallKind::Teams, {true, 1, 20}));
        QCOMPARE(m_state->revision(), 2);
        m_state->awaitSnapshot();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"before the snapshot"_s));
        m_state->receive(
            ServerMessage::ruleChanged(3, u"mobile"_s, CallKind::Teams, {true, 2, 20}));
        QCOMPARE(resyncs.count(), 1);
        QCOMPARE(m_state->revision(), 2);
        m_state->receive(ServerMessage::snapshot(1, u"alice"_s, u"Alice"_s, demoSettings()));
        QCOMPARE(resyncs.count(), 1);
        QCOMPARE(m_state->revision(), 1);
        QCOMPARE(m_document->settings(), demoSettings());
    }

private:
    std::unique_ptr<SyncState> makeState(SettingsDocument *document,
                                         const QUrl &server = QUrl(u"ws://127.0.0.1:1/"_s))
    {
        auto state =
            std::make_unique<SyncState>(document, outboxPath(), m_dir->filePath(u"cache.json"_s));
        state->setServer(server);
        state->setSendDelay(1h); // flush() by hand, unless a test sets it
        return state;
    }
    QString outboxPath() const { return m_dir->filePath(u"outbox.json"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SyncState> m_state;
};

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
