#pragma once

#include "CallKind.h"
#include "Device.h"
#include "FollowMeSettings.h"
#include "PreparedQueries.h"
#include "StoreRead.h"
#include "UnansweredCall.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

class Database;

// Users, their devices and rules, what happens to their unanswered calls, revisions and applied
// request ids in the database (SQLite or PostgreSQL: the statements are the same). Reads stand
// alone; writes are single statements that the caller groups into one SqlTransaction together
// with the revision bump, so a change and its revision are committed or lost together. A read that
// fails is told apart from one that finds nothing (StoreRead; nullopt for the lists), and is logged
// here.
class SettingsRepository
{
public:
    struct User
    {
        QString id;
        QString name;
        qint64 revision = 0;
    };
    struct OwnedDevice
    {
        QString userId;
        Device device;
    };

    explicit SettingsRepository(const Database &database);

    StoreRead<User> user(const QString &userId) const;
    // Nothing: the read failed.
    std::optional<QList<User>> users() const;
    // The user's whole settings document.
    StoreRead<FollowMeSettings> settings(const QString &userId) const;
    StoreRead<OwnedDevice> device(const QString &deviceId) const;
    // Nothing: the read failed.
    std::optional<QList<OwnedDevice>> devices(const QString &userId = {}) const;
    // Per call kind (CallKinds::index); empty where it is not known. Rows the server cannot
    // read (an action it does not know) count as not known rather than breaking the snapshot.
    using UnansweredCalls = std::array<std::optional<UnansweredCall>, CallKinds::count>;
    std::optional<UnansweredCalls> unanswered(const QString &userId) const;
    StoreRead<qint64> appliedRevision(const QString &userId, const QString &requestId) const;

    bool insertUser(const QString &userId, const QString &name) const;
    bool deleteUser(const QString &userId) const;
    bool insertDevice(const QString &userId, const Device &device) const;
    // Name, kind, number, User Configurable and workspace; the rules with writeRule().
    bool updateDevice(const Device &device) const;
    bool deleteDevice(const QString &deviceId) const;
    bool writeRule(const QString &deviceId, CallKind kind, const RingRule &rule) const;
    // Nothing: forget it (not known).
    bool writeUnanswered(const QString &userId, CallKind kind,
                         const std::optional<UnansweredCall> &call) const;
    bool writeControlledDevice(const QString &userId, const QString &deviceId) const;
    // The profile members of the user's settings (profiles, active profile, override, schedule:
    // ProfileCodec), written whole; the active profile's rules go with writeRule().
    bool writeProfiles(const QString &userId, const FollowMeSettings &settings) const;
    // What changed between two states of the user's settings that a profile edit can change:
    // the rules (the active profile's) and the profile members.
    bool writeProfileChanges(const QString &userId, const FollowMeSettings &before,
                             const FollowMeSettings &after) const;
    // Whether the user's active profile is Do not disturb (false: no profiles at all).
    StoreRead<bool> doNotDisturb(const QString &userId) const;
    // The users with profiles (only they can have a schedule or an override), for the server's
    // clock.
    std::optional<QStringList> scheduledUsers() const;
    // Adds 1 to the user's revision and returns the new one.
    std::optional<qint64> bumpRevision(const QString &userId) const;
    // The user's lock, for servers sharing a PostgreSQL database: what is read to be changed is
    // read while it is held, so another server's change of the same user commits entirely
    // before or after, and is not overwritten. (A PostgreSQL advisory lock on the user's id;
    // SQLite's write transaction holds the whole database already: nothing to do.)
    // lockUser: in a write transaction, held until it ends. Callers that lock several users
    // lock them in sorted order (no deadlocks). False on a failed lock.
    bool lockUser(const QString &userId) const;
    // holdUser/releaseUser: across transactions (a command that reads, then writes in a
    // transaction of its own), until released; one user at a time.
    bool holdUser(const QString &userId) const;
    void releaseUser(const QString &userId) const;
    // Remembers a committed request id. Forgets ids that are both older than 7 days and not
    // among the user's last 1,000 (docs/protocol.md 4.4 promises both): every pruneEvery
    // records, for the users recorded since, so an edit rarely pays for the cleanup.
    bool recordRequest(const QString &userId, const QString &requestId, qint64 revision) const;

    static constexpr int keptRequestIds = 1000;
    static constexpr qint64 keptRequestSeconds = 7 * 24 * 3600;
    static constexpr int pruneEvery = 256;

private:
    bool pruneRequests(qint64 now) const;
    bool userLock(const QString &function, const QString &userId) const;

    const Database &m_database;
    PreparedQueries m_queries;
    // Recorded since the last prune (kept across a rolled-back prune, which is simply redone).
    mutable QSet<QString> m_unprunedUsers;
    mutable int m_recordedSincePrune = 0;
};
