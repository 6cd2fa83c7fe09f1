// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileClock.h"

#include "ProfileEditing.h"
#include "ServerLog.h"
#include "SettingsRepository.h"

#include <algorithm>

ProfileClock::ProfileClock(const SettingsRepository &settings, Clock clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ProfileClock::fire);
}

bool ProfileClock::start()
{
    const auto users = m_settings.scheduledUsers();
    if (!users) {
        qCWarning(lcServer) << "cannot read which users have profiles: their schedules wait for "
                               "their next change";
        return false;
    }
    for (const QString &userId : *users)
        refresh(userId);
    return true;
}

void ProfileClock::refresh(const QString &userId)
{
    const auto settings = m_settings.settings(userId);
    if (settings.failed()) {
        // The database had a moment: looked at again in a minute rather than forgotten.
        setWake(userId, m_clock().addSecs(60));
        return;
    }
    if (!settings.hasValue()) {
        forget(userId); // removed
        return;
    }
    const QDateTime now = m_clock();
    auto wake = ProfileEditing::nextWake(*settings, now);
    // Due again right after it was followed: what was committed does not read back as
    // followed. Not a reason to spin; a minute later is soon enough to try again.
    const auto fired = m_firedAt.constFind(userId);
    if (wake && *wake <= now && fired != m_firedAt.constEnd()
        && now.toSecsSinceEpoch() - *fired <= 2) {
        qCWarning(lcServer) << "the schedule of" << userId
                            << "is due again at once; next try in "
                               "a minute";
        wake = now.addSecs(60);
    }
    setWake(userId, wake);
}

void ProfileClock::forget(const QString &userId)
{
    m_firedAt.remove(userId);
    setWake(userId, std::nullopt);
}

std::optional<QDateTime> ProfileClock::wakeOf(const QString &userId) const
{
    const auto it = m_wakes.constFind(userId);
    if (it == m_wakes.constEnd())
        return std::nullopt;
    return *it;
}

void ProfileClock::setWake(const QString &userId, const std::optional<QDateTime> &wake)
{
    if (const auto it = m_wakes.constFind(userId); it != m_wakes.constEnd()) {
        m_queue.remove(*it, userId);
        m_wakes.erase(it);
    }
    if (wake) {
        m_wakes.insert(userId, *wake);
        m_queue.insert(*wake, userId);
    }
    arm();
}

void ProfileClock::arm()
{
    if (m_queue.isEmpty()) {
        m_timer.stop();
        return;
    }
    const qint64 untilFirst = m_clock().msecsTo(m_queue.firstKey());
    m_timer.start(int(std::clamp<qint64>(untilFirst, 0, longestSleepMs)));
}

void ProfileClock::fire()
{
    const QDateTime now = m_clock();
    QStringList dueUsers;
    while (!m_queue.isEmpty() && m_queue.firstKey() <= now) {
        const QString userId = m_queue.first();
        m_queue.erase(m_queue.begin());
        m_wakes.remove(userId);
        m_firedAt.insert(userId, now.toSecsSinceEpoch());
        dueUsers.append(userId);
    }
    arm();
    // Each comes back through refresh() once its switch is committed.
    for (const QString &userId : std::as_const(dueUsers))
        emit due(userId);
}
