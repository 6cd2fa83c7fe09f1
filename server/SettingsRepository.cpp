#include "SettingsRepository.h"

#include "Database.h"
#include "ProfileCodec.h"
#include "ServerLog.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL and use '' for "none".
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcServer) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

// After the last next(): false (logged) when the rows stopped because stepping failed, e.g. on
// a damaged page, rather than because there were no more.
bool finished(const QSqlQuery &query)
{
    if (!query.lastError().isValid())
        return true;
    qCWarning(lcServer) << "reading rows failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

// A next() that gave no row: not found, unless stepping failed.
template<typename T>
StoreRead<T> rowMissing(const QSqlQuery &query)
{
    return finished(query) ? StoreRead<T>::notFound() : StoreRead<T>::readFailed();
}

const QString deviceColumns =
    u"d.id, d.user_id, d.name, d.kind, d.number, d.user_configurable, d.workspace"_s;

SettingsRepository::OwnedDevice deviceFromRow(const QSqlQuery &query)
{
    SettingsRepository::OwnedDevice owned;
    owned.device.id = query.value(0).toString();
    owned.userId = query.value(1).toString();
    owned.device.name = query.value(2).toString();
    owned.device.kind =
        DeviceKinds::fromKey(query.value(3).toString()).value_or(DeviceKind::DeskPhone);
    owned.device.number = query.value(4).toString();
    owned.device.userConfigurable = query.value(5).toBool();
    owned.device.workspace = query.value(6).toString();
    return owned;
}

} // namespace

namespace {
// The advisory locks of users ("FoMU" in ASCII); Database's migration lock is another.
constexpr int userLockSpace = 0x466f4d55;
} // namespace

SettingsRepository::SettingsRepository(const Database &database)
    : m_database(database)
    , m_queries(database)
{ }

