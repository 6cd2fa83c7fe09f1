// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostgresBench.h"

#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "ClosedLoop.h"
#include "EditSequence.h"
#include "FanOutSide.h"
#include "FloorProcess.h"
#include "PostgresCluster.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QTextStream>

#include <array>

using namespace Qt::StringLiterals;

namespace {

const QString token = u"alice-demo-token"_s;

// Opens the sessions and waits until each is ready or has failed; true if all are ready.
bool allReady(std::initializer_list<BenchSession *> sessions)
{
    BenchWait::until(
        [&] {
            return std::all_of(sessions.begin(), sessions.end(), [](BenchSession *session) {
                return session->isReady() || session->hasFailed();
            });
        },
        10000);
    return std::all_of(sessions.begin(), sessions.end(),
                       [](BenchSession *session) { return session->isReady(); });
}

void editAck(const BenchOptions &options, const QString &database, ResultTable *table)
{
    QTextStream out(stdout);
    const QString folder = QDir(options.workFolder).filePath(u"postgres-edit"_s);
    ServerProcess onPostgres;
    ServerProcess onSqlite;
    FloorProcess echo;
    if (!onPostgres.start(QDir(folder).filePath(u"postgres"_s), database)
        || !onSqlite.start(QDir(folder).filePath(u"sqlite"_s))
        || !echo.startServer(u"echo"_s, QDir(folder).filePath(u"echo.log"_s))) {
        table->addMissing(u"PostgreSQL: edit → ack"_s, u"a server or the echo did not start"_s);
        return;
    }
    BenchSession postgresEditor;
    postgresEditor.open(onPostgres.url(), token);
    BenchSession sqliteEditor;
    sqliteEditor.open(onSqlite.url(), token);
    BenchSession echoClient;
    echoClient.openRaw(echo.url());
    if (!allReady({&postgresEditor, &sqliteEditor, &echoClient})) {
        table->addMissing(u"PostgreSQL: edit → ack"_s, u"could not connect"_s);
        return;
    }
    EditSequence postgresEdits(u"pg"_s, u"desk"_s);
    EditSequence sqliteEdits(u"lite"_s, u"desk"_s);
    const QString echoText = EditSequence(u"echo"_s, u"desk"_s).next();
    LatencyStats postgres;
    LatencyStats sqlite;
    LatencyStats echoes;
    const int n = options.edits;
    for (int round = 0; round < options.rounds; ++round) {
        const auto phases = std::array<std::function<void()>, 3> {
            [&] { postgres.addAll(ClosedLoop::edits(&postgresEditor, &postgresEdits, n)); },
            [&] { sqlite.addAll(ClosedLoop::edits(&sqliteEditor, &sqliteEdits, n)); },
            [&] { echoes.addAll(ClosedLoop::echoes(&echoClient, echoText, n)); },
        };
        // The order turns each round, so a slow phase of the machine hits every side.
        for (int i = 0; i < 3; ++i)
            phases.at((round + i) % 3)();
        out << "  postgres edit round " << round + 1 << '/' << options.rounds << ": p50 "
            << Summary::format(postgres.median(), Summary::Unit::Microseconds) << " vs SQLite "
            << Summary::format(sqlite.median(), Summary::Unit::Microseconds) << Qt::endl;
    }
    using Unit = Summary::Unit;
    table->add({u"PostgreSQL: edit → ack p50 vs SQLite's"_s,
                Summary::ofSamples(postgres, Unit::Microseconds),
                Summary::ofSamples(sqlite, Unit::Microseconds),
                {}});
    table->add({u"PostgreSQL: edit → ack p50 vs echo alone"_s,
                Summary::ofSamples(postgres, Unit::Microseconds),
                Summary::ofSamples(echoes, Unit::Microseconds),
                {}});
    table->addNote(
        u"PostgreSQL edit → ack: %1 rounds × %2 sequential edits of one session on "
        u"each backend and %2 echoes, in turns; the cluster is local (Unix socket), "
        u"synchronous_commit on, the SQLite file in the same folder tree."_s.arg(options.rounds)
            .arg(n));
}

void fanOutAcrossServers(const BenchOptions &options, const QString &database, int sessions,
                         ResultTable *table)
{
    const QString folder = QDir(options.workFolder).filePath(u"postgres-fanout"_s);
    const QString name = u"%1 sessions over 3 servers"_s.arg(sessions);
    std::array<ServerProcess, 3> servers;
    FloorProcess floor;
    for (size_t i = 0; i < servers.size(); ++i) {
        if (!servers.at(i).start(QDir(folder).filePath(u"server-%1"_s.arg(i)), database)) {
            table->addMissing(u"PostgreSQL: push, "_s + name, u"a server did not start"_s);
            return;
        }
    }
    if (!floor.startServer(u"broadcast"_s, QDir(folder).filePath(u"broadcast.log"_s))) {
        table->addMissing(u"PostgreSQL: push, "_s + name, u"the broadcast floor did not start"_s);
        return;
    }
    FanOutSide followMe;
    FanOutSide bare;
    bool receiversUp = true;
    for (size_t i = 0; i < servers.size() && receiversUp; ++i) {
        const int share = sessions / 3 + (int(i) < sessions % 3 ? 1 : 0);
        receiversUp = followMe.addReceivers(servers.at(i).url(), token, share,
                                            QDir(folder).filePath(u"receivers-%1"_s.arg(i)));
    }
    receiversUp = receiversUp
        && bare.addReceivers(floor.url(), {}, sessions,
                             QDir(folder).filePath(u"receivers-floor"_s));
    followMe.sender = std::make_unique<BenchSession>();
    followMe.sender->open(servers.front().url(), token);
    bare.sender = std::make_unique<BenchSession>();
    bare.sender->openRaw(floor.url());
    if (!receiversUp || !allReady({followMe.sender.get(), bare.sender.get()})) {
        table->addMissing(u"PostgreSQL: push, "_s + name, u"the sessions did not all connect"_s);
        return;
    }
    EditSequence sequence(u"pg-fan"_s, u"desk"_s);
    FanOutSide::runRounds(options, &followMe, &bare, &sequence,
                          u"postgres fan-out %1"_s.arg(sessions));
    using Unit = Summary::Unit;
    table->add({u"PostgreSQL: push p50, one change → "_s + name,
                Summary::ofSamples(followMe.perSession, Unit::Microseconds),
                Summary::ofSamples(bare.perSession, Unit::Microseconds),
                {}});
    table->add({u"PostgreSQL: push p99, one change → "_s + name,
                Summary::ofRounds(followMe.roundP99, Unit::Microseconds),
                Summary::ofRounds(bare.roundP99, Unit::Microseconds),
                ResultTable::Goal::valueAtMost(10000)});
    table->add({u"PostgreSQL: push p99 counted from the sender's ack, "_s + name,
                Summary::ofRounds(followMe.afterAckRoundP99, Unit::Microseconds),
                Summary::ofRounds(bare.roundP99, Unit::Microseconds),
                {}});
    table->addNote(u"PostgreSQL fan-out: the sender on the first server, the receivers spread "
                   u"evenly over all three, so two thirds are pushed by a server that heard of "
                   u"the change through LISTEN/NOTIFY and read it from change_log; %1 rounds × "
                   u"%2 changes per side%3."_s.arg(options.rounds)
                       .arg(options.changes)
                       .arg(followMe.failed || bare.failed ? u"; STOPPED EARLY: a change did not "
                                                             u"reach every session in 30 s"_s
                                                           : QString()));
}

} // namespace

void PostgresBench::run(const BenchOptions &options, ResultTable *table)
{
    if (PostgresCluster::binDir().isEmpty()) {
        table->addMissing(u"PostgreSQL"_s, u"PostgreSQL is not installed (postgresql)"_s);
        return;
    }
    PostgresCluster cluster;
    if (!cluster.start() || !cluster.createDatabase(u"edit"_s)
        || !cluster.createDatabase(u"fanout"_s)) {
        table->addMissing(u"PostgreSQL"_s, u"the cluster did not start: "_s + cluster.errors());
        return;
    }
    editAck(options, cluster.url(u"edit"_s), table);
    fanOutAcrossServers(options, cluster.url(u"fanout"_s), options.postgresFanOut, table);
}
