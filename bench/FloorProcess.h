// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChildProcess.h"

#include <QString>
#include <QUrl>

// One followme-bench-floor process: the echo or broadcast server, or a holder of idle clients.
class FloorProcess
{
public:
    // "echo" or "broadcast"; false (with the reason on stderr) when it did not come up.
    bool startServer(const QString &mode, const QString &logFile);
    // N idle connections to url: logged in with token, or (token empty) each sending echoBytes
    // once. Returns when all are up; false when they did not come up.
    bool startIdleClients(const QUrl &url, int count, const QString &token, int echoBytes,
                          const QString &logFile);

    // N connections to url (logged in with token, or bare when it is empty) that report every
    // message's arrival; read them with arrivals().
    bool startReceivers(const QUrl &url, int count, const QString &token, const QString &logFile);
    // The arrival times (BenchClock, ns) reported since the last call, without waiting.
    QList<qint64> arrivals();

    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.pid(); }
    // idle-clients: the size of the answer each connection got (the snapshot's, or the echo's).
    int answerBytes() const { return m_answerBytes; }
    void stop() { m_process.stop(); }

private:
    ChildProcess m_process;
    QUrl m_url;
    int m_answerBytes = 0;
};
