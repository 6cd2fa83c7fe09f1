// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditAckBench.h"

#include "BenchOptions.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "ClosedLoop.h"
#include "EditSequence.h"
#include "FloorProcess.h"
#include "FsyncFloor.h"
#include "ProcessCpu.h"
#include "ResultTable.h"
#include "ServerProcess.h"

#include <QDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

struct Samples
{
    LatencyStats edits;
    LatencyStats echoes;
    LatencyStats fsyncs;
    LatencyStats fsyncCpu; // each fdatasync's CPU time, µs
    LatencyStats echoPlusFsync;
    LatencyStats serverCpuPerEdit; // one value per round, µs
    LatencyStats echoCpuPerEcho;
};

// CPU per operation of a process over what run() does, in µs; -1 when unreadable.
template<typename Run>
double cpuPer(qint64 pid, int operations, Run run)
{
    const qint64 before = ProcessCpu::usedNs(pid);
    run();
    const qint64 after = ProcessCpu::usedNs(pid);
    return before < 0 || after < 0 ? -1 : double(after - before) / 1000.0 / operations;
}

} // namespace

void EditAckBench::run(const BenchOptions &options, ResultTable *table)
{
    QTextStream out(stdout);
    const QString folder = QDir(options.workFolder).filePath(u"edit"_s);
    ServerProcess server;
    FloorProcess echo;
    if (!server.start(folder)
        || !echo.startServer(u"echo"_s, QDir(folder).filePath(u"echo.log"_s))) {
        table->addMissing(u"edit → ack"_s, u"the server or the echo floor did not start"_s);
        return;
    }
    BenchSession editor;
    editor.open(server.url(), u"alice-demo-token"_s);
    BenchSession echoClient;
    echoClient.openRaw(echo.url());
    BenchWait::until(
        [&] {
            return (editor.isReady() || editor.hasFailed())
                && (echoClient.isReady() || echoClient.hasFailed());
        },
        10000);
    if (!editor.isReady() || !echoClient.isReady()) {
        table->addMissing(u"edit → ack"_s, u"could not connect"_s);
        return;
    }
    const int pageSize = FsyncFloor::pageSizeOf(server.databasePath());
    FsyncFloor fsync(folder, pageSize);
    EditSequence sequence(u"edit"_s, u"desk"_s);
    // The echo carries a message of an edit's size.
    const QString echoText = EditSequence(u"echo"_s, u"desk"_s).next();

    Samples samples;
    const int n = options.edits;
    for (int round = 0; round < options.rounds; ++round) {
        auto edits = [&] {
            LatencyStats roundEdits;
            const double cpu = cpuPer(
                server.pid(), n, [&] { roundEdits = ClosedLoop::edits(&editor, &sequence, n); });
            samples.edits.addAll(roundEdits);
            if (cpu >= 0 && roundEdits.count() == n)
                samples.serverCpuPerEdit.add(cpu);
        };
        auto echoes = [&] {
            LatencyStats roundEchoes;
            const double cpu = cpuPer(
                echo.pid(), n, [&] { roundEchoes = ClosedLoop::echoes(&echoClient, echoText, n); });
            samples.echoes.addAll(roundEchoes);
            if (cpu >= 0 && roundEchoes.count() == n)
                samples.echoCpuPerEcho.add(cpu);
        };
        auto fsyncs = [&] {
            for (int i = 0; i < n && fsync.isOpen(); ++i) {
                const double us = fsync.writeOnce();
                if (us >= 0) {
                    samples.fsyncs.add(us);
                    samples.fsyncCpu.add(fsync.lastCpuUs());
                }
            }
        };
        // The order turns each round, so a slow phase of the machine hits both sides.
        if (round % 2 == 0) {
            edits();
            echoes();
            fsyncs();
        } else {
            fsyncs();
            echoes();
            edits();
        }
        out << "  edit round " << round + 1 << '/' << options.rounds << ": edit p50 "
            << Summary::format(samples.edits.median(), Summary::Unit::Microseconds) << Qt::endl;
    }
    // The floor of a durable round trip: an echo and an fdatasync, paired sample by sample.
    for (qsizetype i = 0; i < std::min(samples.echoes.count(), samples.fsyncs.count()); ++i)
        samples.echoPlusFsync.add(samples.echoes.samples().at(i) + samples.fsyncs.samples().at(i));

    using Unit = Summary::Unit;
    table->add({u"edit → ack p50 vs echo + one %1 B fdatasync"_s.arg(pageSize),
                Summary::ofSamples(samples.edits, Unit::Microseconds),
                Summary::ofSamples(samples.echoPlusFsync, Unit::Microseconds),
                ResultTable::Goal::ratioAtMost(1.3)});
    table->add({u"edit → ack p50 vs echo alone"_s,
                Summary::ofSamples(samples.edits, Unit::Microseconds),
                Summary::ofSamples(samples.echoes, Unit::Microseconds),
                {}});
    table->add({u"server CPU per edit vs echo's per echo"_s,
                Summary::ofRounds(samples.serverCpuPerEdit, Unit::Microseconds),
                Summary::ofRounds(samples.echoCpuPerEcho, Unit::Microseconds),
                {}});
    // The goal leaves the fsync out: one fdatasync's own CPU (its median, measured in the
    // floor) taken from each round's figure.
    const double fsyncCpu = samples.fsyncCpu.median();
    LatencyStats withoutFsync;
    for (double perEdit : samples.serverCpuPerEdit.samples())
        withoutFsync.add(std::max(0.0, perEdit - fsyncCpu));
    table->add({u"server CPU per edit, one fdatasync's CPU left out, vs echo's"_s,
                Summary::ofRounds(withoutFsync, Unit::Microseconds),
                Summary::ofRounds(samples.echoCpuPerEcho, Unit::Microseconds),
                ResultTable::Goal::ratioAtMost(5)});
    table->addNote(
        u"edit → ack: %1 rounds × %2 sequential edits of one session (each a real "
        u"change), %2 echoes of an edit-sized message (%3 B) and %2 fdatasyncs of one "
        u"%4 B page beside the database (%5), in turns; fdatasync alone: %6."_s.arg(options.rounds)
            .arg(n)
            .arg(echoText.size())
            .arg(pageSize)
            .arg(QDir::toNativeSeparators(folder))
            .arg(Summary::ofSamples(samples.fsyncs, Unit::Microseconds).text()));
    table->addNote(u"CPU: %1 of the server and of the echo floor, summed over their threads, "
                   u"per round; the server's includes the system time of its fsyncs (one "
                   u"fdatasync's CPU, in the floor: %2)."_s.arg(
                       QString::fromUtf8(ProcessCpu::source()),
                       Summary::ofSamples(samples.fsyncCpu, Unit::Microseconds).text()));
}
