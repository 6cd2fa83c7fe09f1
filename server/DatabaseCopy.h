// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class Database;

// Moves an installation: copies every table of one open database into another, empty one of
// the same schema version (followme-admin --db FILE copy-to postgresql://…): users, tokens (as
// the hashes they are), devices, workspaces, rules, revisions, remembered request ids, what
// happens to unanswered calls and the audit log, with their ids. The source is read in one read
// transaction, so a server running on it meanwhile can't mix two states; the target is written
// in one transaction, so a failed copy leaves it empty. Then every row is read back from both and
// compared, column by column.
class DatabaseCopy
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)

public:
    DatabaseCopy(const Database &source, const Database &target);

    // The rows copied per table (what was verified); nothing, with the reason, on failure.
    std::optional<QJsonObject> run(QString *error) const;

private:
    bool targetIsEmpty(QString *error) const;
    bool copyTables(QJsonObject *counts, QString *error) const;
    bool verify(QString *error) const;

    const Database &m_source;
    const Database &m_target;
};
