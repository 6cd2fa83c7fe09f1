#include "AdminCommandLine.h"

#include "Protocol.h"
#include "QtCompat.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

struct CommandSpec
{
    QString words; // "device set-rule"
    QString command; // "device.setRule"
    QStringList required;
    QStringList optional;
};

QList<CommandSpec> commandSpecs()
{
    return {
        {u"user add"_s, u"user.add"_s, {u"user"_s, u"name"_s}, {}},
        {u"user remove"_s, u"user.remove"_s, {u"user"_s}, {}},
        {u"user list"_s, u"user.list"_s, {}, {}},
        {u"user set-unanswered"_s,
         u"user.setUnanswered"_s,
         {u"user"_s, u"kind"_s, u"action"_s},
         {u"number"_s}},
        {u"token issue"_s, u"token.issue"_s, {u"user"_s}, {}},
        {u"token revoke"_s, u"token.revoke"_s, {u"token-id"_s}, {}},
        {u"token list"_s, u"token.list"_s, {}, {u"user"_s}},
        {u"admin-token issue"_s, u"adminToken.issue"_s, {}, {}},
        {u"device add"_s,
         u"device.add"_s,
         {u"user"_s, u"id"_s, u"name"_s, u"kind"_s, u"number"_s},
         {u"workspace"_s, u"locked"_s}},
        {u"device remove"_s, u"device.remove"_s, {u"device"_s}, {}},
        {u"device rename"_s, u"device.rename"_s, {u"device"_s, u"name"_s}, {}},
        {u"device lock"_s, u"device.lock"_s, {u"device"_s}, {}},
        {u"device unlock"_s, u"device.unlock"_s, {u"device"_s}, {}},
        {u"device set-number"_s, u"device.setNumber"_s, {u"device"_s, u"number"_s}, {}},
        {u"device set-workspace"_s, u"device.setWorkspace"_s, {u"device"_s, u"workspace"_s}, {}},
        {u"device set-rule"_s,
         u"device.setRule"_s,
         {u"device"_s, u"kind"_s},
         {u"enabled"_s, u"delay"_s, u"timeout"_s}},
        {u"device list"_s, u"device.list"_s, {}, {u"user"_s}},
        {u"audit list"_s, u"audit.list"_s, {}, {u"user"_s, u"limit"_s}},
        {u"profile list"_s, u"profile.list"_s, {u"user"_s}, {}},
        {u"profile activate"_s, u"profile.activate"_s, {u"user"_s, u"profile"_s}, {u"until"_s}},
        {u"schedule follow"_s, u"profile.activate"_s, {u"user"_s}, {}},
        {u"schedule set"_s, u"schedule.set"_s, {u"user"_s, u"schedule"_s}, {}},
        {u"schedule clear"_s, u"schedule.set"_s, {u"user"_s}, {}},
        {u"schedule lock"_s, u"schedule.lock"_s, {u"user"_s}, {}},
        {u"schedule unlock"_s, u"schedule.unlock"_s, {u"user"_s}, {}},
    };
}

std::optional<bool> parseBool(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == u"true" || lower == u"yes" || lower == u"on" || lower == u"1")
        return true;
    if (lower == u"false" || lower == u"no" || lower == u"off" || lower == u"0")
        return false;
    return std::nullopt;
}

QString ruleSummary(const QJsonObject &rules)
{
    QStringList parts;
    for (const QString &kind : {u"external"_s, u"internal"_s, u"teams"_s}) {
        const QJsonObject rule = rules.value(kind).toObject();
        parts.append(
            u"%1 %2 %3+%4s"_s.arg(kind, rule.value(u"enabled"_s).toBool() ? u"on"_s : u"off"_s)
                .arg(rule.value(u"delay"_s).toInt())
                .arg(rule.value(u"timeout"_s).toInt()));
    }
    return parts.join(u", "_s);
}

