#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// The one way this project replaces a file: the whole new content or the old file as it was,
// never an empty or half-written one, and no temporary file left behind. QSaveFile isn't enough
// in Qt 6.4: its commit() ignores a failed final flush and renames an empty file over the old
// one on a full disk (QTBUG-75077), ignores a failed fsync, doesn't sync the folder, and a
// killed save leaves its temporary file for ever.
//
// On Unix a write is: a new temporary file beside the target (".NAME.XXXXXX.saving", locked
// with flock while it is written), every byte written and checked, fsync, rename over the
// target, fsync of the folder. Temporary files whose writer died (their lock is free) are
// removed by the next write of the same file. Elsewhere it is QSaveFile, unbuffered, so every
// write error is seen before commit().
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    enum class Access {
        // The user's own data (settings, tokens, unsent edits, caches): the file is 0600 and
        // folders created for it are 0700.
        Private,
        // A file the user hands on (an export): the umask decides, an existing file keeps its
        // mode.
        Shared,
    };

    // Replaces `path` with `data`, creating missing folders. Returns the reason on failure, in
    // the system's words ("No space left on device"); the old file is then unchanged.
    static std::optional<QString> write(const QString &path, const QByteArray &data,
                                        Access access = Access::Private);

    // Creates `path` (and missing parents) with mode 0700, or takes group and others' access
    // away from an existing one. For the application's own folders only.
    static std::optional<QString> makePrivateFolder(const QString &path);

    // The temporary files a write of `path` uses, for tests that look for strays.
    static bool isTemporaryFileOf(const QString &fileName, const QString &path);

    // The system calls that fail on a full or broken disk. Tests that can't mount a small file
    // system replace them (ScopedSystemCalls) to fail one on purpose.
    struct SystemCalls
    {
        // Each returns -1 and sets errno on failure, like the call it stands for.
        qint64 (*write)(int fd, const char *data, qint64 size);
        int (*sync)(int fd);
        int (*rename)(const char *from, const char *to);
    };
    static SystemCalls realSystemCalls();
    class ScopedSystemCalls
    {
    public:
        explicit ScopedSystemCalls(const SystemCalls &calls);
        ~ScopedSystemCalls();
        ScopedSystemCalls(const ScopedSystemCalls &) = delete;
        ScopedSystemCalls &operator=(const ScopedSystemCalls &) = delete;

    private:
        SystemCalls m_previous;
    };
};
