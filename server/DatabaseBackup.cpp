// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseBackup.h"

#include "Database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<int> checkCounter;

// The copy's bytes must be on disk before the rename makes it the backup.
bool syncToDisk(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
#else
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.flush();
#endif
}

} // namespace

DatabaseBackup::DatabaseBackup(const Database &database)
    : m_database(database)
{ }

bool DatabaseBackup::write(const QString &destination, QString *error) const
{
    const QFileInfo target(destination);
    const QString finalPath = target.absoluteFilePath();
    // Compared as the files they are (links resolved): renaming over the database's -wal file
    // under a running server would lose its latest commits.
    const QString folder = target.absoluteDir().canonicalPath();
    const QString real =
        target.exists() ? target.canonicalFilePath() : QDir(folder).filePath(target.fileName());
    const QString database = m_database.path();
    const QStringList parts {database, database + u"-wal"_s, database + u"-shm"_s,
                             database + u"-journal"_s, database + u".lock"_s};
    for (const QString &part : parts) {
        if (real == part) {
            *error = tr("the backup cannot replace the database or one of its files (%1)")
                         .arg(QDir::toNativeSeparators(part));
            return false;
        }
    }
    const QString partial = target.absoluteDir().filePath(u".%1.partial-%2"_s.arg(
        target.fileName(), QUuid::createUuid().toString(QUuid::WithoutBraces)));
    // VACUUM INTO accepts an existing empty file; creating it first sets its mode.
    {
        QFile file(partial);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFile::ReadOwner | QFile::WriteOwner)) {
            *error = tr("cannot create %1: %2").arg(partial, file.errorString());
            return false;
        }
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(partial);
    bool written = query.exec();
    if (!written)
        *error = tr("cannot copy the database: %1").arg(query.lastError().text());
    written = written && checkCopy(partial, error);
    if (written && !syncToDisk(partial)) {
        *error = tr("cannot write %1 to disk").arg(partial);
        written = false;
    }
    std::error_code renameError;
    if (written) {
        std::filesystem::rename(QFile::encodeName(partial).toStdString(),
                                QFile::encodeName(finalPath).toStdString(), renameError);
        if (renameError) {
            *error = tr("cannot rename %1 to %2: %3")
                         .arg(partial, finalPath, QString::fromStdString(renameError.message()));
            written = false;
        }
    }
    if (!written) {
        QFile::remove(partial);
        return false;
    }
    syncToDisk(target.absolutePath()); // the rename itself; best effort
    return true;
}

bool DatabaseBackup::checkCopy(const QString &path, QString *error) const
{
    const QString name = u"followme-backup-check-%1"_s.arg(checkCounter.fetchAndAddRelaxed(1));
    bool intact = false;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            intact = query.exec(u"PRAGMA quick_check"_s) && query.next()
                && query.value(0).toString() == u"ok";
            problem = intact ? QString()
                             : (query.lastError().isValid() ? query.lastError().text()
                                                            : query.value(0).toString());
        } else {
            problem = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!intact)
        *error = tr("the copy failed its check (%1); nothing was replaced").arg(problem);
    return intact;
}
