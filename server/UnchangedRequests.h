// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

// The request ids of edits that changed nothing, with the revision they were answered with.
// Kept in memory rather than in the database, so that such an edit writes nothing; a resend is
// still answered once (docs/protocol.md 4.4) while the server runs. The last `perUser` ids of
// each user are kept.
class UnchangedRequests
{
public:
    static constexpr int perUser = 64;

    std::optional<qint64> revision(const QString &userId, const QString &requestId) const;
    void remember(const QString &userId, const QString &requestId, qint64 revision);

private:
    // A ring of the user's latest ids, oldest overwritten first.
    struct Recent
    {
        std::vector<std::pair<QString, qint64>> entries;
        std::size_t next = 0;
    };
    QHash<QString, Recent> m_byUser;
};
