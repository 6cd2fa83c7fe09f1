// SPDX-License-Identifier: GPL-3.0-or-later
#include "UnchangedRequests.h"

std::optional<qint64> UnchangedRequests::revision(const QString &userId,
                                                  const QString &requestId) const
{
    const auto it = m_byUser.constFind(userId);
    if (it == m_byUser.cend())
        return std::nullopt;
    for (const auto &[id, revision] : it->entries) {
        if (id == requestId)
            return revision;
    }
    return std::nullopt;
}

void UnchangedRequests::remember(const QString &userId, const QString &requestId, qint64 revision)
{
    Recent &recent = m_byUser[userId];
    if (recent.entries.size() < std::size_t(perUser)) {
        recent.entries.emplace_back(requestId, revision);
        return;
    }
    recent.entries[recent.next] = {requestId, revision};
    recent.next = (recent.next + 1) % recent.entries.size();
}