StoreRead<SettingsRepository::User> SettingsRepository::user(const QString &userId) const
{
    const auto lease = m_queries.prepared(u"SELECT id, name, revision FROM users WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    if (!run(query))
        return StoreRead<User>::readFailed();
    if (!query.next())
        return rowMissing<User>(query);
    return StoreRead<User>::fromValue(
        {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
}

std::optional<QList<SettingsRepository::User>> SettingsRepository::users() const
{
    const auto lease = m_queries.prepared(u"SELECT id, name, revision FROM users ORDER BY id"_s);
    QSqlQuery &query = *lease;
    QList<User> users;
    if (!run(query))
        return std::nullopt;
    while (query.next())
        users.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    if (!finished(query))
        return std::nullopt;
    return users;
}

std::optional<QList<SettingsRepository::OwnedDevice>>
SettingsRepository::devices(const QString &userId) const
{
    QList<OwnedDevice> devices;
    QHash<QString, qsizetype> indexById;
    {
        const auto lease = m_queries.prepared(
            userId.isEmpty()
                ? u"SELECT %1 FROM devices d ORDER BY d.user_id, d.position"_s.arg(deviceColumns)
                : u"SELECT %1 FROM devices d WHERE d.user_id = ? ORDER BY d.position"_s.arg(
                    deviceColumns));
        QSqlQuery &query = *lease;
        if (!userId.isEmpty())
            query.bindValue(0, userId);
        if (!run(query))
            return std::nullopt;
        while (query.next()) {
            indexById.insert(query.value(0).toString(), devices.size());
            devices.append(deviceFromRow(query));
        }
        if (!finished(query))
            return std::nullopt;
    }
    const auto lease = m_queries.prepared(
        userId.isEmpty()
            ? u"SELECT device_id, call_kind, enabled, delay, timeout FROM rules"_s
            : u"SELECT r.device_id, r.call_kind, r.enabled, r.delay, r.timeout "
              u"FROM rules r JOIN devices d ON d.id = r.device_id WHERE d.user_id = ?"_s);
    QSqlQuery &query = *lease;
    if (!userId.isEmpty())
        query.bindValue(0, userId);
    if (!run(query))
        return std::nullopt;
    while (query.next()) {
        const auto index = indexById.value(query.value(0).toString(), -1);
        const auto kind = CallKinds::fromKey(query.value(1).toString());
        if (index < 0 || !kind)
            continue;
        devices[index].device.rule(*kind) =
            RingRule {query.value(2).toBool(), query.value(3).toInt(), query.value(4).toInt()};
    }
    if (!finished(query))
        return std::nullopt;
    return devices;
}

StoreRead<FollowMeSettings> SettingsRepository::settings(const QString &userId) const
{
    FollowMeSettings settings;
    {
        const auto lease =
            m_queries.prepared(u"SELECT controlled_device FROM users WHERE id = ?"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, userId);
        if (!run(query))
            return StoreRead<FollowMeSettings>::readFailed();
        if (!query.next())
            return rowMissing<FollowMeSettings>(query);
        settings.controlledDeviceId = query.value(0).toString();
    }
    const auto owned = devices(userId);
    const auto calls = unanswered(userId);
    if (!owned || !calls)
        return StoreRead<FollowMeSettings>::readFailed();
    for (const OwnedDevice &device : *owned)
        settings.devices.append(device.device);
    settings.unanswered = *calls;
    {
        const auto lease =
            m_queries.prepared(u"SELECT document FROM user_profiles WHERE user_id = ?"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, userId);
        if (!run(query))
            return StoreRead<FollowMeSettings>::readFailed();
        if (query.next()) {
            // Written by this server through the same codec: a document it can't read is a
            // broken database, not something to show as "no profiles".
            const QJsonObject document =
                QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
            ValidationError error;
            if (!ProfileCodec::read(document, &settings, &error)) {
                qCWarning(lcServer) << "cannot read the profiles of" << userId << error.message();
                return StoreRead<FollowMeSettings>::readFailed();
            }
        } else if (!finished(query)) {
            return StoreRead<FollowMeSettings>::readFailed();
        }
    }
    return StoreRead<FollowMeSettings>::fromValue(settings);
}

std::optional<SettingsRepository::UnansweredCalls>
SettingsRepository::unanswered(const QString &userId) const
{
    const auto lease =
        m_queries.prepared(u"SELECT call_kind, action, number FROM unanswered WHERE user_id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    if (!run(query))
        return std::nullopt;
    UnansweredCalls calls {};
    while (query.next()) {
        const auto kind = CallKinds::fromKey(query.value(0).toString());
        const auto action = UnansweredCall::actionFromKey(query.value(1).toString());
        if (!kind || !action)
            continue;
        UnansweredCall call {*action, {}};
        if (*action == UnansweredCall::Action::Number)
            call.number = query.value(2).toString();
        calls.at(CallKinds::index(*kind)) = call;
    }
    if (!finished(query))
        return std::nullopt;
    return calls;
}

StoreRead<SettingsRepository::OwnedDevice> SettingsRepository::device(const QString &deviceId) const
{
    OwnedDevice owned;
    {
        const auto lease =
            m_queries.prepared(u"SELECT %1 FROM devices d WHERE d.id = ?"_s.arg(deviceColumns));
        QSqlQuery &query = *lease;
        query.bindValue(0, deviceId);
        if (!run(query))
            return StoreRead<OwnedDevice>::readFailed();
        if (!query.next())
            return rowMissing<OwnedDevice>(query);
        owned = deviceFromRow(query);
    }
    const auto lease = m_queries.prepared(
        u"SELECT call_kind, enabled, delay, timeout FROM rules WHERE device_id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, deviceId);
    if (!run(query))
        return StoreRead<OwnedDevice>::readFailed();
    while (query.next()) {
        if (const auto kind = CallKinds::fromKey(query.value(0).toString()))
            owned.device.rule(*kind) =
                RingRule {query.value(1).toBool(), query.value(2).toInt(), query.value(3).toInt()};
    }
    if (!finished(query))
        return StoreRead<OwnedDevice>::readFailed();
    return StoreRead<OwnedDevice>::fromValue(owned);
}

StoreRead<qint64> SettingsRepository::appliedRevision(const QString &userId,
                                                      const QString &requestId) const
{
    const auto lease = m_queries.prepared(
        u"SELECT revision FROM applied_requests WHERE user_id = ? AND request_id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    query.bindValue(1, requestId);
    if (!run(query))
        return StoreRead<qint64>::readFailed();
    if (!query.next())
        return rowMissing<qint64>(query);
    return StoreRead<qint64>::fromValue(query.value(0).toLongLong());
}

bool SettingsRepository::insertUser(const QString &userId, const QString &name) const
{
    const auto lease =
        m_queries.prepared(u"INSERT INTO users (id, name, revision) VALUES (?, ?, 1)"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    query.bindValue(1, name);
    return run(query);
}

bool SettingsRepository::deleteUser(const QString &userId) const
{
    const auto lease = m_queries.prepared(u"DELETE FROM users WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    return run(query) && query.numRowsAffected() == 1;
}

bool SettingsRepository::insertDevice(const QString &userId, const Device &device) const
{
    {
        const auto lease = m_queries.prepared(
            u"INSERT INTO devices (id, user_id, position, name, kind, number, "
            u"user_configurable, workspace) VALUES (?, ?, (SELECT COALESCE(MAX(position), "
            u"0) + 1 FROM devices WHERE user_id = ?), ?, ?, ?, ?, ?)"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, device.id);
        query.bindValue(1, userId);
        query.bindValue(2, userId);
        query.bindValue(3, text(device.name));
        query.bindValue(4, DeviceKinds::key(device.kind));
        query.bindValue(5, text(device.number));
        query.bindValue(6, device.userConfigurable ? 1 : 0);
        query.bindValue(7, text(device.workspace));
        if (!run(query))
            return false;
    }
    for (CallKind kind : CallKinds::all()) {
        if (!writeRule(device.id, kind, device.rule(kind)))
            return false;
    }
    return true;
}

bool SettingsRepository::updateDevice(const Device &device) const
{
    const auto lease = m_queries.prepared(
        u"UPDATE devices SET name = ?, kind = ?, number = ?, user_configurable = ?, "
        u"workspace = ? WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, text(device.name));
    query.bindValue(1, DeviceKinds::key(device.kind));
    query.bindValue(2, text(device.number));
    query.bindValue(3, device.userConfigurable ? 1 : 0);
    query.bindValue(4, text(device.workspace));
    query.bindValue(5, device.id);
    return run(query) && query.numRowsAffected() == 1;
}

bool SettingsRepository::deleteDevice(const QString &deviceId) const
{
    const auto lease = m_queries.prepared(u"DELETE FROM devices WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, deviceId);
    return run(query) && query.numRowsAffected() == 1;
}

bool SettingsRepository::writeRule(const QString &deviceId, CallKind kind,
                                   const RingRule &rule) const
{
    const auto lease = m_queries.prepared(
        u"INSERT INTO rules (device_id, call_kind, enabled, delay, timeout) "
        u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, call_kind) DO UPDATE SET "
        u"enabled = excluded.enabled, delay = excluded.delay, timeout = excluded.timeout"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, deviceId);
    query.bindValue(1, CallKinds::key(kind));
    query.bindValue(2, rule.enabled ? 1 : 0);
    query.bindValue(3, rule.delay);
    query.bindValue(4, rule.timeout);
    return run(query);
}

bool SettingsRepository::writeUnanswered(const QString &userId, CallKind kind,
                                         const std::optional<UnansweredCall> &call) const
{
    if (!call) {
        const auto lease =
            m_queries.prepared(u"DELETE FROM unanswered WHERE user_id = ? AND call_kind = ?"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, userId);
        query.bindValue(1, CallKinds::key(kind));
        return run(query);
    }
    const auto lease =
        m_queries.prepared(u"INSERT INTO unanswered (user_id, call_kind, action, number) "
                           u"VALUES (?, ?, ?, ?) ON CONFLICT (user_id, call_kind) DO UPDATE "
                           u"SET action = excluded.action, number = excluded.number"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    query.bindValue(1, CallKinds::key(kind));
    query.bindValue(2, UnansweredCall::actionKey(call->action));
    query.bindValue(
        3, text(call->action == UnansweredCall::Action::Number ? call->number : QString()));
    return run(query);
}

bool SettingsRepository::writeControlledDevice(const QString &userId, const QString &deviceId) const
{
    const auto lease = m_queries.prepared(u"UPDATE users SET controlled_device = ? WHERE id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, text(deviceId));
    query.bindValue(1, userId);
    return run(query) && query.numRowsAffected() == 1;
}

bool SettingsRepository::writeProfiles(const QString &userId,
                                       const FollowMeSettings &settings) const
{
    QJsonObject document;
    ProfileCodec::write(settings, &document);
    const auto lease =
        m_queries.prepared(u"INSERT INTO user_profiles (user_id, document) VALUES (?, ?) "
                           u"ON CONFLICT (user_id) DO UPDATE SET document = excluded.document"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    query.bindValue(1, QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    return run(query);
}

bool SettingsRepository::writeProfileChanges(const QString &userId, const FollowMeSettings &before,
                                             const FollowMeSettings &after) const
{
    for (const Device &device : after.devices) {
        const Device *previous = before.device(device.id);
        for (CallKind kind : CallKinds::all()) {
            if (previous && previous->rule(kind) != device.rule(kind)
                && !writeRule(device.id, kind, device.rule(kind)))
                return false;
        }
    }
    return writeProfiles(userId, after);
}

StoreRead<bool> SettingsRepository::doNotDisturb(const QString &userId) const
{
    const auto lease =
        m_queries.prepared(u"SELECT document FROM user_profiles WHERE user_id = ?"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    if (!run(query))
        return StoreRead<bool>::readFailed();
    bool on = false;
    if (query.next()) {
        const QJsonObject document =
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        on = document.value(u"activeProfile"_s)[u"id"_s].toString() == RingProfile::doNotDisturbId;
    } else if (!finished(query)) {
        return StoreRead<bool>::readFailed();
    }
    return StoreRead<bool>::fromValue(on);
}

std::optional<QStringList> SettingsRepository::scheduledUsers() const
{
    const auto lease = m_queries.prepared(u"SELECT user_id FROM user_profiles"_s);
    QSqlQuery &query = *lease;
    if (!run(query))
        return std::nullopt;
    QStringList users;
    while (query.next())
        users.append(query.value(0).toString());
    if (!finished(query))
        return std::nullopt;
    return users;
}

std::optional<qint64> SettingsRepository::bumpRevision(const QString &userId) const
{
    // One statement: the revision is raised and read where the row is already in hand.
    const auto lease = m_queries.prepared(
        u"UPDATE users SET revision = revision + 1 WHERE id = ? RETURNING revision"_s);
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    if (!run(query) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool SettingsRepository::lockUser(const QString &userId) const
{
    return userLock(u"pg_advisory_xact_lock"_s, userId);
}

bool SettingsRepository::holdUser(const QString &userId) const
{
    return userLock(u"pg_advisory_lock"_s, userId);
}

void SettingsRepository::releaseUser(const QString &userId) const
{
    userLock(u"pg_advisory_unlock"_s, userId);
}

bool SettingsRepository::userLock(const QString &function, const QString &userId) const
{
    if (m_database.backend() != Database::Backend::PostgreSQL || userId.isEmpty())
        return true;
    // Two keys: FollowMe's users (the first), the id's hash (a collision only makes two users
    // wait for each other).
    const auto lease =
        m_queries.prepared(u"SELECT %1(%2, hashtext(?))"_s.arg(function).arg(userLockSpace));
    QSqlQuery &query = *lease;
    query.bindValue(0, userId);
    return run(query);
}

bool SettingsRepository::recordRequest(const QString &userId, const QString &requestId,
                                       qint64 revision) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        const auto lease = m_queries.prepared(
            u"INSERT INTO applied_requests (user_id, request_id, revision, applied_at) "
            u"VALUES (?, ?, ?, ?) ON CONFLICT (user_id, request_id) DO UPDATE SET "
            u"revision = excluded.revision, applied_at = excluded.applied_at"_s);
        QSqlQuery &query = *lease;
        query.bindValue(0, userId);
        query.bindValue(1, requestId);
        query.bindValue(2, revision);
        query.bindValue(3, now);
        if (!run(query))
            return false;
    }
    m_unprunedUsers.insert(userId);
    if (++m_recordedSincePrune < pruneEvery)
        return true;
    return pruneRequests(now);
}

bool SettingsRepository::pruneRequests(qint64 now) const
{
    const auto lease =
        m_queries.prepared(u"DELETE FROM applied_requests WHERE user_id = ? AND applied_at < ? AND "
                           u"revision < (SELECT revision FROM applied_requests WHERE user_id = ? "
                           u"ORDER BY revision DESC LIMIT 1 OFFSET ?)"_s);
    QSqlQuery &query = *lease;
    for (const QString &userId : std::as_const(m_unprunedUsers)) {
        query.bindValue(0, userId);
        query.bindValue(1, now - keptRequestSeconds);
        query.bindValue(2, userId);
        query.bindValue(3, keptRequestIds - 1);
        if (!run(query))
            return false;
    }
    // Only once it is done: a failed prune (with the transaction around it) is tried again.
    m_unprunedUsers.clear();
    m_recordedSincePrune = 0;
    return true;
}
