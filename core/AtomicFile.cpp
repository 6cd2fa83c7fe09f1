#include "AtomicFile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcFile, "followme.file")

qint64 writeCall(int fd, const char *data, qint64 size)
{
#ifdef Q_OS_UNIX
    return ::write(fd, data, size_t(size));
#else
    Q_UNUSED(fd);
    Q_UNUSED(data);
    return size;
#endif
}

int syncCall(int fd)
{
#ifdef Q_OS_UNIX
    return ::fsync(fd);
#else
    Q_UNUSED(fd);
    return 0;
#endif
}

int renameCall(const char *from, const char *to)
{
    return std::rename(from, to);
}

AtomicFile::SystemCalls &systemCalls()
{
    static AtomicFile::SystemCalls calls = AtomicFile::realSystemCalls();
    return calls;
}

const QString temporarySuffix = u".saving"_s;

// Creates the missing folders of `folder`, the new ones 0700 when `access` is Private.
std::optional<QString> makeFolders(const QString &folder, AtomicFile::Access access)
{
    if (QFileInfo(folder).isDir())
        return std::nullopt;
    if (access == AtomicFile::Access::Shared) {
        if (QDir().mkpath(folder))
            return std::nullopt;
        return AtomicFile::tr("the folder %1 can't be created")
            .arg(QDir::toNativeSeparators(folder));
    }
    return AtomicFile::makePrivateFolder(folder);
}

#ifdef Q_OS_UNIX

QString systemError(int error)
{
    return qt_error_string(error);
}

