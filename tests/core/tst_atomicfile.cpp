// SPDX-License-Identifier: GPL-3.0-or-later
// AtomicFile: whole files or the old one, modes, folders, links, stray temporaries, and every
// failing system call (through its seam; tests/fault/tst_faultfulldisk fills a real disk).
#include "AtomicFile.h"
#include "TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <thread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// The seam's failing calls: the first `failAfter` calls succeed (for real), then each fails
// with `failWith`.
int failWith = 0;
int failAfter = 0;

bool shouldFail()
{
    if (failAfter > 0) {
        --failAfter;
        return false;
    }
    errno = failWith;
    return true;
}

qint64 failingWrite(int fd, const char *data, qint64 size)
{
    return shouldFail() ? -1 : AtomicFile::realSystemCalls().write(fd, data, size);
}

int failingSync(int fd)
{
    return shouldFail() ? -1 : AtomicFile::realSystemCalls().sync(fd);
}

int failingRename(const char *from, const char *to)
{
    return shouldFail() ? -1 : AtomicFile::realSystemCalls().rename(from, to);
}

// Writes that stop after half the data, as a disk filling up mid-write does.
qint64 shortWrite(int fd, const char *data, qint64 size)
{
    if (shouldFail())
        return -1;
    failAfter = 0; // the next call fails
    return AtomicFile::realSystemCalls().write(fd, data, std::max<qint64>(1, size / 2));
}

QFile::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path)
        & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser); // the same bits again
}

constexpr QFile::Permissions ownerReadWrite = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions ownerAll = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void writesNewFile();
    void replacesExistingFile();
    void privateFileIsTheUsersAlone();
    void privateFolderIsCreatedTheUsersAlone();
    void makePrivateFolderTightensAnExistingOne();
    void sharedFileKeepsItsMode();
    void writesThroughALink();
    void writesThroughAChainOfLinks();
    void concurrentWritersOfOneFile();
    void folderThatIsAFile();
    void failingCallKeepsTheOldFile_data();
    void failingCallKeepsTheOldFile();
    void shortWriteThenFullDisk();
    void straysOfDeadWritersAreRemoved();
    void liveWritersTemporaryIsLeftAlone();
    void temporaryNames();

private:
    QStringList entries() const;
    QString path(const QString &name = u"plan.json"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAtomicFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList TestAtomicFile::entries() const
{
    return QDir(m_dir->path())
        .entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

void TestAtomicFile::writesNewFile()
{
    QCOMPARE(AtomicFile::write(path(), "{\"a\":1}"), std::nullopt);
    QCOMPARE(readAll(path()), QByteArray("{\"a\":1}"));
    QCOMPARE(entries(), QStringList {u"plan.json"_s});
    // An empty file is a file too.
    QCOMPARE(AtomicFile::write(path(u"empty"_s), QByteArray()), std::nullopt);
    QVERIFY(QFileInfo(path(u"empty"_s)).isFile());
    QCOMPARE(QFileInfo(path(u"empty"_s)).size(), 0);
}

void TestAtomicFile::replacesExistingFile()
{
    QVERIFY(writeAll(path(), QByteArray(10000, 'x')));
    QCOMPARE(AtomicFile::write(path(), "short"), std::nullopt);
    QCOMPARE(readAll(path()), QByteArray("short"));
    QCOMPARE(entries(), QStringList {u"plan.json"_s});
}

void TestAtomicFile::privateFileIsTheUsersAlone()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix's");
#else
    QCOMPARE(AtomicFile::write(path(), "new"), std::nullopt);
    QCOMPARE(modeOf(path()), ownerReadWrite);
    // A file an older version left readable by everyone is tightened by the next write.
    QVERIFY(QFile::setPermissions(path(), ownerReadWrite | QFile::ReadGroup | QFile::ReadOther));
    QCOMPARE(AtomicFile::write(path(), "again"), std::nullopt);
    QCOMPARE(modeOf(path()), ownerReadWrite);
#endif
}

void TestAtomicFile::privateFolderIsCreatedTheUsersAlone()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix's");
#else
    const QString nested = path(u"a/b/plan.json"_s);
    QCOMPARE(AtomicFile::write(nested, "x"), std::nullopt);
    QCOMPARE(readAll(nested), QByteArray("x"));
    QCOMPARE(modeOf(path(u"a"_s)), ownerAll);
    QCOMPARE(modeOf(path(u"a/b"_s)), ownerAll);
    // Folders that were there are not the writer's to change.
    QCOMPARE(modeOf(m_dir->path()), ownerAll); // QTemporaryDir's own
    const QString shared = path(u"shared"_s);
    QVERIFY(QDir().mkdir(shared, ownerAll | QFile::ReadOther | QFile::ExeOther));
    QCOMPARE(AtomicFile::write(shared + u"/plan.json"_s, "x"), std::nullopt);
    QCOMPARE(modeOf(shared), ownerAll | QFile::ReadOther | QFile::ExeOther);
#endif
}

