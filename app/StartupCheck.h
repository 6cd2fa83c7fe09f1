// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class FollowMePage;
class SettingsDocument;
class SyncClient;

// `followme --server URL --startup-check`: proves that a start came all the way up. It waits
// until the client is connected, the server's snapshot is in the document and the FollowMe page
// has painted it, then reports success; or it reports, at the deadline or as soon as the server
// refuses, which part did not come up. Used by `scripts/run.sh --startup-check` (CI's smoke test
// of the README's run command).
class StartupCheck : public QObject
{
    Q_OBJECT

public:
    StartupCheck(SyncClient *sync, const SettingsDocument *document, FollowMePage *page,
                 std::chrono::milliseconds deadline, QObject *parent = nullptr);

    // Starts watching; finished() follows exactly once.
    void start();

signals:
    // `ok` with a one-line description of what came up, or of what did not.
    void finished(bool ok, const QString &report);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void fail(const QString &reason);
    void finish(bool ok, const QString &report);
    // Empty when the page's widgets show the document's devices; else what differs.
    QString mismatch() const;

    SyncClient *m_sync;
    const SettingsDocument *m_document;
    FollowMePage *m_page;
    QTimer m_deadline;
    bool m_waitingForPaint = false;
    bool m_done = false;
};
