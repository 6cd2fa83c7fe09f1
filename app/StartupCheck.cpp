// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupCheck.h"

#include "DeviceRulesView.h"
#include "FollowMePage.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "SyncClient.h"

#include <QEvent>
#include <QSpinBox>

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
        } else if (const QString difference = mismatch(); !difference.isEmpty()) {
            fail(tr("connected, but the FollowMe page does not show the server's settings: %1")
                     .arg(difference));
        } else {
            fail(tr("connected, but the FollowMe page was never painted"));
        }
    });
}

void StartupCheck::start()
{
    connect(m_sync, &SyncClient::stateChanged, this, &StartupCheck::check);
    // The rows may come after the snapshot (they are built as the list is laid out).
    connect(m_page->rulesView(), &DeviceRulesView::contentChanged, this, &StartupCheck::check);
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

QString StartupCheck::mismatch() const
{
    // What the user sees, read off the widgets (not the model, which is the document itself).
    const QList<Device> &devices = m_document->settings().devices;
    if (devices.isEmpty())
        return tr("the server sent no devices");
    const DeviceRulesView *rows = m_page->rulesView();
    if (rows->rowCount() != devices.size())
        return tr("the device list has %1 rows for %2 devices")
            .arg(rows->rowCount())
            .arg(devices.size());
    if (m_page->timeline()->barCount() != devices.size())
        return tr("the timeline has %1 bars for %2 devices")
            .arg(m_page->timeline()->barCount())
            .arg(devices.size());
    const CallKind kind = m_page->callKind();
    for (int row = 0; row < devices.size(); ++row) {
        const RingRule &rule = devices.at(row).rule(kind);
        if (rows->delaySpinBox(row)->value() != rule.delay
            || rows->timeoutSpinBox(row)->value() != rule.timeout)
            return tr("the row of %1 shows other values").arg(devices.at(row).name);
    }
    return {};
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
    if (m_sync->state() != SyncClient::State::Connected || !m_page->isVisible()
        || !mismatch().isEmpty())
        return;
    // Done once the page has painted after the data arrived.
    m_waitingForPaint = true;
    m_page->update();
}

bool StartupCheck::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_page || event->type() != QEvent::Paint || m_done)
        return QObject::eventFilter(watched, event);
    if (!m_waitingForPaint) {
        // Whatever changed the page may have completed it: look again once this paint is done.
        QMetaObject::invokeMethod(this, &StartupCheck::check, Qt::QueuedConnection);
    } else {
        // Report after this paint has been delivered.
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(true,
                       tr("connected to %1 as %2 (revision %3); the FollowMe page shows %n "
                          "device(s)",
                          nullptr, m_page->rulesView()->rowCount())
                           .arg(m_sync->server().toDisplayString(), m_sync->userName(),
                                QString::number(m_sync->revision())));
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
