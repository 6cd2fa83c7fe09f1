#pragma once

#include "LoginThrottle.h"
#include "Protocol.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// followme-server's settings, from its command line (docs/server.md).
class ServerOptions
{
    Q_DECLARE_TR_FUNCTIONS(ServerOptions)

public:
    QString databasePath;
    QHostAddress host {QHostAddress::LocalHost};
    quint16 port = Protocol::defaultPort; // 0: any free port
    // The admin web console (--admin-listen): off unless given.
    bool console = false;
    QHostAddress consoleHost {QHostAddress::LocalHost};
    quint16 consolePort = 0;
    QString tlsCertificate; // empty: plain ws://
    QString tlsKey;
    bool demo = false;
    // --demo on an address beyond loopback: refused at start without it (docs/server.md).
    bool demoOnNetwork = false;
    std::chrono::milliseconds idleTimeout {90 * 1000};
    // A connection that has sent no hello by then is closed (4000).
    std::chrono::milliseconds helloTimeout {10 * 1000};
    // Connections of one address that have not logged in yet; more are refused (4029).
    int preLoginLimit = 16;
    LoginThrottle::Policy throttle;

    // Parses the arguments (argv[0] first). Returns nothing for --help, --version or a bad
    // command line; `output` then holds what to print and `exitCode` the code to exit with
    // (0 for help and version, 1 for an error).
    static std::optional<ServerOptions> parse(const QStringList &arguments, QString *output,
                                              int *exitCode);
    // "HOST:PORT", "[IPv6]:PORT" or "localhost:PORT".
    static bool parseListen(const QString &text, QHostAddress *host, quint16 *port);
    // "PORT" alone (on 127.0.0.1) or HOST:PORT as for --listen.
    static bool parseConsoleListen(const QString &text, QHostAddress *host, quint16 *port);
    // True for --demo on an address other machines may reach (not loopback), the console's too.
    bool demoReachableFromNetwork() const;
};
