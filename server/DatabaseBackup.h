// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class Database;

// followme-admin backup: a consistent copy of the open database while a server may be writing
// it (SQLite's VACUUM INTO reads one snapshot). The copy is written under a temporary name and
// renamed into place only once it is complete, on disk and passes quick_check; it is the
// owner's alone (0600).
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    explicit DatabaseBackup(const Database &database);

    // Replaces `destination` (if it exists) only when the new copy is sound.
    bool write(const QString &destination, QString *error) const;

private:
    bool checkCopy(const QString &path, QString *error) const;

    const Database &m_database;
};
