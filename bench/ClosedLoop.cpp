// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClosedLoop.h"

#include "BenchClock.h"
#include "BenchSession.h"
#include "BenchWait.h"
#include "EditSequence.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 120000;

// Runs edits until the predicate says stop; calls sample(latencyNs) for each ack.
template<typename Sample, typename More>
bool runEdits(BenchSession *session, EditSequence *sequence, Sample sample, More more)
{
    bool failed = false;
    bool finished = false;
    qint64 sentAt = 0;
    auto sendNext = [&] {
        sentAt = BenchClock::nowNs();
        session->send(sequence->next());
    };
    session->setHandler([&](BenchSession *, const QString &text, qint64 arrival) {
        const QString type = BenchSession::typeOf(text);
        if (type == u"error"_s) {
            QTextStream(stderr) << "followme-bench: an edit was refused: " << text << Qt::endl;
            failed = true;
            return;
        }
        if (type != u"ack"_s)
            return;
        sample(arrival - sentAt);
        if (more())
            sendNext();
        else
            finished = true;
    });
    sendNext();
    BenchWait::until([&] { return finished || failed || session->hasFailed(); }, timeoutMs);
    session->setHandler({});
    return finished;
}

} // namespace

LatencyStats ClosedLoop::edits(BenchSession *session, EditSequence *sequence, int count)
{
    LatencyStats stats;
    runEdits(
        session, sequence, [&](qint64 ns) { stats.add(double(ns) / 1000.0); },
        [&] { return stats.count() < count; });
    return stats;
}

LatencyStats ClosedLoop::echoes(BenchSession *session, const QString &text, int count)
{
    LatencyStats stats;
    qint64 sentAt = 0;
    session->setHandler([&](BenchSession *, const QString &, qint64 arrival) {
        stats.add(double(arrival - sentAt) / 1000.0);
        if (stats.count() < count) {
            sentAt = BenchClock::nowNs();
            session->send(text);
        }
    });
    sentAt = BenchClock::nowNs();
    session->send(text);
    BenchWait::until([&] { return stats.count() >= count || session->hasFailed(); }, timeoutMs);
    session->setHandler({});
    return stats;
}

double ClosedLoop::editRate(BenchSession *session, EditSequence *sequence, int durationMs)
{
    const qint64 start = BenchClock::nowNs();
    const qint64 end = start + qint64(durationMs) * 1000000;
    qint64 acks = 0;
    qint64 lastAck = start;
    const bool ok = runEdits(
        session, sequence,
        [&](qint64) {
            ++acks;
            lastAck = BenchClock::nowNs();
        },
        [&] { return BenchClock::nowNs() < end; });
    return ok && lastAck > start ? double(acks) * 1e9 / double(lastAck - start) : 0;
}
