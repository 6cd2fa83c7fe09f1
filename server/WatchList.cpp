// SPDX-License-Identifier: GPL-3.0-or-later
#include "WatchList.h"

void WatchList::watch(Session *session, const QString &userId)
{
    unwatch(session);
    m_bySession.insert(session, userId);
    m_byUser[userId].append(session);
}

void WatchList::unwatch(Session *session)
{
    const auto found = m_bySession.constFind(session);
    if (found == m_bySession.constEnd())
        return;
    auto watchers = m_byUser.find(*found);
    watchers->removeOne(session);
    if (watchers->isEmpty())
        m_byUser.erase(watchers);
    m_bySession.erase(found);
}
