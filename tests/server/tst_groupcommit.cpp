// SPDX-License-Identifier: GPL-3.0-or-later
// Group commit (server/GroupCommit): the edits of one event-loop turn are applied in one
// transaction at the end of the turn, their outcomes come out in order only after the commit,
// a refused edit doesn't hold the others back, and an edit that changes nothing writes nothing.
// On a real SQLite file, read back through a second connection as followme-admin --db would.
#include "AuditLog.h"
#include "ChangeLog.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "EditHandler.h"
#include "GroupCommit.h"
#include "Session.h"
#include "SettingsRepository.h"
#include "TokenRepository.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

ClientMessage delayEdit(const QString &id, const QString &device, CallKind kind, int delay)
{
    RuleChange change;
    change.delay = delay;
    return ClientMessage::setRule(id, device, kind, change);
}

struct Applied
{
    QString requestId;
    ChangeOutcome outcome;
};

} // namespace

class tst_GroupCommit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editsOfOneTurnCommitTogetherAfterTheTurn();
    void refusedEditDoesNotHoldOthersBack();
    void unchangedEditWritesNothingAndIsAnsweredOnce();
    void resendInTheSameTurnIsAppliedOnce();

private:
    qint64 storedRevision() const; // through the second connection
    int storedDelay(const QString &device, const QString &callKind) const;
    QList<Applied> takeApplied(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SettingsRepository> m_settings;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<EditHandler> m_edits;
    std::unique_ptr<ChangeLog> m_changes;
    std::unique_ptr<GroupCommit> m_commits;
    std::unique_ptr<Database> m_reader;
    QList<Applied> m_applied;
};

void tst_GroupCommit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(u"server.sqlite"_s);
    m_database = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_database->open(path, &error, Database::Sharing::OneServer), qPrintable(error));
    m_settings = std::make_unique<SettingsRepository>(*m_database);
    {
        TokenRepository tokens(*m_database);
        DemoSeeder seeder(*m_database, *m_settings, tokens);
        QVERIFY2(seeder.seed(&error), qPrintable(error));
    }
    m_audit = std::make_unique<AuditLog>(*m_database);
    m_edits = std::make_unique<EditHandler>(*m_settings, *m_audit);
    m_changes = std::make_unique<ChangeLog>(*m_database, u"tst_groupcommit"_s);
    m_commits = std::make_unique<GroupCommit>(*m_database, *m_settings, *m_edits, *m_changes);
    connect(m_commits.get(), &GroupCommit::applied, this,
            [this](Session *, const QString &, const ClientMessage &edit,
                   const ChangeOutcome &outcome) {
                m_applied.append({edit.requestId, outcome});
            });
    m_reader = std::make_unique<Database>();
    QVERIFY2(m_reader->open(path, &error), qPrintable(error));
    m_applied.clear();
}

