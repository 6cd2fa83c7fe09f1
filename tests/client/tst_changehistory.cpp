// SPDX-License-Identifier: GPL-3.0-or-later
// ChangeHistory (the latest changes made by others) and ChangeText (those changes in words).

#include "AuditData.h"
#include "ChangeHistory.h"
#include "ChangeText.h"
#include "DemoData.h"
#include "SettingsCodec.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

AuditEntry entry(qint64 id, const QString &action = u"device.lock"_s,
                 const QString &device = u"desk"_s)
{
    return adminChange(id, action, device);
}

QList<qint64> ids(const ChangeHistory &history)
{
    QList<qint64> out;
    for (const AuditEntry &e : history.entries())
        out.append(e.id);
    return out;
}

AuditEntry ruleEntry(const RingRule &before, const RingRule &after)
{
    AuditEntry e = entry(5, u"device.setRule"_s);
    e.callKind = CallKind::External;
    e.before = SettingsCodec::ruleToJson(before);
    e.after = SettingsCodec::ruleToJson(after);
    return e;
}

} // namespace

class TestChangeHistory : public QObject
{
    Q_OBJECT

private slots:
    void replaceSortsNewestFirstAndKeepsTheLatest()
    {
        ChangeHistory history;
        QSignalSpy resets(&history, &ChangeHistory::reset);
        QList<AuditEntry> many;
        for (qint64 id = 1; id <= 14; ++id)
            many.append(entry(id));
        std::swap(many[0], many[7]);
        history.replace(many);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(ids(history), (QList<qint64> {14, 13, 12, 11, 10, 9, 8, 7, 6, 5}));
        // The same list again (a snapshot after a rename) is no news.
        history.replace(many);
        QCOMPARE(resets.count(), 1);
        history.clear();
        QCOMPARE(resets.count(), 2);
        QVERIFY(history.entries().isEmpty());
    }

    void addPutsANewChangeInFrontOnce()
    {
        ChangeHistory history;
        history.replace({entry(2), entry(1)});
        QSignalSpy prepended(&history, &ChangeHistory::prepended);
        QSignalSpy dropped(&history, &ChangeHistory::aboutToDropOldest);
        history.add(entry(3));
        QCOMPARE(ids(history), (QList<qint64> {3, 2, 1}));
        QCOMPARE(prepended.count(), 1);
        QCOMPARE(dropped.count(), 0);
        history.add(entry(3)); // the same change again (a resent push, a snapshot's copy)
        QCOMPARE(ids(history), (QList<qint64> {3, 2, 1}));
        QCOMPARE(prepended.count(), 1);
    }

    void aFullListDropsItsOldest()
    {
        ChangeHistory history;
        QList<AuditEntry> full;
        for (qint64 id = ChangeHistory::maxEntries; id >= 1; --id)
            full.append(entry(id));
        history.replace(full);
        QSignalSpy dropping(&history, &ChangeHistory::aboutToDropOldest);
        history.add(entry(100));
        QCOMPARE(dropping.count(), 1);
        QCOMPARE(dropping.constFirst().constFirst().toInt(), ChangeHistory::maxEntries - 1);
        QCOMPARE(history.entries().size(), ChangeHistory::maxEntries);
        QCOMPARE(history.entries().constFirst().id, 100);
        QCOMPARE(history.entries().constLast().id, 2);
        // Older than everything kept: it would drop off at once, so nothing happens.
        QSignalSpy resets(&history, &ChangeHistory::reset);
        history.add(entry(1));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(history.entries().constLast().id, 2);
    }

    void anOlderChangeGoesInItsPlace()
    {
        ChangeHistory history;
        history.replace({entry(9), entry(4)});
        history.add(entry(6));
        QCOMPARE(ids(history), (QList<qint64> {9, 6, 4}));
    }

    void authorAndOrigin()
    {
        AuditEntry admin = entry(1);
        QCOMPARE(ChangeText::author(admin), u"Your administrator"_s);
        QCOMPARE(ChangeText::origin(admin), u"From 192.0.2.7"_s);
        AuditEntry local = admin;
        local.by = {AuditEntry::ActorKind::Local, 0, u"followme-admin"_s};
        QCOMPARE(ChangeText::author(local), u"Your administrator"_s);
        QCOMPARE(ChangeText::origin(local), u"On the server itself"_s);
    }

    void ruleChangesSayWhatChanged()
    {
        const FollowMeSettings demo = demoSettings();
        // Number and unit stay together on a line.
        QCOMPARE(ChangeText::describe(ruleEntry({true, 0, 30}, {true, 5, 20}), demo),
                 u"Desk phone, External calls: delay from 0\u00a0s to 5\u00a0s, timeout from "
                 "30\u00a0s to 20\u00a0s."_s);
        QCOMPARE(ChangeText::describe(ruleEntry({true, 0, 30}, {false, 0, 30}), demo),
                 u"Desk phone, External calls: turned off."_s);
        // A record whose rules can't be read still says which rule it was.
        AuditEntry odd = ruleEntry({true, 0, 30}, {true, 0, 30});
        odd.after = u"nonsense"_s;
        QCOMPARE(ChangeText::describe(odd, demo), u"Desk phone, External calls: changed."_s);
    }

    void devicesAreNamedAsTheUserKnowsThem()
    {
        const FollowMeSettings demo = demoSettings();
        QCOMPARE(ChangeText::describe(entry(1), demo),
                 u"Locked Desk phone: only your administrator can change it now."_s);
        // Gone now: the record's own name for it.
        AuditEntry removed = entry(2, u"device.remove"_s, u"old"_s);
        removed.before = QJsonObject {{u"id"_s, u"old"_s}, {u"name"_s, u"Lab phone"_s}};
        QCOMPARE(ChangeText::describe(removed, demo), u"Removed Lab phone."_s);
        // Nothing to name it by: its id.
        QCOMPARE(ChangeText::describe(entry(3, u"device.unlock"_s, u"gone"_s), demo),
                 u"Unlocked gone: you can change it again."_s);

        AuditEntry renamed = entry(4, u"device.rename"_s);
        renamed.before = u"Desk"_s;
        renamed.after = u"Desk phone"_s;
        QCOMPARE(ChangeText::describe(renamed, demo), u"Renamed Desk to Desk phone."_s);
        AuditEntry number = entry(5, u"device.setNumber"_s);
        number.after = u"+49 30 1234"_s;
        QCOMPARE(ChangeText::describe(number, demo),
                 u"Set the number of Desk phone to +49 30 1234."_s);
        number.after = QJsonValue::Null;
        QCOMPARE(ChangeText::describe(number, demo), u"Removed the number of Desk phone."_s);
        AuditEntry workspace = entry(6, u"device.setWorkspace"_s);
        workspace.after = u"Reception"_s;
        QCOMPARE(ChangeText::describe(workspace, demo),
                 u"Put Desk phone in the workspace Reception."_s);
        QCOMPARE(ChangeText::describe(entry(7, u"device.frobnicate"_s), demo),
                 u"Changed your settings (device.frobnicate)."_s);
    }
};

QTEST_GUILESS_MAIN(TestChangeHistory)
#include "tst_changehistory.moc"
