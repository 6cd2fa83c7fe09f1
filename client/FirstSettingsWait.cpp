#include "FirstSettingsWait.h"

#include "SyncClient.h"

FirstSettingsWait::FirstSettingsWait(const SyncClient *sync, std::chrono::milliseconds deadline,
                                     QObject *parent)
    : QObject(parent)
    , m_sync(sync)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadline);
    connect(&m_deadline, &QTimer::timeout, this, &FirstSettingsWait::finish);
    // Connected means the snapshot is applied (SyncClient says so after applying it); any other
    // state means there is nothing to wait for any more.
    connect(m_sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (m_started && state != SyncClient::State::Connecting)
            finish();
    });
}

void FirstSettingsWait::start()
{
    m_started = true;
    if (m_sync->state() == SyncClient::State::Connecting)
        m_deadline.start();
    else
        finish();
}

void FirstSettingsWait::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    emit ready();
}