void TestAtomicFile::makePrivateFolderTightensAnExistingOne()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix's");
#else
    const QString folder = path(u"FollowMe"_s);
    QVERIFY(QDir().mkdir(folder,
                         ownerAll | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                             | QFile::ExeOther));
    QCOMPARE(AtomicFile::makePrivateFolder(folder), std::nullopt);
    QCOMPARE(modeOf(folder), ownerAll);
    QCOMPARE(AtomicFile::makePrivateFolder(path(u"new/deeper"_s)), std::nullopt);
    QCOMPARE(modeOf(path(u"new"_s)), ownerAll);
    QCOMPARE(modeOf(path(u"new/deeper"_s)), ownerAll);
#endif
}

void TestAtomicFile::sharedFileKeepsItsMode()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix's");
#else
    QVERIFY(writeAll(path(u"timeline.svg"_s), "old"));
    const QFile::Permissions mode = ownerReadWrite | QFile::ReadGroup | QFile::WriteGroup;
    QVERIFY(QFile::setPermissions(path(u"timeline.svg"_s), mode));
    QCOMPARE(AtomicFile::write(path(u"timeline.svg"_s), "new", AtomicFile::Access::Shared),
             std::nullopt);
    QCOMPARE(readAll(path(u"timeline.svg"_s)), QByteArray("new"));
    QCOMPARE(modeOf(path(u"timeline.svg"_s)), mode);
    // A new shared file gets the umask's mode: readable by others under the usual 022.
    const mode_t mask = ::umask(022);
    QCOMPARE(AtomicFile::write(path(u"new.svg"_s), "new", AtomicFile::Access::Shared),
             std::nullopt);
    ::umask(mask);
    QCOMPARE(modeOf(path(u"new.svg"_s)), ownerReadWrite | QFile::ReadGroup | QFile::ReadOther);
#endif
}

void TestAtomicFile::writesThroughALink()
{
    QVERIFY(QDir().mkdir(path(u"real"_s)));
    QVERIFY(writeAll(path(u"real/plan.json"_s), "old"));
    QVERIFY(QFile::link(path(u"real/plan.json"_s), path(u"link.json"_s)));
    QCOMPARE(AtomicFile::write(path(u"link.json"_s), "new"), std::nullopt);
    QVERIFY(QFileInfo(path(u"link.json"_s)).isSymLink());
    QCOMPARE(readAll(path(u"real/plan.json"_s)), QByteArray("new"));
    QCOMPARE(QDir(path(u"real"_s)).entryList(QDir::Files | QDir::Hidden),
             QStringList {u"plan.json"_s});
}

void TestAtomicFile::writesThroughAChainOfLinks()
{
    QVERIFY(writeAll(path(u"real.json"_s), "old"));
    QVERIFY(QFile::link(path(u"real.json"_s), path(u"second.json"_s)));
    QVERIFY(QFile::link(path(u"second.json"_s), path(u"first.json"_s)));
    QCOMPARE(AtomicFile::write(path(u"first.json"_s), "new"), std::nullopt);
    QVERIFY(QFileInfo(path(u"first.json"_s)).isSymbolicLink());
    QVERIFY(QFileInfo(path(u"second.json"_s)).isSymbolicLink());
    QCOMPARE(readAll(path(u"real.json"_s)), QByteArray("new"));
}

// Two writers of one file at once (two FollowMe processes; flock treats two descriptors in one
// process alike): neither's sweep takes the other's temporary away, every write succeeds.
void TestAtomicFile::concurrentWritersOfOneFile()
{
    std::atomic<int> failures = 0;
    const QString target = path();
    const auto writer = [&failures, target](char fill) {
        const QByteArray content(2000, fill);
        for (int i = 0; i < 1500; ++i) {
            if (AtomicFile::write(target, content))
                ++failures;
        }
    };
    std::thread first(writer, 'a');
    std::thread second(writer, 'b');
    first.join();
    second.join();
    QCOMPARE(failures.load(), 0);
    const QByteArray content = readAll(target);
    QCOMPARE(content.size(), 2000);
    QCOMPARE(content.count(content.at(0)), 2000);
    QCOMPARE(entries(), QStringList {u"plan.json"_s});
}

void TestAtomicFile::folderThatIsAFile()
{
    QVERIFY(writeAll(path(u"blocker"_s), "a file"));
    const auto problem = AtomicFile::write(path(u"blocker/plan.json"_s), "x");
    QVERIFY(problem);
    QVERIFY2(problem->contains(u"blocker"_s), qPrintable(*problem));
    QCOMPARE(readAll(path(u"blocker"_s)), QByteArray("a file"));
    QCOMPARE(entries(), QStringList {u"blocker"_s});
}

void TestAtomicFile::failingCallKeepsTheOldFile_data()
{
    QTest::addColumn<int>("call"); // 0 write, 1 sync of the file, 2 rename, 3 sync of the folder
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("replaced"); // the new content is there: no failure to report
    QTest::newRow("write, disk full") << 0 << ENOSPC << false;
#ifdef EDQUOT
    QTest::newRow("write, quota") << 0 << EDQUOT << false;
#endif
    QTest::newRow("write, I/O error") << 0 << EIO << false;
    QTest::newRow("fsync, disk full") << 1 << ENOSPC << false;
    QTest::newRow("fsync, I/O error") << 1 << EIO << false;
    QTest::newRow("rename, read-only") << 2 << EROFS << false;
    // After the rename the old file is gone: a folder that can't be synced (EINVAL on some
    // file systems) is a warning, not a failure the caller would retry for ever.
    QTest::newRow("folder fsync, I/O error") << 3 << EIO << true;
    QTest::newRow("folder fsync, unsupported") << 3 << EINVAL << true;
}

