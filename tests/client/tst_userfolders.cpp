// SPDX-License-Identifier: GPL-3.0-or-later
// UserFolders: the client's folders and QSettings' file become the user's alone, new or left
// readable by an older version. The XDG variables point into a temporary folder, set before
// QSettings first looks at them.
#include "UserFolders.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QTemporaryDir *home = nullptr;

QFile::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
}

constexpr QFile::Permissions ownerAll = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions readable =
    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;

} // namespace

class TestUserFolders : public QObject
{
    Q_OBJECT

private slots:
    void foldersAreWhereTheFilesGo()
    {
        const QStringList folders = UserFolders::paths();
        QCOMPARE(folders.size(), 2);
        QCOMPARE(folders.at(0), home->filePath(u"config/FollowMe"_s));
        QCOMPARE(QFileInfo(QSettings().fileName()).absolutePath(), folders.at(0));
        QCOMPARE(folders.at(1), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY(folders.at(1).startsWith(home->filePath(u"data/"_s)));
    }

    void newFoldersAreTheUsersAlone()
    {
#ifndef Q_OS_UNIX
        QSKIP("file modes are Unix's");
#else
        QCOMPARE(UserFolders::makePrivate(), QStringList());
        for (const QString &folder : UserFolders::paths()) {
            QVERIFY2(QFileInfo(folder).isDir(), qPrintable(folder));
            QCOMPARE(modeOf(folder), ownerAll);
        }
#endif
    }

    // What an older FollowMe left: folders 0755 and a settings file 0644.
    void oldReadableFilesAreTightened()
    {
#ifndef Q_OS_UNIX
        QSKIP("file modes are Unix's");
#else
        // Made by hand as the older version did, whatever ran before.
        for (const QString &folder : UserFolders::paths())
            QVERIFY(QDir().mkpath(folder));
        QSettings().setValue(u"sync/server"_s, u"ws://pbx.example:8765/"_s);
        QSettings().sync();
        const QString file = QSettings().fileName();
        QVERIFY(QFile::setPermissions(
            file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        for (const QString &folder : UserFolders::paths())
            QVERIFY(QFile::setPermissions(folder, ownerAll | readable));

        QCOMPARE(UserFolders::makePrivate(), QStringList());
        QCOMPARE(modeOf(file), QFile::ReadOwner | QFile::WriteOwner);
        for (const QString &folder : UserFolders::paths())
            QCOMPARE(modeOf(folder), ownerAll);
        // Nothing in it was lost.
        QCOMPARE(QSettings().value(u"sync/server"_s).toString(), u"ws://pbx.example:8765/"_s);
#endif
    }
};

int main(int argc, char *argv[])
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    home = &dir;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"data"_s)));
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FollowMe"_s);
    QCoreApplication::setApplicationName(u"FollowMe"_s);
    TestUserFolders test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_userfolders.moc"
