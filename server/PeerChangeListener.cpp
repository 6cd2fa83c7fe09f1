// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerChangeListener.h"

#include "ChangeLog.h"
#include "Database.h"
#include "ServerLog.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
QAtomicInteger<int> listenerCounter;
}

PeerChangeListener::PeerChangeListener(const Database &database, const ChangeLog &log,
                                       std::chrono::milliseconds checkInterval, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_log(log)
    , m_number(listenerCounter.fetchAndAddRelaxed(1))
{
    m_timer.setInterval(checkInterval);
    connect(&m_timer, &QTimer::timeout, this, &PeerChangeListener::check);
}

PeerChangeListener::~PeerChangeListener()
{
    stopListening();
}

bool PeerChangeListener::start(QString *error)
{
    if (!listen(error))
        return false;
    m_timer.start();
    return true;
}

bool PeerChangeListener::listen(QString *error)
{
    stopListening(); // what is left of the connection before
    m_connectionName = u"followme-listener-%1-%2"_s.arg(m_number).arg(++m_connections);
    bool listening = false;
    {
        // The same database and credentials as the server's own connection.
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_database.connection(), m_connectionName);
        QSqlDriver *driver = db.driver();
        connect(driver, &QSqlDriver::notification, this, &PeerChangeListener::onNotification);
        if (!db.open()) {
            *error = db.lastError().text();
        } else if (!driver->subscribeToNotification(QString::fromUtf16(ChangeLog::channel))) {
            *error = driver->lastError().text();
        } else {
            listening = true;
        }
    }
    if (!listening) {
        stopListening();
        return false;
    }
    m_listening = true;
    return true;
}

void PeerChangeListener::stopListening()
{
    m_listening = false;
    m_healthyChecks = 0;
    if (m_connectionName.isEmpty())
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    // The driver goes with its connection, and its notifier with it.
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

void PeerChangeListener::check()
{
    if (m_listening) {
        bool healthy = false;
        QString problem;
        {
            QSqlQuery ping(QSqlDatabase::database(m_connectionName, false));
            healthy = ping.exec(u"SELECT 1"_s);
            problem = ping.lastError().text();
        }
        if (healthy) {
            if (++m_healthyChecks % checksPerHeartbeat == 0)
                emit caughtUp();
            return;
        }
        qCWarning(lcServer).noquote()
            << "lost the connection that hears other servers' changes:" << problem;
        stopListening();
    }
    QString error;
    if (!listen(&error)) {
        qCWarning(lcServer).noquote() << "cannot listen for other servers' changes yet:" << error;
        return;
    }
    qCInfo(lcServer) << "listening for other servers' changes again";
    emit changesMissed();
}

void PeerChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                        const QVariant &payload)
{
    if (name != QString::fromUtf16(ChangeLog::channel))
        return;
    const auto notice = ChangeLog::parseNotice(payload.toString());
    if (!notice) {
        // Not of this server's kind (another program on the channel): everyone resyncs.
        qCWarning(lcServer) << "an unknown notification on" << name << ":" << payload.toString();
        emit changesMissed();
        return;
    }
    // This server's own changes were pushed when it committed them.
    if (notice->origin == m_log.origin())
        return;
    emit changeCommitted(notice->id, notice->userId);
}
