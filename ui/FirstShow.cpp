#include "FirstShow.h"

#include "SyncClient.h"

#include <QWidget>

FirstShow::FirstShow(QWidget *window, const SyncClient *sync, std::chrono::milliseconds deadline,
                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sync(sync)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadline);
    connect(&m_deadline, &QTimer::timeout, this, &FirstShow::show);
    // Connected means the snapshot is applied (SyncClient says so after applying it); any other
    // state means there is nothing to wait for any more.
    connect(m_sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state != SyncClient::State::Connecting)
            show();
    });
}

void FirstShow::start()
{
    if (m_sync->state() == SyncClient::State::Connecting)
        m_deadline.start();
    else
        show();
}

void FirstShow::show()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    if (m_window)
        m_window->show();
    emit shown();
}
