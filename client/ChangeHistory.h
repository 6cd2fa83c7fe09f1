// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"

#include <QList>
#include <QObject>

// The latest changes of the user's settings made by someone else (an administrator), newest
// first, as the server tells them: a snapshot brings the whole list (recentChanges), a push of
// such a change brings one more (its `change`). Kept with the snapshot cache, so the list is
// there offline too.
class ChangeHistory : public QObject
{
    Q_OBJECT

public:
    // As many as a snapshot carries (docs/protocol.md, section 3.1).
    static constexpr int maxEntries = 10;

    explicit ChangeHistory(QObject *parent = nullptr);

    const QList<AuditEntry> &entries() const { return m_entries; }

    // The whole list, from a snapshot or the cache; sorted newest first, at most maxEntries.
    void replace(QList<AuditEntry> entries);
    // One change just made (a push): in front, unless it is known already; the oldest goes
    // when the list is full.
    void add(const AuditEntry &entry);
    void clear() { replace({}); }

signals:
    void aboutToReset();
    void reset();
    // add(): the oldest entries from `first` to the end go (when the list is full), then one
    // comes in front; the steps of a model's row removal and insertion.
    void aboutToDropOldest(int first);
    void droppedOldest();
    void aboutToPrepend();
    void prepended();

private:
    QList<AuditEntry> m_entries;
};
