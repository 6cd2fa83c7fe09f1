// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class Session;

// Caps the connections of one peer address that have not logged in yet (docs/server.md,
// "Security notes"): a host opening connections it never logs in on can hold only so many
// sockets, timers and frame buffers. Sessions that have logged in no longer count.
class PreLoginGate : public QObject
{
    Q_OBJECT

public:
    explicit PreLoginGate(int limitPerAddress, QObject *parent = nullptr);

    int limit() const { return m_limit; }
    // Counts `session` against its address until it logs in or goes; false, and not counted,
    // when the address already has `limit()` such sessions.
    bool admit(Session *session);
    int waiting(const QString &address) const { return m_waiting.value(address); }

private:
    void release(const QString &address);

    int m_limit;
    QHash<QString, int> m_waiting;
};
