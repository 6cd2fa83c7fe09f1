// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// One followme-admin command against a server, as the demo administrator; true when it
// succeeded (its error output goes to the test's log when it did not).
inline bool runAdminCommand(const QString &adminExecutable, const QUrl &server,
                            const QStringList &arguments)
{
    QProcess admin;
    admin.start(adminExecutable,
                QStringList {QStringLiteral("--server"), server.toString(),
                             QStringLiteral("--token"), QStringLiteral("admin-demo-token")}
                    + arguments);
    if (!admin.waitForFinished(20000))
        return false;
    if (admin.exitCode() != 0)
        qWarning() << admin.readAllStandardError();
    return admin.exitStatus() == QProcess::NormalExit && admin.exitCode() == 0;
}
