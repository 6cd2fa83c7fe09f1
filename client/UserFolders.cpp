#include "UserFolders.h"

#include "AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

QStringList UserFolders::paths()
{
    // QSettings' file sits in the organisation's folder, beside the application's config folder.
    const QString settingsFolder = QFileInfo(QSettings().fileName()).absolutePath();
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return {settingsFolder, data};
}

QStringList UserFolders::makePrivate()
{
    QStringList problems;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // Elsewhere these folders are the user's by the platform's rules (AppData, ~/Library, whose
    // Preferences folder holds every application's settings and is not FollowMe's to change).
    for (const QString &folder : paths()) {
        if (const auto problem = AtomicFile::makePrivateFolder(folder))
            problems.append(*problem);
    }
    const QString settingsFile = QSettings().fileName();
    const QFile::Permissions ownerOnly =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    if (QFileInfo::exists(settingsFile) && QFile::permissions(settingsFile) != ownerOnly
        && !QFile::setPermissions(settingsFile, ownerOnly))
        problems.append(
            tr("%1 can't be made yours alone").arg(QDir::toNativeSeparators(settingsFile)));
#endif
    return problems;
}
