// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The floor of one durable commit: one page written to a file beside the server's database and
// fdatasync'ed, on the same disk and file system.
class FsyncFloor
{
public:
    // The database's page size from its header (or its -wal file's header while the database
    // file is still empty); 4096, SQLite's default, when neither can be read.
    static int pageSizeOf(const QString &databasePath);

    FsyncFloor(const QString &folder, int pageSize);
    ~FsyncFloor();
    FsyncFloor(const FsyncFloor &) = delete;
    FsyncFloor &operator=(const FsyncFloor &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    // Overwrites the page and waits for fdatasync; microseconds, -1 on failure.
    double writeOnce();
    // The CPU time (user and system) of this thread in the last writeOnce(), microseconds: what
    // a commit's fdatasync costs the processor rather than the disk.
    double lastCpuUs() const { return m_lastCpuUs; }

private:
    QString m_path;
    QByteArray m_page;
    int m_fd = -1;
    char m_fill = 'a';
    double m_lastCpuUs = 0;
};
