// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseLock.h"

#include <QFile>
#include <QLockFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

DatabaseLock::DatabaseLock() = default;

DatabaseLock::~DatabaseLock()
{
#ifdef Q_OS_UNIX
    // The file stays: removing it would let a second server lock a new file while a third
    // still holds the old one.
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

QString DatabaseLock::lockPath(const QString &databasePath)
{
    return databasePath + u".lock"_s;
}

bool DatabaseLock::acquire(const QString &databasePath, QString *error)
{
    const QString path = lockPath(databasePath);
    const QString inUse =
        tr("another followme-server uses the database %1 (one server per database file; "
           "several servers need PostgreSQL, which is planned)")
            .arg(databasePath);
#ifdef Q_OS_UNIX
    // flock, not fcntl: an fcntl lock belongs to the process and goes when any descriptor of
    // the file is closed; a flock belongs to this descriptor alone.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = tr("cannot create the lock file %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int code = errno;
        ::close(fd);
        *error = code == EWOULDBLOCK
            ? inUse
            : tr("cannot lock %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    m_fd = fd;
    return true;
#else
    // The fallback: QLockFile tells a dead holder by pid, host and application name, which is
    // weaker than a kernel lock (see the header).
    auto lockFile = std::make_unique<QLockFile>(path);
    lockFile->setStaleLockTime(0);
    if (!lockFile->tryLock(0)) {
        *error = lockFile->error() == QLockFile::LockFailedError
            ? inUse
            : tr("cannot create the lock file %1").arg(path);
        return false;
    }
    m_lockFile = std::move(lockFile);
    return true;
#endif
}
