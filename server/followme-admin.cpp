// SPDX-License-Identifier: GPL-3.0-or-later
// followme-admin: the administration client of the reference server (docs/server.md).
#include "AdminClient.h"
#include "AdminCommandLine.h"
#include "AdminCommands.h"
#include "AuditLog.h"
#include "ChangeLog.h"
#include "Database.h"
#include "DatabaseBackup.h"
#include "DatabaseCopy.h"
#include "PostgresLocation.h"
#include "SettingsRepository.h"
#include "TokenRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <QUuid>

using namespace Qt::StringLiterals;

// Exit codes: 0 done, 1 bad command line, 2 refused by the server or the checks, 3 the server
// or the database could not be reached.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FollowMe"_s);
    QCoreApplication::setApplicationName(u"followme-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FOLLOWME_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString message;
    int exitCode = 0;
    const auto commandLine =
        AdminCommandLine::parse(QCoreApplication::arguments(),
                                qEnvironmentVariable("FOLLOWME_ADMIN_TOKEN"), &message, &exitCode);
    if (!commandLine) {
        (exitCode == 0 ? out : err) << message << Qt::endl;
        return exitCode;
    }

    std::optional<QJsonObject> result;
    std::optional<ProtocolError> refusal;
    QString failure;
    if (!commandLine->databasePath.isEmpty()) {
        // On SQLite, changes made here are not pushed: a server running on the same file serves
        // them, but its connected clients only see them at their next snapshot. On PostgreSQL
        // every server pushes them (ChangeLog; docs/server.md).
        // A mistyped path must not make an empty database and back that up.
        const bool postgres = PostgresLocation::isUrl(commandLine->databasePath);
        if (commandLine->command == u"backup" && postgres) {
            err << QCoreApplication::translate("main",
                                               "followme-admin: backup copies a SQLite file; back "
                                               "a PostgreSQL database up with pg_dump "
                                               "(docs/deployment.md)")
                << Qt::endl;
            return 3;
        }
        if (commandLine->command == u"backup" && !QFileInfo::exists(commandLine->databasePath)) {
            err << QCoreApplication::translate("main", "followme-admin: there is no database at %1")
                       .arg(QDir::toNativeSeparators(commandLine->databasePath))
                << Qt::endl;
            return 3;
        }
        Database database;
        if (!database.open(commandLine->databasePath, &failure)) {
            err << QCoreApplication::translate("main", "followme-admin: %1").arg(failure)
                << Qt::endl;
            return 3;
        }
        if (commandLine->command == u"backup") {
            if (!DatabaseBackup(database).write(commandLine->destination, &failure)) {
                err << QCoreApplication::translate("main", "followme-admin: %1").arg(failure)
                    << Qt::endl;
                return 3;
            }
            result = QJsonObject {{u"backup"_s, commandLine->destination}};
        } else if (commandLine->command == u"copy-to") {
            Database target;
            std::optional<QJsonObject> copied;
            if (target.open(commandLine->destination, &failure))
                copied = DatabaseCopy(database, target).run(&failure);
            if (!copied) {
                err << QCoreApplication::translate("main", "followme-admin: %1").arg(failure)
                    << Qt::endl;
                return 3;
            }
            result = QJsonObject {{u"copiedTo"_s, target.path()}, {u"rows"_s, *copied}};
        } else {
            SettingsRepository settings(database);
            TokenRepository tokens(database);
            AuditLog audit(database);
            // On PostgreSQL the running servers push what this tool changes.
            const ChangeLog changes(
                database,
                u"followme-admin-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
            // Working on the file directly: the audit log names this tool, not a session.
            const AuditEntry::Actor local {AuditEntry::ActorKind::Local, 0, u"followme-admin"_s};
            const ChangeOutcome outcome =
                AdminCommands(database, settings, tokens, audit, changes)
                    .execute(commandLine->command, commandLine->args, local);
            if (outcome.error)
                refusal = outcome.error;
            else
                result = outcome.result;
        }
    } else {
        AdminClient client(commandLine->serverUrl, commandLine->token, commandLine->insecure);
        result = client.run(commandLine->command, commandLine->args, &refusal, &failure);
    }

    if (refusal) {
        err << QCoreApplication::translate("main", "followme-admin: refused (%1): %2")
                   .arg(Protocol::errorKey(refusal->code), refusal->message)
            << Qt::endl;
        return 2;
    }
    if (!result) {
        err << QCoreApplication::translate("main", "followme-admin: %1").arg(failure) << Qt::endl;
        return 3;
    }
    out << commandLine->format(*result) << Qt::endl;
    if (!commandLine->json
        && (commandLine->command == u"token.issue" || commandLine->command == u"adminToken.issue"))
        err << QCoreApplication::translate("main", "token id %1; the token is shown only this once")
                   .arg(result->value(u"tokenId"_s).toInteger())
            << Qt::endl;
    return 0;
}
