// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleSessionsBench.h"

#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "ClosedLoop.h"
#include "EditSequence.h"
#include "FloorProcess.h"
#include "ProcessCpu.h"
#include "ProcessMemory.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Unit = Summary::Unit;

// CPU per edit of the server, one value per round.
LatencyStats cpuPerEdit(const ServerProcess &server, BenchSession *editor, EditSequence *sequence,
                        int rounds, int edits)
{
    LatencyStats perRound;
    for (int round = 0; round < rounds; ++round) {
        const qint64 before = ProcessCpu::usedNs(server.pid());
        const LatencyStats done = ClosedLoop::edits(editor, sequence, edits);
        const qint64 after = ProcessCpu::usedNs(server.pid());
        if (done.count() == edits && before >= 0 && after >= 0)
            perRound.add(double(after - before) / 1000.0 / edits);
    }
    return perRound;
}

void addMemoryRows(ResultTable *table, int sessions, ProcessMemory::Usage server0,
                   ProcessMemory::Usage serverN, ProcessMemory::Usage floor0,
                   ProcessMemory::Usage floorN)
{
    auto per = [sessions](qint64 before, qint64 after) {
        return Summary::ofValue(double(after - before) / sessions, Unit::KiB);
    };
    table->add({u"memory per idle session (Pss) vs echo floor's per connection"_s,
                per(server0.pssKiB, serverN.pssKiB), per(floor0.pssKiB, floorN.pssKiB),
                ResultTable::Goal::ratioAtMost(1.2)});
    table->add({u"memory per idle session (Rss) vs echo floor's per connection"_s,
                per(server0.rssKiB, serverN.rssKiB),
                per(floor0.rssKiB, floorN.rssKiB),
                {}});
}

} // namespace

void IdleSessionsBench::run(const BenchOptions &options, ResultTable *table)
{
    QTextStream out(stdout);
    const QString folder = QDir(options.workFolder).filePath(u"idle"_s);
    ServerProcess server;
    FloorProcess echo;
    if (!server.start(folder)
        || !echo.startServer(u"echo"_s, QDir(folder).filePath(u"echo.log"_s))) {
        table->addMissing(u"idle sessions"_s, u"the server or the echo floor did not start"_s);
        return;
    }
    BenchSession editor;
    editor.open(server.url(), u"alice-demo-token"_s);
    BenchWait::until([&] { return editor.isReady() || editor.hasFailed(); }, 10000);
    if (!editor.isReady()) {
        table->addMissing(u"idle sessions"_s, u"could not connect"_s);
        return;
    }
    EditSequence sequence(u"idle"_s, u"desk"_s);
    // The first edits warm the server up (statements, caches) before anything is counted.
    ClosedLoop::edits(&editor, &sequence, 50);

    const ProcessMemory::Usage server0 = ProcessMemory::of(server.pid());
    const ProcessMemory::Usage floor0 = ProcessMemory::of(echo.pid());
    std::optional<ProcessMemory::Usage> serverAtMemorySessions;
    int snapshotBytes = 0;

    std::vector<std::unique_ptr<FloorProcess>> holders;
    QList<QPair<int, LatencyStats>> levels;
    int connected = 0;
    QList<int> wanted = options.idleLevels;
    std::sort(wanted.begin(), wanted.end());
    // The memory figure is taken on the way up, where the count passes memorySessions.
    if (!wanted.contains(options.memorySessions))
        wanted.append(options.memorySessions);
    std::sort(wanted.begin(), wanted.end());
    for (int level : std::as_const(wanted)) {
        if (level > connected) {
            auto holder = std::make_unique<FloorProcess>();
            // The idle sessions are bob's, so alice's edits are pushed to none of them.
            if (!holder->startIdleClients(server.url(), level - connected, u"bob-demo-token"_s, 0,
                                          QDir(folder).filePath(u"idle-%1.log"_s.arg(level)))) {
                table->addMissing(u"server CPU per edit, %1 idle sessions"_s.arg(level),
                                  u"the idle sessions did not all log in"_s);
                break;
            }
            snapshotBytes = holder->answerBytes();
            holders.push_back(std::move(holder));
            connected = level;
        }
        if (level == options.memorySessions)
            serverAtMemorySessions = ProcessMemory::of(server.pid());
        if (!options.idleLevels.contains(level))
            continue;
        levels.append(
            {level, cpuPerEdit(server, &editor, &sequence, options.rounds, options.edits)});
        out << "  idle " << level << ": server CPU per edit "
            << Summary::format(levels.constLast().second.median(), Unit::Microseconds) << Qt::endl;
    }
    if (!levels.isEmpty()) {
        const LatencyStats &none = levels.constFirst().second;
        for (const auto &[level, perRound] : std::as_const(levels)) {
            if (level == levels.constFirst().first)
                continue;
            table->add(
                {u"server CPU per edit, %1 vs %2 idle sessions"_s.arg(level).arg(
                     levels.constFirst().first),
                 Summary::ofRounds(perRound, Unit::Microseconds),
                 Summary::ofRounds(none, Unit::Microseconds),
                 level >= 10000 ? ResultTable::Goal::ratioAtMost(1.5) : ResultTable::Goal {}});
        }
    }
    table->addNote(u"idle sessions: bob's, held by followme-bench-floor idle-clients processes "
                   u"(logged in, snapshot received, then silent); alice edits, %1 rounds × %2 "
                   u"edits per level; server CPU from %3."_s.arg(options.rounds)
                       .arg(options.edits)
                       .arg(QString::fromUtf8(ProcessCpu::source())));
    holders.clear(); // the memory floor's clients next

    if (!serverAtMemorySessions || snapshotBytes <= 0) {
        table->addMissing(u"memory per idle session"_s, u"the idle sessions did not come up"_s);
        return;
    }
    FloorProcess floorClients;
    if (!floorClients.startIdleClients(echo.url(), options.memorySessions, {}, snapshotBytes,
                                       QDir(folder).filePath(u"idle-echo.log"_s))) {
        table->addMissing(u"memory per idle session"_s,
                          u"the echo floor's clients did not come up"_s);
        return;
    }
    addMemoryRows(table, options.memorySessions, server0, *serverAtMemorySessions, floor0,
                  ProcessMemory::of(echo.pid()));
    table->addNote(u"memory: smaps_rollup of the server from 0 to %1 idle sessions, and of the "
                   u"echo floor from 0 to %1 connections that each got one %2 B message (the "
                   u"snapshot's size), divided by %1."_s.arg(options.memorySessions)
                       .arg(snapshotBytes));
}
