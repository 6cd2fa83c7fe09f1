// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerProcess.h"

#include <QDir>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

bool ServerProcess::start(const QString &folder, const QString &database)
{
    QDir().mkpath(folder);
    m_databasePath = database.isEmpty() ? QDir(folder).filePath(u"server.sqlite"_s) : database;
    // Every session comes from 127.0.0.1, thousands of them logging in at once: far above the
    // server's default cap on connections of one address that have not logged in yet (16).
    const QStringList arguments {u"--db"_s,        m_databasePath, u"--listen"_s,
                                 u"127.0.0.1:0"_s, u"--demo"_s,    u"--pre-login-limit"_s,
                                 u"100000"_s};
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    const bool started = m_process.start(QString::fromUtf8(FOLLOWME_SERVER_EXECUTABLE), arguments,
                                         QDir(folder).filePath(u"server.log"_s));
    const QRegularExpressionMatch match =
        started ? m_process.waitForLine(listening, 20000) : QRegularExpressionMatch();
    if (!match.hasMatch()) {
        QTextStream(stderr) << "followme-bench: followme-server did not start: "
                            << m_process.logTail() << Qt::endl;
        return false;
    }
    m_url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(match.captured(1)));
    return true;
}
