// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

class Session;

// Which admin sessions watch which user (user.watch, docs/protocol.md §9.3): at most one user per
// session, any number of sessions per user. The Server pushes each committed change of a user to
// that user's watchers.
class WatchList
{
public:
    // Replaces what `session` watched before.
    void watch(Session *session, const QString &userId);
    void unwatch(Session *session);
    QList<Session *> watchers(const QString &userId) const { return m_byUser.value(userId); }
    bool isEmpty() const { return m_byUser.isEmpty(); }

private:
    QHash<QString, QList<Session *>> m_byUser;
    QHash<Session *, QString> m_bySession;
};
