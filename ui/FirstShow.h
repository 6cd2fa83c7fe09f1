#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWidget;
class SyncClient;

// Shows a window once the settings it opens with are current: the server's, or whatever the
// cache had when the link gives up or the deadline passes first. A connected start then paints
// the page once, with the server's settings, instead of empty (or cached) and again a few
// milliseconds later; a slow or silent server delays the window by the deadline at most.
class FirstShow : public QObject
{
    Q_OBJECT

public:
    FirstShow(QWidget *window, const SyncClient *sync, std::chrono::milliseconds deadline,
              QObject *parent = nullptr);

    // Shows the window now unless the link is connecting.
    void start();

signals:
    void shown();

private:
    void show();

    QPointer<QWidget> m_window;
    const SyncClient *m_sync;
    QTimer m_deadline;
    bool m_done = false;
};
