// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChildProcess.h"

#include <QString>
#include <QUrl>

// followme-server --demo on a free loopback port with a database of its own in a given folder
// (its log there too), or on a given database (a postgresql:// URL several servers share).
class ServerProcess
{
public:
    // False (with the reason on stderr) when it did not come up.
    bool start(const QString &folder, const QString &database = {});

    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.pid(); }
    QString databasePath() const { return m_databasePath; }
    void stop() { m_process.stop(); }

private:
    ChildProcess m_process;
    QString m_databasePath;
    QUrl m_url;
};
