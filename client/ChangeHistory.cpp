// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeHistory.h"

#include <algorithm>

ChangeHistory::ChangeHistory(QObject *parent)
    : QObject(parent)
{ }

void ChangeHistory::replace(QList<AuditEntry> entries)
{
    // The log's ids grow with each record: the highest is the newest.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const AuditEntry &a, const AuditEntry &b) { return a.id > b.id; });
    if (entries.size() > maxEntries)
        entries.resize(maxEntries);
    const auto sameIds = [](const QList<AuditEntry> &a, const QList<AuditEntry> &b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                          [](const AuditEntry &x, const AuditEntry &y) { return x.id == y.id; });
    };
    if (sameIds(entries, m_entries))
        return; // a snapshot after each lock or rename: most bring nothing new
    emit aboutToReset();
    m_entries = std::move(entries);
    emit reset();
}

void ChangeHistory::add(const AuditEntry &entry)
{
    const bool known = std::any_of(m_entries.begin(), m_entries.end(),
                                   [&entry](const AuditEntry &e) { return e.id == entry.id; });
    if (known)
        return;
    if (!m_entries.isEmpty() && entry.id < m_entries.constFirst().id) {
        // Not the newest (pushes come in order, but the list stays sorted whatever comes).
        replace(m_entries + QList<AuditEntry> {entry});
        return;
    }
    if (m_entries.size() >= maxEntries) {
        emit aboutToDropOldest(maxEntries - 1);
        m_entries.resize(maxEntries - 1);
        emit droppedOldest();
    }
    emit aboutToPrepend();
    m_entries.prepend(entry);
    emit prepended();
}
