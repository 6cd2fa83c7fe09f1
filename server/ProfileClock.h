// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QMultiMap>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

class SettingsRepository;

// Keeps every user's active profile on time with no client connected: it knows when each
// user's schedule or override next has something to do (ProfileEdits::nextWake) and, at that
// instant, asks for the schedule to be followed (due()), which the server commits like any edit.
// One timer for the whole server, set to the earliest user; it wakes at least hourly, so a wall
// clock that jumped (a suspended machine, NTP) is caught up with.
class ProfileClock : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    ProfileClock(const SettingsRepository &settings, Clock clock, QObject *parent = nullptr);

    // Reads every user with profiles; users already due are due at once. False: the read
    // failed (logged), and users are added as they change.
    bool start();
    // The user's settings changed (or may have): read them again and set their wake.
    void refresh(const QString &userId);
    void forget(const QString &userId);
    std::optional<QDateTime> wakeOf(const QString &userId) const;

signals:
    // The user's schedule or override has something to do now.
    void due(const QString &userId);

private:
    void setWake(const QString &userId, const std::optional<QDateTime> &wake);
    void arm();
    void fire();

    static constexpr qint64 longestSleepMs = 3600 * 1000;

    const SettingsRepository &m_settings;
    Clock m_clock;
    QTimer m_timer;
    QMultiMap<QDateTime, QString> m_queue;
    QHash<QString, QDateTime> m_wakes;
    // When each user was last due (seconds), to tell a switch that doesn't hold from a new one.
    QHash<QString, qint64> m_firedAt;
};
