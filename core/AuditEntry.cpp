// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditEntry.h"

#include "SettingsCodec.h"

using namespace Qt::StringLiterals;

QString AuditEntry::actorKey(ActorKind kind)
{
    switch (kind) {
    case ActorKind::User:
        return u"user"_s;
    case ActorKind::Admin:
        return u"admin"_s;
    case ActorKind::Local:
        return u"local"_s;
    case ActorKind::Schedule:
        return u"schedule"_s;
    }
    Q_UNREACHABLE();
}

std::optional<AuditEntry::ActorKind> AuditEntry::actorFromKey(const QString &key)
{
    for (ActorKind kind :
         {ActorKind::User, ActorKind::Admin, ActorKind::Local, ActorKind::Schedule}) {
        if (actorKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject actor {{u"kind"_s, actorKey(by.kind)}, {u"from"_s, by.from}};
    if (by.tokenId > 0)
        actor.insert(u"tokenId"_s, by.tokenId);
    QJsonObject object {{u"id"_s, id},
                        {u"at"_s, at.toUTC().toString(Qt::ISODateWithMs)},
                        {u"user"_s, userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
                        {u"revision"_s, revision},
                        {u"by"_s, actor},
                        {u"action"_s, action}};
    if (!deviceId.isEmpty())
        object.insert(u"device"_s, deviceId);
    if (callKind)
        object.insert(u"callKind"_s, CallKinds::key(*callKind));
    if (!before.isUndefined())
        object.insert(u"before"_s, before);
    if (!after.isUndefined())
        object.insert(u"after"_s, after);
    return object;
}

std::optional<AuditEntry> AuditEntry::fromJson(const QJsonValue &value, QString *problem)
{
    auto fail = [problem](const QString &why) -> std::optional<AuditEntry> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(tr("a change must be an object"));
    const QJsonObject object = value.toObject();
    AuditEntry entry;
    const QJsonValue id = object.value(u"id"_s);
    const QJsonValue revision = object.value(u"revision"_s);
    if (!id.isDouble() || id.toInteger() < 1 || !revision.isDouble() || revision.toInteger() < 0)
        return fail(tr("a change without a valid id or revision"));
    entry.id = id.toInteger();
    entry.revision = revision.toInteger();
    entry.at = QDateTime::fromString(object.value(u"at"_s).toString(), Qt::ISODateWithMs);
    if (!entry.at.isValid())
        return fail(tr("a change without a valid time"));
    entry.at = entry.at.toUTC();
    const QJsonValue user = object.value(u"user"_s);
    if (!user.isNull() && !user.isString())
        return fail(tr("a change with an invalid user"));
    entry.userId = user.toString();
    const QJsonObject actor = object.value(u"by"_s).toObject();
    const auto kind = actorFromKey(actor.value(u"kind"_s).toString());
    if (!kind)
        return fail(tr("a change without a valid author"));
    entry.by.kind = *kind;
    entry.by.tokenId = actor.value(u"tokenId"_s).toInteger();
    entry.by.from = actor.value(u"from"_s).toString();
    entry.action = object.value(u"action"_s).toString();
    if (entry.action.isEmpty())
        return fail(tr("a change without an action"));
    const QJsonValue device = object.value(u"device"_s);
    if (!device.isUndefined()) {
        if (!device.isString() || SettingsCodec::validateDeviceId(device.toString(), u"device"_s))
            return fail(tr("a change with an invalid device"));
        entry.deviceId = device.toString();
    }
    const QJsonValue callKind = object.value(u"callKind"_s);
    if (!callKind.isUndefined()) {
        entry.callKind = CallKinds::fromKey(callKind.toString());
        if (!entry.callKind)
            return fail(tr("a change with an invalid call kind"));
    }
    entry.before = object.value(u"before"_s);
    entry.after = object.value(u"after"_s);
    return entry;
}
