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
    QString command; // e.g. "device.lock"; "backup" is not an admin command (--db only)
    QString backupDestination; // backup DEST
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
    static std::optional<AdminCommandLine> parseBackup(const QCommandLineParser &parser,
                                                       QString *output, int *exitCode);
};
