// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bench-floor: the bare-Qt floors that followme-bench measures FollowMe against, each
// in a process of its own like the real server.
//   echo                          a WebSocket server that echoes every text frame
//   broadcast                     a WebSocket server that sends a frame from one connection to
//                                 all the others
//   idle-clients URL N TOKEN      N connections that log in and then stay idle
//   idle-clients URL N --echo B   N connections that each send B bytes once and then stay idle
//   receivers URL N TOKEN|--raw   N connections (logged in, or bare) that report each message's
//                                 arrival as a line "a NS" (monotonic nanoseconds)
// The servers print "listening on 127.0.0.1:PORT"; idle-clients prints "ready N bytes=B" once
// all are up (B: the size of the answer each got). All run until terminated.
#include "BroadcastServer.h"
#include "EchoServer.h"
#include "FileLimit.h"
#include "IdleClients.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace {

int usage()
{
    QTextStream(stderr) << "usage: followme-bench-floor echo | broadcast | idle-clients URL N "
                           "(TOKEN | --echo BYTES) | receivers URL N (TOKEN | --raw)"
                        << Qt::endl;
    return 1;
}

template<typename Server>
int serve(QCoreApplication &app)
{
    Server server;
    const quint16 port = server.listen();
    if (port == 0)
        return 2;
    QTextStream(stdout) << "listening on 127.0.0.1:" << port << Qt::endl;
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_LINUX
    // A floor must not outlive the benchmark that started it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    QCoreApplication app(argc, argv);
    FileLimit::raiseToHard();
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    if (args.first() == u"echo"_s)
        return serve<EchoServer>(app);
    if (args.first() == u"broadcast"_s)
        return serve<BroadcastServer>(app);
    const bool receivers = args.first() == u"receivers"_s;
    if ((!receivers && args.first() != u"idle-clients"_s) || args.size() < 4)
        return usage();
    const QUrl url(args.at(1));
    const int count = args.at(2).toInt();
    const bool echo = !receivers && args.at(3) == u"--echo"_s;
    const bool raw = receivers && args.at(3) == u"--raw"_s;
    if (count <= 0 || (echo && args.size() < 5))
        return usage();
    IdleClients clients;
    const int ready = clients.connect(url, count, echo || raw ? QString() : args.at(3),
                                      echo ? args.at(4).toInt() : 0);
    if (receivers)
        clients.reportArrivals();
    QTextStream out(stdout);
    if (ready < count) {
        out << "failed " << ready << " of " << count << Qt::endl;
        return 3;
    }
    out << "ready " << ready << " bytes=" << clients.answerBytes() << Qt::endl;
    return app.exec();
}