// Closes the descriptor when it goes out of scope.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    // Closes now and reports what close() said (NFS reports write errors here).
    int close()
    {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

// Whether `fd` is still the file called `name` (not unlinked or replaced meanwhile).
bool isNamed(int fd, const QByteArray &name)
{
    struct stat open = {};
    struct stat named = {};
    return ::fstat(fd, &open) == 0 && ::lstat(name.constData(), &named) == 0
        && open.st_dev == named.st_dev && open.st_ino == named.st_ino;
}

// Removes temporaries of `target` whose writer is gone: a live writer holds the flock.
void removeStrays(const QString &target)
{
    const QFileInfo info(target);
    QDirIterator it(info.absolutePath(), QDir::Files | QDir::Hidden | QDir::System);
    while (it.hasNext()) {
        const QString candidate = it.next();
        if (!AtomicFile::isTemporaryFileOf(it.fileName(), target))
            continue;
        const QByteArray name = QFile::encodeName(candidate);
        FileDescriptor fd(::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        // The name may have been renamed into place (or reused) since it was opened.
        if (fd.get() >= 0 && ::flock(fd.get(), LOCK_EX | LOCK_NB) == 0 && isNamed(fd.get(), name))
            ::unlink(name.constData());
    }
}

// Where flock isn't there (NFS without a lock daemon), writes go on unlocked and unswept.
bool lockUnsupported(int error)
{
    return error == ENOLCK || error == EOPNOTSUPP || error == ENOSYS || error == EINVAL;
}

std::optional<QString> writeUnix(const QString &target, const QByteArray &data,
                                 AtomicFile::Access access)
{
    const AtomicFile::SystemCalls &calls = systemCalls();
    const QFileInfo info(target);
    const QString folder = info.absolutePath();
    removeStrays(target);

    // Private: 0600 whatever the umask or an older file said. Shared: an existing file's mode,
    // else what the umask leaves of 0666.
    mode_t mode = S_IRUSR | S_IWUSR;
    bool exactMode = true;
    if (access == AtomicFile::Access::Shared) {
        struct stat existing = {};
        const QByteArray targetName = QFile::encodeName(target);
        exactMode = ::stat(targetName.constData(), &existing) == 0;
        mode = exactMode ? existing.st_mode & 07777
                         : mode_t(S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH);
    }

    // A new temporary is unlocked for an instant after open(): another writer's sweep may take
    // it away then. Once locked it is safe, so it is checked to still be there, else made anew.
    QByteArray temporaryName;
    int opened = -1;
    for (int attempt = 0; attempt < 100 && opened < 0; ++attempt) {
        const QString random =
            QString::number(QRandomGenerator::global()->generate() % 0x1000000, 36);
        temporaryName = QFile::encodeName(
            u"%1/.%2.%3%4"_s.arg(folder, info.fileName(), random, temporarySuffix));
        opened = ::open(temporaryName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (opened < 0 && errno != EEXIST)
            return systemError(errno);
        if (opened < 0)
            continue;
        if (::flock(opened, LOCK_EX) != 0 && !lockUnsupported(errno)) {
            const int error = errno;
            ::close(opened);
            ::unlink(temporaryName.constData());
            return systemError(error);
        }
        if (!isNamed(opened, temporaryName)) {
            ::close(opened);
            opened = -1;
        }
    }
    if (opened < 0)
        return systemError(EEXIST);
    FileDescriptor fd(opened);
    const auto fail = [&](int error) -> std::optional<QString> {
        ::unlink(temporaryName.constData());
        return systemError(error);
    };
    // The mode given to open() passed through the umask.
    if (exactMode && ::fchmod(fd.get(), mode) != 0)
        return fail(errno);

    const char *next = data.constData();
    qint64 left = data.size();
    while (left > 0) {
        const qint64 written = calls.write(fd.get(), next, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return fail(errno);
        if (written == 0)
            return fail(EIO);
        next += written;
        left -= written;
    }
    if (calls.sync(fd.get()) != 0)
        return fail(errno);
    const QByteArray targetName = QFile::encodeName(target);
    if (calls.rename(temporaryName.constData(), targetName.constData()) != 0)
        return fail(errno);
    // The new content is in place: from here on nothing is reported as a failure, since the
    // old file is gone. The rename is only durable once the folder's entry is on disk too; some
    // file systems can't sync a folder (EINVAL), and a failure here is only worth a warning.
    const QByteArray folderName = QFile::encodeName(folder);
    FileDescriptor folderFd(::open(folderName.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folderFd.get() < 0 || calls.sync(folderFd.get()) != 0) {
        if (errno != EINVAL)
            qCWarning(lcFile) << "the folder of" << target
                              << "could not be synced:" << systemError(errno);
    }
    if (fd.close() != 0)
        qCWarning(lcFile) << target << "could not be closed:" << systemError(errno);
    return std::nullopt;
}

#else

std::optional<QString> writeWithSaveFile(const QString &target, const QByteArray &data,
                                         AtomicFile::Access access)
{
    QSaveFile file(target);
    // Unbuffered: a full disk fails write() rather than the final flush commit() ignores.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return file.errorString();
    if (access == AtomicFile::Access::Private)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(data) != data.size() || !file.flush() || file.error() != QFileDevice::NoError)
        return file.errorString();
    if (!file.commit())
        return file.errorString();
    return std::nullopt;
}

#endif

} // namespace

std::optional<QString> AtomicFile::write(const QString &path, const QByteArray &data, Access access)
{
    // Writing through a link replaces what it points to, at the end of a chain, not the link.
    QString target = QFileInfo(path).absoluteFilePath();
    for (int hop = 0; hop < 40 && QFileInfo(target).isSymbolicLink(); ++hop)
        target = QFileInfo(target).symLinkTarget();
    if (const auto problem = makeFolders(QFileInfo(target).absolutePath(), access))
        return problem;
#ifdef Q_OS_UNIX
    return writeUnix(target, data, access);
#else
    return writeWithSaveFile(target, data, access);
#endif
}

std::optional<QString> AtomicFile::makePrivateFolder(const QString &path)
{
    const QString folder = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
        | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser;
    if (QFileInfo(folder).isDir()) {
        if ((QFile::permissions(folder) & ~ownerOnly) == 0)
            return std::nullopt;
        if (QFile::setPermissions(folder, ownerOnly))
            return std::nullopt;
        return tr("the folder %1 can't be made yours alone").arg(QDir::toNativeSeparators(folder));
    }
    // Parents first, each new one the user's alone.
    const QString parent = QFileInfo(folder).path();
    if (parent != folder && !QFileInfo(parent).isDir()) {
        if (const auto problem = makePrivateFolder(parent))
            return problem;
    }
    if (QDir().mkdir(folder, ownerOnly) || QFileInfo(folder).isDir())
        return std::nullopt;
    return tr("the folder %1 can't be created").arg(QDir::toNativeSeparators(folder));
}

bool AtomicFile::isTemporaryFileOf(const QString &fileName, const QString &path)
{
    const QString prefix = u'.' + QFileInfo(path).fileName() + u'.';
    return fileName.startsWith(prefix) && fileName.endsWith(temporarySuffix)
        && fileName.size() > prefix.size() + temporarySuffix.size();
}

AtomicFile::SystemCalls AtomicFile::realSystemCalls()
{
    return {writeCall, syncCall, renameCall};
}

AtomicFile::ScopedSystemCalls::ScopedSystemCalls(const SystemCalls &calls)
    : m_previous(systemCalls())
{
    systemCalls() = calls;
}

AtomicFile::ScopedSystemCalls::~ScopedSystemCalls()
{
    systemCalls() = m_previous;
}
