#include "ServerOptions.h"

#include "Database.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace {

bool readPositive(const QCommandLineParser &parser, const QString &name, int minimum, int *out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum)
        return false;
    *out = value;
    return true;
}

} // namespace

bool ServerOptions::parseListen(const QString &text, QHostAddress *host, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString hostText = text.left(colon);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    QHostAddress address;
    if (hostText == u"localhost")
        address = QHostAddress(QHostAddress::LocalHost);
    else if (hostText == u"*")
        address = QHostAddress(QHostAddress::Any);
    else if (!address.setAddress(hostText))
        return false;
    *host = address;
    *port = static_cast<quint16>(number);
    return true;
}

bool ServerOptions::demoReachableFromNetwork() const
{
    return demo && (!host.isLoopback() || (console && !consoleHost.isLoopback()));
}

bool ServerOptions::parseConsoleListen(const QString &text, QHostAddress *host, quint16 *port)
{
    bool isNumber = false;
    const uint number = text.toUInt(&isNumber);
    if (isNumber) {
        if (number > 65535)
            return false;
        *host = QHostAddress(QHostAddress::LocalHost);
        *port = quint16(number);
        return true;
    }
    return parseListen(text, host, port);
}

std::optional<ServerOptions> ServerOptions::parse(const QStringList &arguments, QString *output,
                                                  int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The FollowMe reference server: sync protocol v1 over WebSocket (docs/server.md).\n"
           "Exit codes: 0 after a clean shutdown, 1 a bad command line, 2 a configuration "
           "refused at start (the database, the listen address, the TLS files, --demo on a "
           "network address)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOptions({
        {u"db"_s,
         tr("The SQLite database file (default: %1), or a PostgreSQL database's URL, "
            "postgresql://USER@HOST:PORT/DBNAME (docs/server.md).")
             .arg(Database::defaultPath()),
         tr("path|url")},
        {u"listen"_s,
         tr("Where to listen, HOST:PORT (default: 127.0.0.1:%1). Port 0 picks a free port; the "
            "line \"listening on HOST:PORT\" on standard output tells which.")
             .arg(Protocol::defaultPort),
         tr("host:port")},
        {u"admin-listen"_s,
         tr("Serve the admin web console at [HOST:]PORT (a port alone: on 127.0.0.1; port 0 "
            "picks a free one, the line \"admin console on URL\" tells which). Off unless "
            "given."),
         tr("[host:]port")},
        {u"tls-cert"_s,
         tr("PEM certificate (chain): serve wss:// (and the console on https://) "
            "instead of ws://."),
         tr("file")},
        {u"tls-key"_s, tr("PEM private key for --tls-cert."), tr("file")},
        {u"demo"_s,
         tr("Add the demo users alice and bob and the demo tokens (for trying it out "
            "only: the tokens are public). Only on a loopback address, unless with "
            "--demo-on-network-anyone-is-admin.")},
        {u"demo-on-network-anyone-is-admin"_s,
         tr("Allow --demo on an address other machines can reach: anyone who can reach the "
            "server can log in with the public demo admin token.")},
        {u"idle-timeout"_s, tr("Close connections silent for this many seconds (default 90)."),
         tr("seconds")},
        {u"hello-timeout"_s,
         tr("Close connections that sent no hello for this many seconds (default 10)."),
         tr("seconds")},
        {u"pre-login-limit"_s,
         tr("Refuse a connection when this many from its address have not logged in yet "
            "(default 16)."),
         tr("count")},
        {u"login-delay"_s, tr("Wait before answering the first failed login (default 250)."),
         tr("ms")},
        {u"login-delay-max"_s,
         tr("The longest wait before answering a failed login (default "
            "8000)."),
         tr("ms")},
        {u"login-failure-limit"_s,
         tr("Refuse an address after this many failed logins within 10 minutes (default 20)."),
         tr("count")},
    });

    *exitCode = 1;
    if (!parser.parse(arguments)) {
        *output = parser.errorText() + u"\n\n"_s + parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        *exitCode = 0;
        *output = parser.isSet(help)
            ? parser.helpText()
            : u"followme-server "_s + QCoreApplication::applicationVersion() + u'\n';
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *output = tr("unexpected argument: %1").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ServerOptions options;
    options.databasePath = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Database::defaultPath();
    if (parser.isSet(u"listen"_s)
        && !parseListen(parser.value(u"listen"_s), &options.host, &options.port)) {
        *output = tr("--listen: \"%1\" is not HOST:PORT").arg(parser.value(u"listen"_s));
        return std::nullopt;
    }
    if (parser.isSet(u"admin-listen"_s)) {
        options.console = true;
        if (!parseConsoleListen(parser.value(u"admin-listen"_s), &options.consoleHost,
                                &options.consolePort)) {
            *output = tr("--admin-listen: \"%1\" is not PORT or HOST:PORT")
                          .arg(parser.value(u"admin-listen"_s));
            return std::nullopt;
        }
    }
    options.tlsCertificate = parser.value(u"tls-cert"_s);
    options.tlsKey = parser.value(u"tls-key"_s);
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty()) {
        *output = tr("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    options.demo = parser.isSet(u"demo"_s);
    options.demoOnNetwork = parser.isSet(u"demo-on-network-anyone-is-admin"_s);

    int idleSeconds = 90;
    int helloSeconds = 10;
    int preLoginLimit = options.preLoginLimit;
    int firstDelay = int(options.throttle.firstDelay.count());
    int maxDelay = int(options.throttle.maxDelay.count());
    int limit = options.throttle.failureLimit;
    if (!readPositive(parser, u"idle-timeout"_s, 1, &idleSeconds)
        || !readPositive(parser, u"hello-timeout"_s, 1, &helloSeconds)
        || !readPositive(parser, u"pre-login-limit"_s, 1, &preLoginLimit)
        || !readPositive(parser, u"login-delay"_s, 0, &firstDelay)
        || !readPositive(parser, u"login-delay-max"_s, 0, &maxDelay)
        || !readPositive(parser, u"login-failure-limit"_s, 1, &limit)) {
        *output = tr("--idle-timeout, --hello-timeout, --pre-login-limit, --login-delay, "
                     "--login-delay-max and --login-failure-limit take a whole number");
        return std::nullopt;
    }
    options.idleTimeout = std::chrono::seconds(idleSeconds);
    options.helloTimeout = std::chrono::seconds(helloSeconds);
    options.preLoginLimit = preLoginLimit;
    options.throttle.firstDelay = LoginThrottle::Milliseconds(firstDelay);
    options.throttle.maxDelay = LoginThrottle::Milliseconds(maxDelay);
    options.throttle.failureLimit = limit;
    return options;
}
