// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupCheck.h"

#include "DeviceRuleModel.h"
#include "FollowMePage.h"
#include "SettingsDocument.h"
#include "SyncClient.h"

#include <QEvent>

StartupCheck::StartupCheck(SyncClient *sync, const SettingsDocument *document, FollowMePage *page,
                           std::chrono::milliseconds deadline, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
    , m_document(document)
    , m_page(page)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadline);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_sync->state() != SyncClient::State::Connected) {
            const QString error = m_sync->lastError();
            fail(
                error.isEmpty()
                    ? tr("the client did not connect to %1").arg(m_sync->server().toDisplayString())
                    : tr("the client did not connect to %1: %2")
                          .arg(m_sync->server().toDisplayString(), error));
        } else if (!m_page->isVisible()) {
            fail(tr("connected, but the FollowMe page is not shown"));
        } else if (!dataShown()) {
            fail(tr("connected, but the FollowMe page shows %1 of the %2 devices the server "
                    "sent")
                     .arg(shownDevices())
                     .arg(m_document->settings().devices.size()));
        } else {
            fail(tr("connected, but the FollowMe page was never painted"));
        }
    });
}

void StartupCheck::start()
{
    connect(m_sync, &SyncClient::stateChanged, this, &StartupCheck::check);
    m_page->installEventFilter(this);
    m_deadline.start();
    // From the event loop, so that finished() never comes before the caller's loop runs.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_sync->server().isEmpty())
                fail(tr("no server is set: give one with --server URL"));
            else
                check();
        },
        Qt::QueuedConnection);
}

int StartupCheck::shownDevices() const
{
    return m_page->model()->rowCount();
}

bool StartupCheck::dataShown() const
{
    const int devices = int(m_document->settings().devices.size());
    return devices > 0 && shownDevices() == devices;
}

void StartupCheck::check()
{
    if (m_done || m_waitingForPaint)
        return;
    if (m_sync->state() == SyncClient::State::Refused) {
        fail(tr("the server at %1 refused the client: %2")
                 .arg(m_sync->server().toDisplayString(), m_sync->lastError()));
        return;
    }
    // Connected means the first snapshot of this link is in the document (SyncClient sets the
    // state after applying it), not a cached one from an earlier run.
    if (m_sync->state() != SyncClient::State::Connected || !m_page->isVisible() || !dataShown())
        return;
    // Done once the page has painted after the data arrived.
    m_waitingForPaint = true;
    m_page->update();
}

bool StartupCheck::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_page && event->type() == QEvent::Paint && m_waitingForPaint && !m_done) {
        // Report after this paint has been delivered.
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(true,
                       tr("connected to %1 as %2 (revision %3); the FollowMe page shows %n "
                          "device(s)",
                          nullptr, shownDevices())
                           .arg(m_sync->server().toDisplayString(), m_sync->userName())
                           .arg(m_sync->revision()));
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void StartupCheck::fail(const QString &reason)
{
    finish(false, reason);
}

void StartupCheck::finish(bool ok, const QString &report)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    m_page->removeEventFilter(this);
    emit finished(ok, report);
}
