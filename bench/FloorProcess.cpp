// SPDX-License-Identifier: GPL-3.0-or-later
#include "FloorProcess.h"

#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

QString floorExecutable()
{
    return QString::fromUtf8(FOLLOWME_BENCH_FLOOR_EXECUTABLE);
}

} // namespace

bool FloorProcess::startServer(const QString &mode, const QString &logFile)
{
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    const QRegularExpressionMatch match = m_process.start(floorExecutable(), {mode}, logFile)
        ? m_process.waitForLine(listening, 10000)
        : QRegularExpressionMatch();
    if (!match.hasMatch()) {
        QTextStream(stderr) << "followme-bench: followme-bench-floor " << mode
                            << " did not start: " << m_process.logTail() << Qt::endl;
        return false;
    }
    m_url = QUrl(u"ws://127.0.0.1:%1/"_s.arg(match.captured(1)));
    return true;
}

bool FloorProcess::startIdleClients(const QUrl &url, int count, const QString &token, int echoBytes,
                                    const QString &logFile)
{
    QStringList arguments {u"idle-clients"_s, url.toString(), QString::number(count)};
    arguments += token.isEmpty() ? QStringList {u"--echo"_s, QString::number(echoBytes)}
                                 : QStringList {token};
    static const QRegularExpression answer(u"^(ready \\d+ bytes=(\\d+)|failed .*)$"_s);
    const QRegularExpressionMatch match = m_process.start(floorExecutable(), arguments, logFile)
        ? m_process.waitForLine(answer, 300000)
        : QRegularExpressionMatch();
    if (!match.hasMatch() || !match.captured(1).startsWith(u"ready"_s)) {
        QTextStream(stderr) << "followme-bench: " << count << " idle clients did not come up ("
                            << (match.hasMatch() ? match.captured(1) : u"no answer"_s) << ") "
                            << m_process.logTail() << Qt::endl;
        return false;
    }
    m_answerBytes = match.captured(2).toInt();
    return true;
}

bool FloorProcess::startReceivers(const QUrl &url, int count, const QString &token,
                                  const QString &logFile)
{
    const QStringList arguments {u"receivers"_s, url.toString(), QString::number(count),
                                 token.isEmpty() ? u"--raw"_s : token};
    static const QRegularExpression answer(u"^(ready \\d+ bytes=\\d+|failed .*)$"_s);
    const QRegularExpressionMatch match = m_process.start(floorExecutable(), arguments, logFile)
        ? m_process.waitForLine(answer, 120000)
        : QRegularExpressionMatch();
    if (!match.hasMatch() || !match.captured(1).startsWith(u"ready"_s)) {
        QTextStream(stderr) << "followme-bench: " << count << " receivers did not come up ("
                            << (match.hasMatch() ? match.captured(1) : u"no answer"_s) << ") "
                            << m_process.logTail() << Qt::endl;
        return false;
    }
    return true;
}

QList<qint64> FloorProcess::arrivals()
{
    QList<qint64> times;
    for (const QByteArray &line : m_process.readLines()) {
        if (line.startsWith("a "))
            times.append(line.mid(2).toLongLong());
    }
    return times;
}