void tst_GroupCommit::cleanup()
{
    m_commits.reset();
    m_changes.reset();
    m_edits.reset();
    // Before their Database: each keeps statements on its connection.
    m_audit.reset();
    m_settings.reset();
    m_reader.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 tst_GroupCommit::storedRevision() const
{
    QSqlQuery query(m_reader->connection());
    if (!query.exec(u"SELECT revision FROM users WHERE id = 'alice'"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

int tst_GroupCommit::storedDelay(const QString &device, const QString &callKind) const
{
    QSqlQuery query(m_reader->connection());
    query.prepare(u"SELECT delay FROM rules WHERE device_id = ? AND call_kind = ?"_s);
    query.addBindValue(device);
    query.addBindValue(callKind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

QList<Applied> tst_GroupCommit::takeApplied(int count)
{
    // The outcomes come from a queued call at the end of the turn: wait for that event. The
    // callers compare the size, so a missing outcome fails there.
    if (!QTest::qWaitFor([&] { return m_applied.size() >= count; }, 10000))
        qWarning() << "only" << m_applied.size() << "of" << count << "outcomes arrived";
    return std::exchange(m_applied, {});
}

void tst_GroupCommit::editsOfOneTurnCommitTogetherAfterTheTurn()
{
    const qint64 before = storedRevision();
    QVERIFY(before > 0);
    const int mobileTeamsDelay = storedDelay(u"mobile"_s, u"teams"_s);
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"a"_s, u"desk"_s, CallKind::External, 5), {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"b"_s, u"desk"_s, CallKind::Internal, 6), {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"c"_s, u"mobile"_s, CallKind::Teams, 7), {});
    // Still in the turn that submitted them: nothing answered, nothing stored.
    QCOMPARE(m_applied.size(), 0);
    QCOMPARE(m_commits->pendingCount(), 3);
    QCOMPARE(storedRevision(), before);
    QCOMPARE(storedDelay(u"desk"_s, u"external"_s), 0);

    const QList<Applied> applied = takeApplied(3);
    QCOMPARE(applied.size(), 3);
    QCOMPARE(applied.at(0).requestId, u"a"_s);
    QCOMPARE(applied.at(1).requestId, u"b"_s);
    QCOMPARE(applied.at(2).requestId, u"c"_s);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!applied.at(i).outcome.error);
        QCOMPARE(applied.at(i).outcome.revision, before + 1 + i);
        QCOMPARE(applied.at(i).outcome.pushes.size(), 1);
    }
    // By the time the outcomes are out, another connection reads all of them.
    QCOMPARE(storedRevision(), before + 3);
    QCOMPARE(storedDelay(u"desk"_s, u"external"_s), 5);
    QCOMPARE(storedDelay(u"desk"_s, u"internal"_s), 6);
    QCOMPARE(storedDelay(u"mobile"_s, u"teams"_s), 7);

    // Each change has its record, written with it, naming what it changed from and to.
    const auto entries = AuditLog(*m_reader).list({u"alice"_s, 10, 0, false});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 3);
    const AuditEntry &newest = entries->first();
    QCOMPARE(newest.action, u"setRule"_s);
    QCOMPARE(newest.deviceId, u"mobile"_s);
    QCOMPARE(newest.callKind, CallKind::Teams);
    QCOMPARE(newest.revision, before + 3);
    QCOMPARE(newest.after.toObject().value(u"delay"_s).toInt(), 7);
    QCOMPARE(newest.before.toObject().value(u"delay"_s).toInt(), mobileTeamsDelay);
    QCOMPARE(applied.at(2).outcome.audit->id, newest.id);
    QVERIFY(entries->at(1).id < newest.id);
}

void tst_GroupCommit::refusedEditDoesNotHoldOthersBack()
{
    const qint64 before = storedRevision();
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"a"_s, u"desk"_s, CallKind::External, 8), {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"b"_s, u"nope"_s, CallKind::External, 8), {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"c"_s, u"bob-desk"_s, CallKind::External, 8),
                      {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"d"_s, u"mobile"_s, CallKind::External, 9),
                      {});
    const QList<Applied> applied = takeApplied(4);
    QCOMPARE(applied.size(), 4);
    QVERIFY(!applied.at(0).outcome.error);
    QVERIFY(applied.at(1).outcome.error);
    QCOMPARE(applied.at(1).outcome.error->code, Protocol::ErrorCode::NotFound);
    QVERIFY(applied.at(2).outcome.error);
    QCOMPARE(applied.at(2).outcome.error->code, Protocol::ErrorCode::Forbidden);
    QVERIFY(!applied.at(3).outcome.error);
    QCOMPARE(applied.at(0).outcome.revision, before + 1);
    QCOMPARE(applied.at(3).outcome.revision, before + 2);
    QCOMPARE(storedRevision(), before + 2);
    QCOMPARE(storedDelay(u"mobile"_s, u"external"_s), 9);
    QVERIFY(storedDelay(u"bob-desk"_s, u"external"_s) != 8);
    // Only what was done is recorded.
    const auto entries = AuditLog(*m_reader).list({QString(), 10, 0, false});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 2);
}

void tst_GroupCommit::unchangedEditWritesNothingAndIsAnsweredOnce()
{
    const qint64 before = storedRevision();
    const QString wal = m_database->path() + u"-wal"_s;
    const qint64 walSize = QFileInfo(wal).size();
    QSqlQuery version(m_reader->connection());
    QVERIFY(version.exec(u"PRAGMA data_version"_s) && version.next());
    const qint64 dataVersion = version.value(0).toLongLong();
    version.finish();

    // desk's external delay is 0 in the demo data.
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"same"_s, u"desk"_s, CallKind::External, 0),
                      {});
    QList<Applied> applied = takeApplied(1);
    QCOMPARE(applied.size(), 1);
    QVERIFY(!applied.at(0).outcome.error);
    QVERIFY(applied.at(0).outcome.unchanged);
    QVERIFY(applied.at(0).outcome.pushes.isEmpty());
    QCOMPARE(applied.at(0).outcome.revision, before);
    // Not a byte written: no commit other connections could notice, no WAL frame.
    QVERIFY(version.exec(u"PRAGMA data_version"_s) && version.next());
    QCOMPARE(version.value(0).toLongLong(), dataVersion);
    version.finish();
    QCOMPARE(QFileInfo(wal).size(), walSize);

    // Someone else changes it; a resend of the unchanged edit keeps its first answer.
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"other"_s, u"desk"_s, CallKind::External, 4),
                      {});
    applied = takeApplied(1);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).outcome.revision, before + 1);
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"same"_s, u"desk"_s, CallKind::External, 0),
                      {});
    applied = takeApplied(1);
    QCOMPARE(applied.size(), 1);
    QVERIFY(!applied.at(0).outcome.error);
    QCOMPARE(applied.at(0).outcome.revision, before);
    QCOMPARE(storedDelay(u"desk"_s, u"external"_s), 4);
}

void tst_GroupCommit::resendInTheSameTurnIsAppliedOnce()
{
    const qint64 before = storedRevision();
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"x"_s, u"desk"_s, CallKind::Teams, 3), {});
    m_commits->submit(nullptr, u"alice"_s, delayEdit(u"x"_s, u"desk"_s, CallKind::Teams, 3), {});
    const QList<Applied> applied = takeApplied(2);
    QCOMPARE(applied.size(), 2);
    QCOMPARE(applied.at(0).outcome.revision, before + 1);
    QCOMPARE(applied.at(1).outcome.revision, before + 1);
    QCOMPARE(applied.at(0).outcome.pushes.size(), 1);
    QVERIFY(applied.at(1).outcome.pushes.isEmpty());
    QCOMPARE(storedRevision(), before + 1);
}

QTEST_GUILESS_MAIN(tst_GroupCommit)
#include "tst_groupcommit.moc"
