// SPDX-License-Identifier: GPL-3.0-or-later
// followme-server: the reference server of sync protocol v1 (docs/server.md).
#include "DemoSeeder.h"
#include "Server.h"
#include "ServerLog.h"
#include "ServerOptions.h"
#include "SignalWatcher.h"

#ifdef FOLLOWME_EPOLL_DISPATCHER
#include "EpollEventDispatcher.h"
#endif

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Each session is a file descriptor; the usual soft limit of 1024 would cap the sessions.
void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t before = limit.rlim_cur;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            limit.rlim_cur = before;
    }
    qCDebug(lcServer) << "open files: limit" << quint64(limit.rlim_cur) << "(was" << quint64(before)
                      << ")";
#endif
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef FOLLOWME_EPOLL_DISPATCHER
    // Before the application exists: the main thread's dispatcher can only be set then.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FollowMe"_s);
    QCoreApplication::setApplicationName(u"followme-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FOLLOWME_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString message;
    int exitCode = 0;
    const auto options = ServerOptions::parse(QCoreApplication::arguments(), &message, &exitCode);
    if (!options) {
        (exitCode == 0 ? out : err) << message << Qt::endl;
        return exitCode;
    }
    raiseFileLimit();

    Server server(*options);
    QString error;
    if (!server.start(&error)) {
        err << QCoreApplication::translate("main", "followme-server: %1").arg(error) << Qt::endl;
        return 2;
    }
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server, &Server::shutdown);
    QObject::connect(&server, &Server::stopped, &app, &QCoreApplication::quit);

    if (options->demoReachableFromNetwork()) {
        err << QCoreApplication::translate(
                   "main",
                   "WARNING: --demo-on-network-anyone-is-admin: the demo tokens are public, so "
                   "anyone who can reach this server (%1) can log in as alice, bob or the admin "
                   "and change or delete everything on it")
                   .arg(options->host.toString())
            << Qt::endl;
    }
    if (options->demo) {
        out << QCoreApplication::translate("main",
                                           "demo tokens (public, for trying it out only): alice "
                                           "%1, bob %2, admin %3")
                   .arg(QString::fromUtf16(DemoSeeder::aliceToken),
                        QString::fromUtf16(DemoSeeder::bobToken),
                        QString::fromUtf16(DemoSeeder::adminToken))
            << Qt::endl;
    }
    // Tests and scripts read the port from this line (its form is fixed, not translated).
    const QString host = server.address().protocol() == QAbstractSocket::IPv6Protocol
        ? u"[%1]"_s.arg(server.address().toString())
        : server.address().toString();
    // Before "listening on", which scripts and tests wait for: by then both lines are out.
    if (const QString console = server.consoleUrl(); !console.isEmpty())
        out << u"admin console on %1"_s.arg(console) << Qt::endl;
    out << u"listening on %1:%2"_s.arg(host, QString::number(server.port())) << Qt::endl;
    return QCoreApplication::exec();
}
