#pragma once

#include "AuditEntry.h"
#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <algorithm>
#include <optional>

// The last settings the server sent, kept on disk so the client starts with no server and still
// shows the page and the timeline (the offline preview).
class SnapshotCache
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotCache)

public:
    struct Snapshot
    {
        QString server; // the URL it came from; a cache of another server is not used
        QString userId;
        QString userName;
        qint64 revision = 0;
        QDateTime receivedAt;
        FollowMeSettings settings;
        QList<AuditEntry> recentChanges; // by others, newest first (ChangeHistory)

        // The same content, whenever it was received.
        bool sameContentAs(const Snapshot &other) const
        {
            return server == other.server && userId == other.userId && userName == other.userName
                && revision == other.revision && settings == other.settings
                && sameChanges(recentChanges, other.recentChanges);
        }

    private:
        // An entry never changes once recorded: its id says which it is.
        static bool sameChanges(const QList<AuditEntry> &a, const QList<AuditEntry> &b)
        {
            return std::equal(
                a.begin(), a.end(), b.begin(), b.end(),
                [](const AuditEntry &x, const AuditEntry &y) { return x.id == y.id; });
        }
    };

    explicit SnapshotCache(const QString &path = {}); // no path: nothing is kept

    QString path() const { return m_path; }

    std::optional<Snapshot> load(QString *error = nullptr) const;
    // Replaces the file (AtomicFile); the system's reason on failure, the file then unchanged.
    std::optional<QString> save(const Snapshot &snapshot) const;
    // How often save() wrote the file, for tests that check writes are batched.
    int writeCount() const { return m_writes; }

private:
    QString m_path;
    mutable int m_writes = 0;
};
