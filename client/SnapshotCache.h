#pragma once

#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

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
    };

    explicit SnapshotCache(const QString &path = {}); // no path: nothing is kept

    std::optional<Snapshot> load(QString *error = nullptr) const;
    std::optional<QString> save(const Snapshot &snapshot) const;

private:
    QString m_path;
};