void TestAtomicFile::failingCallKeepsTheOldFile()
{
#ifndef Q_OS_UNIX
    QSKIP("the seam replaces POSIX calls");
#else
    QFETCH(int, call);
    QFETCH(int, error);
    QFETCH(bool, replaced);
    QVERIFY(writeAll(path(), "old content"));
    AtomicFile::SystemCalls calls = AtomicFile::realSystemCalls();
    failWith = error;
    failAfter = 0;
    if (call == 0)
        calls.write = failingWrite;
    else if (call == 1 || call == 3)
        calls.sync = failingSync;
    else
        calls.rename = failingRename;
    if (call == 3)
        failAfter = 1; // the file's own fsync works
    std::optional<QString> problem;
    {
        const AtomicFile::ScopedSystemCalls seam(calls);
        if (error == EIO && call == 3)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"could not be synced"_s));
        problem = AtomicFile::write(path(), "new content");
    }
    QCOMPARE(problem, replaced ? std::nullopt : std::optional<QString>(qt_error_string(error)));
    QCOMPARE(readAll(path()), replaced ? QByteArray("new content") : QByteArray("old content"));
    QCOMPARE(entries(), QStringList {u"plan.json"_s});
    // The real calls are back.
    QCOMPARE(AtomicFile::write(path(), "newer"), std::nullopt);
    QCOMPARE(readAll(path()), QByteArray("newer"));
#endif
}

void TestAtomicFile::shortWriteThenFullDisk()
{
#ifndef Q_OS_UNIX
    QSKIP("the seam replaces POSIX calls");
#else
    QVERIFY(writeAll(path(), "old content"));
    AtomicFile::SystemCalls calls = AtomicFile::realSystemCalls();
    calls.write = shortWrite;
    failWith = ENOSPC;
    failAfter = 1; // a short write first, then the disk is full
    std::optional<QString> problem;
    {
        const AtomicFile::ScopedSystemCalls seam(calls);
        problem = AtomicFile::write(path(), QByteArray(4096, 'n'));
    }
    QCOMPARE(problem, std::optional<QString>(qt_error_string(ENOSPC)));
    QCOMPARE(readAll(path()), QByteArray("old content"));
    QCOMPARE(entries(), QStringList {u"plan.json"_s});
#endif
}

void TestAtomicFile::straysOfDeadWritersAreRemoved()
{
#ifndef Q_OS_UNIX
    QSKIP("strays are swept on Unix");
#else
    // What a save killed half way leaves: a temporary that nobody holds a lock on.
    QVERIFY(writeAll(path(u".plan.json.k3x9a.saving"_s), "half"));
    QVERIFY(writeAll(path(u".other.json.k3x9a.saving"_s), "another file's"));
    QCOMPARE(AtomicFile::write(path(), "whole"), std::nullopt);
    QCOMPARE(entries(), (QStringList {u".other.json.k3x9a.saving"_s, u"plan.json"_s}));
#endif
}

void TestAtomicFile::liveWritersTemporaryIsLeftAlone()
{
#ifndef Q_OS_UNIX
    QSKIP("strays are swept on Unix");
#else
    // Another process writing the same file right now holds its temporary's lock.
    const QString live = path(u".plan.json.live01.saving"_s);
    QVERIFY(writeAll(live, "being written"));
    const int fd = ::open(QFile::encodeName(live).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    // flock locks belong to the open file description: a second open() in this process
    // conflicts with it exactly as another process would.
    QCOMPARE(::flock(fd, LOCK_EX), 0);
    QCOMPARE(AtomicFile::write(path(), "mine"), std::nullopt);
    QVERIFY(QFileInfo::exists(live));
    ::close(fd);
    QCOMPARE(AtomicFile::write(path(), "mine again"), std::nullopt);
    QVERIFY(!QFileInfo::exists(live));
#endif
}

void TestAtomicFile::temporaryNames()
{
    const QString target = u"/x/plan.json"_s;
    QVERIFY(AtomicFile::isTemporaryFileOf(u".plan.json.abc.saving"_s, target));
    QVERIFY(!AtomicFile::isTemporaryFileOf(u".plan.json..saving"_s, target));
    QVERIFY(!AtomicFile::isTemporaryFileOf(u"plan.json.abc.saving"_s, target));
    QVERIFY(!AtomicFile::isTemporaryFileOf(u".plan.json.abc"_s, target));
    QVERIFY(!AtomicFile::isTemporaryFileOf(u".plan.jsonx.abc.saving"_s, target));
    QVERIFY(!AtomicFile::isTemporaryFileOf(u".plan.json"_s, target));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
