// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreLoginGate.h"

#include "Session.h"

PreLoginGate::PreLoginGate(int limitPerAddress, QObject *parent)
    : QObject(parent)
    , m_limit(limitPerAddress)
{ }

bool PreLoginGate::admit(Session *session)
{
    const QString address = session->peerAddress();
    int &count = m_waiting[address];
    if (count >= m_limit)
        return false;
    ++count;
    connect(session, &Session::preLoginEnded, this, [this, address] { release(address); });
    return true;
}

void PreLoginGate::release(const QString &address)
{
    const auto it = m_waiting.find(address);
    if (it == m_waiting.end())
        return;
    if (--*it <= 0)
        m_waiting.erase(it);
}
