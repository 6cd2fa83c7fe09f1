#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QCommandLineParser;

// followme-admin's command line: where to send the command (a running server or a database
// file) and which admin command (docs/protocol.md section 9) with which arguments.
class AdminCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(AdminCommandLine)

public:
    QUrl serverUrl;
    QString token;
    QString databasePath; // set: work on the database directly, no server involved
    bool insecure = false; // wss:// without certificate checks (self-signed test servers)
    bool json = false; // print the raw result
    // e.g. "device.lock"; "backup" and "copy-to" are no admin commands (--db only)
    QString command;
    QString destination; // backup DEST, copy-to DEST
    QJsonObject args;

    // Parses the arguments (argv[0] first). Returns nothing for --help, --version or a bad
    // command line; `output` then holds what to print and `exitCode` the code to exit with.
    // The token comes from --token or else the environment variable FOLLOWME_ADMIN_TOKEN.
    static std::optional<AdminCommandLine> parse(const QStringList &arguments,
                                                 const QString &environmentToken, QString *output,
                                                 int *exitCode);
    // The result of `command` for people (or as JSON).
    QString format(const QJsonObject &result) const;

private:
    // backup DEST and copy-to DEST: the database itself, not an admin command.
    static std::optional<AdminCommandLine> parseDatabaseCommand(const QCommandLineParser &parser,
                                                                QString *output, int *exitCode);
};
