// SPDX-License-Identifier: GPL-3.0-or-later
#include "FsyncFloor.h"

#include "BenchClock.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

int FsyncFloor::pageSizeOf(const QString &databasePath)
{
    QFile database(databasePath);
    if (database.open(QIODevice::ReadOnly)) {
        // SQLite's header: the page size, big-endian, at offset 16; 1 stands for 65536.
        const QByteArray header = database.read(100);
        if (header.size() == 100) {
            const int size = (uchar(header.at(16)) << 8) | uchar(header.at(17));
            return size == 1 ? 65536 : size;
        }
    }
    QFile wal(databasePath + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly)) {
        // The WAL header: the page size, big-endian 32 bits, at offset 8.
        const QByteArray header = wal.read(32);
        if (header.size() == 32) {
            const int size = (uchar(header.at(8)) << 24) | (uchar(header.at(9)) << 16)
                | (uchar(header.at(10)) << 8) | uchar(header.at(11));
            if (size >= 512 && size <= 65536)
                return size;
        }
    }
    return 4096;
}

FsyncFloor::FsyncFloor(const QString &folder, int pageSize)
    : m_path(QDir(folder).filePath(u"fsync-floor.bin"_s))
    , m_page(pageSize, 'a')
{
#ifdef Q_OS_UNIX
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    // The file gets its page once, so each sample overwrites a block that exists, as SQLite's
    // WAL does in steady state (it is reused from its start after each checkpoint).
    if (m_fd >= 0
        && (::write(m_fd, m_page.constData(), size_t(m_page.size())) != m_page.size()
            || ::fsync(m_fd) != 0)) {
        ::close(m_fd);
        m_fd = -1;
    }
#endif
}

FsyncFloor::~FsyncFloor()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd);
    QFile::remove(m_path);
#endif
}

double FsyncFloor::writeOnce()
{
#ifdef Q_OS_UNIX
    if (m_fd < 0)
        return -1;
    // New bytes each time, so no layer can skip the write as unchanged.
    m_fill = m_fill == 'z' ? 'a' : char(m_fill + 1);
    m_page.fill(m_fill);
    auto threadCpuNs = [] {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    };
    const qint64 cpuStart = threadCpuNs();
    const qint64 start = BenchClock::nowNs();
    if (::pwrite(m_fd, m_page.constData(), size_t(m_page.size()), 0) != m_page.size()
        || ::fdatasync(m_fd) != 0)
        return -1;
    const qint64 end = BenchClock::nowNs();
    m_lastCpuUs = double(threadCpuNs() - cpuStart) / 1000.0;
    return double(end - start) / 1000.0;
#else
    return -1;
#endif
}
