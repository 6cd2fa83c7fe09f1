// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QTimer>

#include <chrono>

class ChangeLog;
class Database;

// Listens, on a PostgreSQL connection of its own, for the changes other servers on the database
// commit (ChangeLog's notifications), and keeps that connection alive: every check it makes a
// round trip, and a lost connection (PostgreSQL restarted) is opened again at the next check.
// Notifications sent while it was lost are gone, so then it says that changes may have been
// missed.
//
// Each connection gets a driver of its own, dropped with it, so nothing of a lost connection
// stays behind.
class PeerChangeListener : public QObject
{
    Q_OBJECT

public:
    PeerChangeListener(const Database &database, const ChangeLog &log,
                       std::chrono::milliseconds checkInterval, QObject *parent = nullptr);
    ~PeerChangeListener() override;

    // Opens the connection and listens; the checks begin.
    bool start(QString *error);
    bool isListening() const { return m_listening; }

    // A check finds the connection healthy once in this many.
    static constexpr int checksPerHeartbeat = 5;

signals:
    // Another server (or followme-admin) committed change `id` of the change log, which
    // concerns `userId` (empty: any user).
    void changeCommitted(qint64 id, const QString &userId);
    // Listening again after the connection was lost: changes may have been committed unheard.
    void changesMissed();
    // Every notification sent up to now has been handed on, and the connection is healthy
    // (every checksPerHeartbeat checks).
    void caughtUp();

private:
    bool listen(QString *error);
    void stopListening();
    void check();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    const Database &m_database;
    const ChangeLog &m_log;
    int m_number; // of this listener, for its connection names
    int m_connections = 0; // opened so far
    QString m_connectionName; // the current connection's; empty while there is none
    QTimer m_timer;
    bool m_listening = false;
    int m_healthyChecks = 0;
};
