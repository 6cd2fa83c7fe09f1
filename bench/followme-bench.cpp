// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bench: starts the real followme-server (temporary database, --demo) and measures
//  1. edit → ack round trips against it, and a raw QWebSocket echo round trip on the same
//     loopback in the same run, with their ratio;
//  2. the time for one change to reach N connected sessions of one user (N = 1, 100, 1000).
// Not a test: run it by hand (docs/server.md, "Benchmarks").
#include "BenchClock.h"
#include "BenchSession.h"
#include "EchoServer.h"
#include "LatencyStats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QTimer tick; // wakes the loop up so the deadline is noticed
    tick.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QString editMessage(const QString &id, int delay)
{
    return u"{\"type\":\"setRule\",\"id\":\"%1\",\"device\":\"desk\",\"callKind\":\"external\","
           u"\"delay\":%2}"_s.arg(id)
               .arg(delay);
}

// Alternates 5 and 6 across the whole run, so every edit really changes the rule (an edit
// that changes nothing is acked without a commit or a push).
int nextDelay()
{
    static int delay = 6;
    delay = delay == 5 ? 6 : 5;
    return delay;
}

void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

quint16 startServer(QProcess *server, const QString &database)
{
    server->setProgram(QString::fromUtf8(FOLLOWME_SERVER_EXECUTABLE));
    // All sessions come from 127.0.0.1, up to 50 at a time logging in: above the server's
    // default cap on connections of one address that have not logged in yet (16).
    server->setArguments({u"--db"_s, database, u"--listen"_s, u"127.0.0.1:0"_s, u"--demo"_s,
                          u"--pre-login-limit"_s, u"1000"_s});
    server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server->start();
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QString output;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && server->waitForReadyRead(1000)) {
        output += QString::fromUtf8(server->readAllStandardOutput());
        const auto match = listening.match(output);
        if (match.hasMatch())
            return match.captured(1).toUShort();
    }
    return 0;
}

LatencyStats measureEcho(quint16 port, int count)
{
    LatencyStats stats;
    QWebSocket socket;
    bool connected = false;
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&] { connected = true; });
    socket.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
    if (!runUntil([&] { return connected; }, 10000))
        return stats;
    int done = 0;
    qint64 sentAt = 0;
    const QString message = editMessage(u"echo-0000000000"_s, 5);
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &) {
        stats.add(double(BenchClock::nowNs() - sentAt) / 1000.0);
        if (++done < count) {
            sentAt = BenchClock::nowNs();
            socket.sendTextMessage(message);
        }
    });
    sentAt = BenchClock::nowNs();
    socket.sendTextMessage(message);
    runUntil([&] { return done >= count; }, 120000);
    return stats;
}

LatencyStats measureEdits(const QUrl &url, int count)
{
    LatencyStats stats;
    BenchSession editor;
    editor.open(url, u"alice-demo-token"_s);
    if (!runUntil([&] { return editor.isReady() || editor.hasFailed(); }, 10000)
        || !editor.isReady())
        return stats;
    int done = 0;
    qint64 sentAt = 0;
    auto sendNext = [&] {
        sentAt = BenchClock::nowNs();
        // Every edit is a real change, committed with an fsync.
        editor.send(editMessage(u"edit-%1"_s.arg(done), nextDelay()));
    };
    editor.setHandler([&](BenchSession *, const QJsonObject &message, qint64 arrival) {
        if (message.value(u"type"_s) != u"ack"_s)
            return;
        stats.add(double(arrival - sentAt) / 1000.0);
        if (++done < count)
            sendNext();
    });
    sendNext();
    runUntil([&] { return done >= count; }, 120000);
    return stats;
}

struct FanOutResult
{
    LatencyStats perSession; // send → arrival at each session
    LatencyStats allReached; // send → arrival at the last session
    int sessions = 0;
};

