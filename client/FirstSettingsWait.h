#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class SyncClient;

// Says when the window can open on settings that are current: once the server's snapshot is
// applied, or when the link gives up or the deadline passes first (then it opens on the cache,
// if any, and shows how the connecting goes). A connected start then builds and paints the page
// once, with the server's settings, instead of empty first and again a few milliseconds later;
// a slow or silent server delays the window by the deadline at most.
class FirstSettingsWait : public QObject
{
    Q_OBJECT

public:
    FirstSettingsWait(const SyncClient *sync, std::chrono::milliseconds deadline,
                      QObject *parent = nullptr);

    // ready() follows now unless the link is connecting.
    void start();

signals:
    // Exactly once.
    void ready();

private:
    void finish();

    const SyncClient *m_sync;
    QTimer m_deadline;
    bool m_started = false;
    bool m_done = false;
};