// "external voicemail, internal number +49 30 1234"; call kinds where it is not known are left
// out.
QString unansweredSummary(const QJsonObject &unanswered)
{
    QStringList parts;
    for (const QString &kind : {u"external"_s, u"internal"_s, u"teams"_s}) {
        const QJsonObject call = unanswered.value(kind).toObject();
        if (call.isEmpty())
            continue;
        QString part = kind + u' ' + call.value(u"action"_s).toString();
        if (call.contains(u"number"_s))
            part += u' ' + call.value(u"number"_s).toString();
        parts.append(part);
    }
    return parts.join(u", "_s);
}

} // namespace

std::optional<AdminCommandLine> AdminCommandLine::parse(const QStringList &arguments,
                                                        const QString &environmentToken,
                                                        QString *output, int *exitCode)
{
    QCommandLineParser parser;
    QStringList usage;
    for (const CommandSpec &spec : commandSpecs()) {
        QString line = u"  "_s + spec.words;
        for (const QString &option : spec.required)
            line += u" --%1 …"_s.arg(option);
        for (const QString &option : spec.optional)
            line += u" [--%1 …]"_s.arg(option);
        usage.append(line.replace(u"--locked …"_s, u"--locked"_s));
    }
    usage.append(tr("  backup DEST (with --db)"));
    usage.append(
        tr("  copy-to postgresql://… (with --db: copy into an empty database, and check)"));
    parser.setApplicationDescription(
        tr("Administers a FollowMe server: through a running server (--server, with an admin "
           "token) or directly on its database (--db: for setup and recovery; a server "
           "running on the same SQLite file does not push such a change to its clients, so use "
           "--server while one runs; servers on a PostgreSQL database push it).\n\nCommands:\n%1")
            .arg(usage.join(u'\n')));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOptions({
        {u"server"_s,
         tr("The server's URL (default ws://127.0.0.1:%1/).").arg(Protocol::defaultPort),
         tr("url")},
        {u"token"_s,
         tr("The admin token (default: the environment variable "
            "FOLLOWME_ADMIN_TOKEN)."),
         tr("token")},
        {u"db"_s,
         tr("Work on this database file directly instead of a server (a server running on it "
            "won't push the change)."),
         tr("path")},
        {u"insecure"_s, tr("wss:// without checking the server's certificate.")},
        {u"json"_s, tr("Print the result as JSON.")},
        {u"user"_s, tr("A user id."), tr("id")},
        {u"name"_s, tr("A user's or device's name."), tr("name")},
        {u"id"_s, tr("The new device's id (device add)."), tr("id")},
        {u"device"_s, tr("A device id."), tr("id")},
        {u"kind"_s,
         tr("device add: desk_phone, softphone, mobile_app, dect or external; "
            "device set-rule and user set-unanswered: external, internal or teams."),
         tr("kind")},
        {u"number"_s, tr("The number the phone system dials."), tr("number")},
        {u"action"_s,
         tr("user set-unanswered: voicemail, number (with --number), hangup, or none to "
            "forget it."),
         tr("action")},
        {u"workspace"_s, tr("The workspace (location); empty for none."), tr("name")},
        {u"locked"_s, tr("device add: the device is not User Configurable.")},
        {u"enabled"_s, tr("true or false."), tr("bool")},
        {u"delay"_s, tr("Seconds before the device rings."), tr("seconds")},
        {u"timeout"_s, tr("Seconds the device rings."), tr("seconds")},
        {u"token-id"_s, tr("A token's id (token list shows them)."), tr("id")},
        {u"limit"_s, tr("audit list: how many of the newest changes (default 100)."), tr("count")},
        {u"profile"_s, tr("A profile id (profile list shows them), or dnd for Do not disturb."),
         tr("id")},
        {u"until"_s, tr("profile activate: until this UTC time, e.g. 2026-12-24T17:00:00Z."),
         tr("time")},
        {u"schedule"_s,
         tr("schedule set: the schedule as JSON, as in the settings document "
            "(docs/settings-format.md)."),
         tr("json")},
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
            : u"followme-admin "_s + QCoreApplication::applicationVersion() + u'\n';
        return std::nullopt;
    }

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()
        && (positional.first() == u"backup" || positional.first() == u"copy-to"))
        return parseDatabaseCommand(parser, output, exitCode);
    const QString words = positional.join(u' ');
    std::optional<CommandSpec> spec;
    for (const CommandSpec &candidate : commandSpecs()) {
        if (candidate.words == words)
            spec = candidate;
    }
    if (!spec) {
        *output = (words.isEmpty() ? tr("no command given") : tr("unknown command: %1").arg(words))
            + u"\n\n"_s + parser.helpText();
        return std::nullopt;
    }

    AdminCommandLine commandLine;
    commandLine.command = spec->command;
    commandLine.json = parser.isSet(u"json"_s);
    commandLine.insecure = parser.isSet(u"insecure"_s);
    if (parser.isSet(u"db"_s) && parser.isSet(u"server"_s)) {
        *output = tr("--db and --server exclude each other");
        return std::nullopt;
    }
    commandLine.databasePath = parser.value(u"db"_s);
    if (commandLine.databasePath.isEmpty()) {
        const QString url = parser.isSet(u"server"_s)
            ? parser.value(u"server"_s)
            : u"ws://127.0.0.1:%1/"_s.arg(Protocol::defaultPort);
        commandLine.serverUrl = QUrl(url, QUrl::StrictMode);
        const QString scheme = commandLine.serverUrl.scheme();
        if (!commandLine.serverUrl.isValid() || (scheme != u"ws" && scheme != u"wss")) {
            *output = tr("--server: \"%1\" is not a ws:// or wss:// URL").arg(url);
            return std::nullopt;
        }
        commandLine.serverUrl = QtCompat::withRequestPath(commandLine.serverUrl);
        commandLine.token = parser.isSet(u"token"_s) ? parser.value(u"token"_s) : environmentToken;
        if (commandLine.token.isEmpty()) {
            *output = tr("an admin token is needed: --token or FOLLOWME_ADMIN_TOKEN");
            return std::nullopt;
        }
    }

    const QStringList allowed = spec->required + spec->optional;
    for (const QString &option :
         {u"user"_s, u"name"_s, u"id"_s, u"device"_s, u"kind"_s, u"number"_s, u"action"_s,
          u"workspace"_s, u"locked"_s, u"enabled"_s, u"delay"_s, u"timeout"_s, u"token-id"_s,
          u"limit"_s, u"profile"_s, u"until"_s, u"schedule"_s}) {
        if (parser.isSet(option) && !allowed.contains(option)) {
            *output = tr("%1: --%2 does not apply").arg(words, option);
            return std::nullopt;
        }
    }
    for (const QString &option : spec->required) {
        if (!parser.isSet(option)) {
            *output = tr("%1: --%2 is required").arg(words, option);
            return std::nullopt;
        }
    }

    QJsonObject &args = commandLine.args;
    for (const QString &option : allowed) {
        if (!parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        if (option == u"id") {
            args.insert(u"device"_s, value);
        } else if (option == u"kind") {
            const bool callKind =
                spec->command == u"device.setRule" || spec->command == u"user.setUnanswered";
            args.insert(callKind ? u"callKind"_s : u"kind"_s, value);
        } else if (option == u"locked") {
            args.insert(u"userConfigurable"_s, false);
        } else if (option == u"schedule") {
            const QJsonDocument schedule = QJsonDocument::fromJson(value.toUtf8());
            if (!schedule.isObject()) {
                *output = tr("--schedule: not a JSON object");
                return std::nullopt;
            }
            args.insert(u"schedule"_s, schedule.object());
        } else if (option == u"workspace") {
            args.insert(u"workspace"_s, value.isEmpty() ? QJsonValue() : QJsonValue(value));
        } else if (option == u"enabled") {
            const auto enabled = parseBool(value);
            if (!enabled) {
                *output = tr("--enabled: \"%1\" is not true or false").arg(value);
                return std::nullopt;
            }
            args.insert(u"enabled"_s, *enabled);
        } else if (option == u"delay" || option == u"timeout" || option == u"token-id"
                   || option == u"limit") {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (!ok) {
                *output = tr("--%1: \"%2\" is not a whole number").arg(option, value);
                return std::nullopt;
            }
            args.insert(option == u"token-id" ? u"tokenId"_s : option, number);
        } else {
            args.insert(option, value);
        }
    }
    // Following the schedule is no profile; clearing it is no schedule.
    if (words == u"schedule follow")
        args.insert(u"profile"_s, QJsonValue());
    if (words == u"schedule clear")
        args.insert(u"schedule"_s, QJsonValue());
    if (spec->command == u"device.setRule" && !args.contains(u"enabled"_s)
        && !args.contains(u"delay"_s) && !args.contains(u"timeout"_s)) {
        *output = tr("device set-rule: give --enabled, --delay or --timeout");
        return std::nullopt;
    }
    *exitCode = 0;
    return commandLine;
}

std::optional<AdminCommandLine>
AdminCommandLine::parseDatabaseCommand(const QCommandLineParser &parser, QString *output,
                                       int *exitCode)
{
    const QStringList positional = parser.positionalArguments();
    const bool backup = positional.first() == u"backup";
    if (positional.size() != 2) {
        *output = backup ? tr("backup: give the backup file: backup DEST")
                         : tr("copy-to: give the database to copy into: copy-to postgresql://…");
        return std::nullopt;
    }
    // A copy through the server's connection would need a protocol command; the file is
    // shared safely (WAL), so the copy is taken beside the server.
    if (!parser.isSet(u"db"_s) || parser.isSet(u"server"_s)) {
        *output = backup ? tr("backup: works on the database file; give --db PATH")
                         : tr("copy-to: copies the database given with --db; give --db PATH");
        return std::nullopt;
    }
    AdminCommandLine commandLine;
    commandLine.command = positional.first();
    commandLine.databasePath = parser.value(u"db"_s);
    commandLine.destination = positional.at(1);
    commandLine.json = parser.isSet(u"json"_s);
    *exitCode = 0;
    return commandLine;
}

QString AdminCommandLine::format(const QJsonObject &result) const
{
    if (json)
        return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)).trimmed();
    QStringList lines;
    if (command == u"user.list") {
        for (const QJsonValue &value : result.value(u"users"_s).toArray()) {
            const QJsonObject user = value.toObject();
            QString line =
                tr("%1\t%2\trevision %3\t%4 devices\t%5 tokens")
                    .arg(user.value(u"id"_s).toString(), user.value(u"name"_s).toString(),
                         QString::number(user.value(u"revision"_s).toInteger()),
                         QString::number(user.value(u"devices"_s).toInt()),
                         QString::number(user.value(u"tokens"_s).toInt()));
            const QString unanswered = unansweredSummary(user.value(u"unanswered"_s).toObject());
            if (!unanswered.isEmpty())
                line += u'\t' + tr("unanswered: %1").arg(unanswered);
            lines.append(line);
        }
    } else if (command == u"token.list") {
        for (const QJsonValue &value : result.value(u"tokens"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            lines.append(
                u"%1\t%2\t%3"_s.arg(entry.value(u"tokenId"_s).toInteger())
                    .arg(entry.value(u"admin"_s).toBool() ? tr("admin")
                                                          : entry.value(u"user"_s).toString(),
                         QDateTime::fromSecsSinceEpoch(entry.value(u"createdAt"_s).toInteger())
                             .toString(Qt::ISODate)));
        }
    } else if (command == u"device.list") {
        for (const QJsonValue &value : result.value(u"devices"_s).toArray()) {
            const QJsonObject device = value.toObject();
            lines.append(u"%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8"_s.arg(
                device.value(u"id"_s).toString(), device.value(u"user"_s).toString(),
                device.value(u"name"_s).toString(), device.value(u"kind"_s).toString(),
                device.value(u"number"_s).toString(),
                device.value(u"userConfigurable"_s).toBool() ? tr("configurable") : tr("locked"),
                device.value(u"workspace"_s).toString(u"-"_s),
                ruleSummary(device.value(u"rules"_s).toObject())));
        }
    } else if (command == u"audit.list") {
        auto compact = [](const QJsonValue &value) {
            if (value.isUndefined())
                return QString();
            return QString::fromUtf8(
                       QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1);
        };
        for (const QJsonValue &value : result.value(u"entries"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            const QJsonObject by = entry.value(u"by"_s).toObject();
            QString what = entry.value(u"action"_s).toString();
            if (entry.contains(u"device"_s))
                what += u' ' + entry.value(u"device"_s).toString();
            if (entry.contains(u"callKind"_s))
                what += u' ' + entry.value(u"callKind"_s).toString();
            QString change;
            if (entry.contains(u"before"_s) || entry.contains(u"after"_s))
                change = tr("%1 → %2").arg(compact(entry.value(u"before"_s)),
                                           compact(entry.value(u"after"_s)));
            lines.append(u"%1\t%2\t%3\t%4 %5\trevision %6\t%7\t%8"_s.arg(
                QString::number(entry.value(u"id"_s).toInteger()), entry.value(u"at"_s).toString(),
                entry.value(u"user"_s).toString(u"-"_s), by.value(u"kind"_s).toString(),
                by.value(u"from"_s).toString(),
                QString::number(entry.value(u"revision"_s).toInteger()), what, change));
        }
    } else if (command == u"profile.list") {
        const QString active = result.value(u"activeProfile"_s)[u"id"_s].toString();
        for (const QJsonValue &value : result.value(u"profiles"_s).toArray()) {
            const QString id = value[u"id"_s].toString();
            lines.append(u"%1\t%2%3"_s.arg(id, value[u"name"_s].toString(),
                                           id == active ? u"\t"_s + tr("active") : QString()));
        }
        lines.append(u"dnd\t%1%2"_s.arg(tr("Do not disturb"),
                                        active == u"dnd" ? u"\t"_s + tr("active") : QString()));
        const QJsonObject activeProfile = result.value(u"activeProfile"_s).toObject();
        if (activeProfile.contains(u"by"_s))
            lines.append(tr("chosen by: %1").arg(activeProfile.value(u"by"_s).toString()));
        if (const QJsonValue override = result.value(u"override"_s); override.isObject())
            lines.append(tr("override: %1 until %2")
                             .arg(override[u"profile"_s].toString(),
                                  override[u"until"_s].toString(tr("changed"))));
        if (const QJsonValue schedule = result.value(u"schedule"_s); schedule.isObject())
            lines.append(
                tr("schedule: %1")
                    .arg(QString::fromUtf8(
                        QJsonDocument(schedule.toObject()).toJson(QJsonDocument::Compact))));
        if (result.value(u"scheduleLocked"_s).toBool())
            lines.append(tr("the schedule is locked"));
    } else if (command == u"token.issue" || command == u"adminToken.issue") {
        // The token alone on standard output, so scripts can capture it.
        lines.append(result.value(u"token"_s).toString());
    } else {
        QStringList parts;
        for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
            const QJsonValue value = it.value();
            parts.append(u"%1=%2"_s.arg(
                it.key(),
                value.isString()
                    ? value.toString()
                    : QString::fromUtf8(
                          QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                          .mid(1)
                          .chopped(1)));
        }
        lines.append(tr("done: %1").arg(parts.join(u' ')));
    }
    return lines.join(u'\n');
}