FanOutResult measureFanOut(const QUrl &url, int sessions, int changes)
{
    FanOutResult result;
    std::vector<std::unique_ptr<BenchSession>> receivers;
    // Connect in batches, as a burst of 1000 simultaneous handshakes overflows the backlog.
    for (int opened = 0; opened < sessions;) {
        const int batch = std::min(50, sessions - opened);
        for (int i = 0; i < batch; ++i) {
            receivers.push_back(std::make_unique<BenchSession>());
            receivers.back()->open(url, u"alice-demo-token"_s);
        }
        opened += batch;
        if (!runUntil(
                [&] {
                    return std::all_of(receivers.begin(), receivers.end(), [](const auto &s) {
                        return s->isReady() || s->hasFailed();
                    });
                },
                30000))
            break;
    }
    for (const auto &receiver : receivers)
        result.sessions += receiver->isReady() ? 1 : 0;

    BenchSession editor;
    editor.open(url, u"alice-demo-token"_s);
    runUntil([&] { return editor.isReady() || editor.hasFailed(); }, 10000);
    qint64 sentAt = 0;
    qint64 lastArrival = 0;
    int received = 0;
    bool acked = false;
    for (const auto &receiver : receivers) {
        receiver->setHandler([&](BenchSession *, const QJsonObject &message, qint64 arrival) {
            if (message.value(u"type"_s) != u"ruleChanged"_s)
                return;
            result.perSession.add(double(arrival - sentAt) / 1000.0);
            lastArrival = arrival;
            ++received;
        });
    }
    editor.setHandler([&](BenchSession *, const QJsonObject &message, qint64) {
        acked = acked || message.value(u"type"_s) == u"ack"_s;
    });
    for (int change = 0; change < changes; ++change) {
        received = 0;
        acked = false;
        sentAt = BenchClock::nowNs();
        editor.send(editMessage(u"fan-%1-%2"_s.arg(sessions).arg(change), nextDelay()));
        if (!runUntil([&] { return acked && received >= result.sessions; }, 30000))
            break;
        result.allReached.add(double(lastArrival - sentAt) / 1000.0);
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"followme-bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Timings of followme-server (docs/server.md)."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"edits"_s, u"Edit → ack and echo round trips to time (default 500)."_s, u"n"_s, u"500"_s},
        {u"sessions"_s, u"Session counts for the fan-out (default 1,100,1000)."_s, u"list"_s,
         u"1,100,1000"_s},
        {u"changes"_s, u"Changes per fan-out size (default 50)."_s, u"n"_s, u"50"_s},
    });
    parser.process(app);
    const int edits = qMax(1, parser.value(u"edits"_s).toInt());
    const int changes = qMax(1, parser.value(u"changes"_s).toInt());
    raiseFileLimit();

    QTemporaryDir dir;
    QProcess server;
    const quint16 port = startServer(&server, dir.filePath(u"bench.sqlite"_s));
    if (port == 0) {
        QTextStream(stderr) << "followme-bench: the server did not start" << Qt::endl;
        return 1;
    }
    const QUrl url(u"ws://127.0.0.1:%1/"_s.arg(port));
    out << "followme-bench: followme-server on " << url.toString() << ", "
        << QThread::idealThreadCount() << " cores, database in " << dir.path() << Qt::endl;

    QThread echoThread;
    auto *echo = new EchoServer;
    echo->moveToThread(&echoThread);
    QObject::connect(&echoThread, &QThread::finished, echo, &QObject::deleteLater);
    echoThread.start();
    quint16 echoPort = 0;
    QMetaObject::invokeMethod(
        echo, [&] { echoPort = echo->listen(); }, Qt::BlockingQueuedConnection);

    const LatencyStats editStats = measureEdits(url, edits);
    const LatencyStats echoStats = measureEcho(echoPort, edits);
    out << "edit → ack (each a committed SQLite transaction): " << editStats.summary() << Qt::endl;
    out << "raw QWebSocket echo, same loopback:              " << echoStats.summary() << Qt::endl;
    if (echoStats.count() > 0 && echoStats.percentile(50) > 0)
        out << u"ratio edit/echo: p50 %1×, p99 %2×"_s
                   .arg(editStats.percentile(50) / echoStats.percentile(50), 0, 'f', 1)
                   .arg(editStats.percentile(99) / echoStats.percentile(99), 0, 'f', 1)
            << Qt::endl;
    echoThread.quit();
    echoThread.wait();

    for (const QString &item : parser.value(u"sessions"_s).split(u',', Qt::SkipEmptyParts)) {
        const int sessions = item.toInt();
        if (sessions <= 0)
            continue;
        const FanOutResult result = measureFanOut(url, sessions, changes);
        out << u"change → %1 sessions (%2 connected): per session %3; all reached %4"_s
                   .arg(sessions)
                   .arg(result.sessions)
                   .arg(result.perSession.summary(), result.allReached.summary())
            << Qt::endl;
    }

    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
