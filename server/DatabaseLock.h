// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

// One server per database file: an exclusive lock on a side file (<database>.lock) that the
// kernel drops when the process ends however it ends. Not a pid in a file: a restarted
// container reuses pids, so a stale pid could look alive (or a live one stale).
class DatabaseLock
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLock)

public:
    DatabaseLock();
    ~DatabaseLock();
    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;

    // Takes the lock for `databasePath`; false with the reason when another process holds it.
    bool acquire(const QString &databasePath, QString *error);

    static QString lockPath(const QString &databasePath);

private:
#ifdef Q_OS_UNIX
    int m_fd = -1;
#else
    std::unique_ptr<QLockFile> m_lockFile;
#endif
};
