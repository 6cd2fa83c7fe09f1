#include "SnapshotCache.h"

#include "AtomicFile.h"
#include "SettingsCodec.h"
#include "StrictJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

SnapshotCache::SnapshotCache(const QString &path)
    : m_path(path)
{ }

std::optional<SnapshotCache::Snapshot> SnapshotCache::load(QString *error) const
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (m_path.isEmpty() || !QFile::exists(m_path))
        return fail({});
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot read %1: %2").arg(m_path, file.errorString()));
    const QJsonObject object =
        StrictJson::parseObject(file.read(4 * SettingsCodec::maxDocumentBytes), nullptr)
            .value_or(QJsonObject());
    ValidationError invalid;
    const auto settings = SettingsCodec::fromJson(object.value(u"settings"_s).toObject(), &invalid);
    if (!settings)
        return fail(tr("the cached settings in %1 are damaged: %2").arg(m_path, invalid.message()));
    Snapshot snapshot;
    snapshot.server = object.value(u"server"_s).toString();
    snapshot.userId = object.value(u"user"_s).toObject().value(u"id"_s).toString();
    snapshot.userName = object.value(u"user"_s).toObject().value(u"name"_s).toString();
    snapshot.revision = object.value(u"revision"_s).toInteger();
    snapshot.receivedAt =
        QDateTime::fromString(object.value(u"receivedAt"_s).toString(), Qt::ISODateWithMs);
    snapshot.settings = *settings;
    // Only a convenience next to the settings: a damaged entry is left out, not the cache.
    for (const QJsonValue &value : object.value(u"recentChanges"_s).toArray()) {
        if (auto entry = AuditEntry::fromJson(value, nullptr))
            snapshot.recentChanges.append(std::move(*entry));
    }
    return snapshot;
}

std::optional<QString> SnapshotCache::save(const Snapshot &snapshot) const
{
    if (m_path.isEmpty())
        return std::nullopt;
    QJsonObject object {
        {u"format"_s, u"followme-snapshot-cache"_s},
        {u"server"_s, snapshot.server},
        {u"user"_s, QJsonObject {{u"id"_s, snapshot.userId}, {u"name"_s, snapshot.userName}}},
        {u"revision"_s, snapshot.revision},
        {u"receivedAt"_s, snapshot.receivedAt.toString(Qt::ISODateWithMs)},
        {u"settings"_s, SettingsCodec::toJson(snapshot.settings)},
    };
    if (!snapshot.recentChanges.isEmpty()) {
        QJsonArray changes;
        for (const AuditEntry &entry : snapshot.recentChanges)
            changes.append(entry.toJson());
        object.insert(u"recentChanges"_s, changes);
    }
    const QByteArray data = QJsonDocument(object).toJson();
    ++m_writes;
    return AtomicFile::write(m_path, data);
}
