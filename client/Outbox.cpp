#include "Outbox.h"

#include "AtomicFile.h"
#include "ServerAccount.h"
#include "StrictJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

Outbox::Outbox(const QString &path)
    : m_path(path)
{ }

QString Outbox::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<QString> Outbox::load()
{
    m_entries.clear();
    if (m_path.isEmpty() || !QFile::exists(m_path))
        return std::nullopt;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot read %1: %2").arg(m_path, file.errorString());
    // Read as strictly as the wire: what the file holds goes out as messages.
    const std::optional<QJsonObject> document = StrictJson::parseObject(file.readAll(), nullptr);
    file.close();
    const QJsonObject object = document.value_or(QJsonObject());
    const QString fileOwner = object.value(u"owner"_s).toString();
    if (document && !m_owner.isEmpty() && !ServerAccount::same(fileOwner, m_owner)) {
        QFile::remove(m_path + u".other-server"_s);
        QFile::rename(m_path, m_path + u".other-server"_s);
        return tr("unsent edits for %1 were not loaded, since this client now uses %2; they "
                  "were kept in %3.other-server")
            .arg(fileOwner, m_owner, m_path);
    }
    QList<Entry> entries;
    bool damaged = !document;
    const QJsonArray array = object.value(u"edits"_s).toArray();
    for (const QJsonValue &value : array) {
        ProtocolError error;
        const auto message = ClientMessage::fromJson(value.toObject(), &error);
        if (!message || message->type == ClientMessage::Type::Hello) {
            damaged = true;
            break;
        }
        entries.append({*message, false, true});
    }
    if (damaged) {
        // Keep what can't be read for a person to look at; never silently overwrite it.
        QFile::remove(m_path + u".damaged"_s);
        QFile::rename(m_path, m_path + u".damaged"_s);
        return tr("the unsent edits in %1 could not be read; the file was kept as %1.damaged")
            .arg(m_path);
    }
    m_entries = entries;
    return std::nullopt;
}

std::optional<QString> Outbox::save() const
{
    if (m_path.isEmpty())
        return std::nullopt;
    QJsonArray edits;
    for (const Entry &entry : m_entries)
        edits.append(entry.message.toJson());
    const QByteArray data =
        QJsonDocument(QJsonObject {{u"version"_s, 1}, {u"owner"_s, m_owner}, {u"edits"_s, edits}})
            .toJson();
    ++m_writes;
    return AtomicFile::write(m_path, data);
}

void Outbox::addRuleChange(const QString &deviceId, CallKind kind, const RuleChange &change)
{
    if (change.isEmpty())
        return;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        ClientMessage &message = it->message;
        if (message.isProfileEdit())
            break; // the rule may belong to another profile on either side of it
        if (message.type != ClientMessage::Type::SetRule || message.deviceId != deviceId
            || message.callKind != kind)
            continue;
        if (!it->mayBeCommitted) {
            message.change = message.change.mergedWith(change);
            return;
        }
        break; // the newest edit of this rule has gone out: a new one must follow it
    }
    m_entries.append(
        {ClientMessage::setRule(newRequestId(), deviceId, kind, change), false, false});
}

void Outbox::setControlledDevice(const QString &deviceId)
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->message.type != ClientMessage::Type::SetControlledDevice)
            continue;
        if (!it->mayBeCommitted) {
            it->message.deviceId = deviceId;
            return;
        }
        break;
    }
    m_entries.append({ClientMessage::setControlledDevice(newRequestId(), deviceId), false, false});
}

void Outbox::addProfileEdit(const ClientMessage &edit)
{
    ClientMessage message = edit;
    message.requestId = newRequestId();
    m_entries.append({message, false, false});
}

std::optional<ClientMessage> Outbox::take(const QString &requestId)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).message.requestId == requestId)
            return m_entries.takeAt(i).message;
    }
    return std::nullopt;
}

void Outbox::markSent(const QString &requestId)
{
    for (Entry &entry : m_entries) {
        if (entry.message.requestId == requestId) {
            entry.sent = true;
            entry.mayBeCommitted = true;
        }
    }
}

const ClientMessage *Outbox::markUnsent(const QString &requestId)
{
    for (Entry &entry : m_entries) {
        if (entry.message.requestId == requestId) {
            entry.sent = false;
            return &entry.message;
        }
    }
    return nullptr;
}

void Outbox::markAllUnsent()
{
    for (Entry &entry : m_entries)
        entry.sent = false;
}

QList<ClientMessage> Outbox::removeIf(const std::function<bool(const ClientMessage &)> &drop)
{
    QList<ClientMessage> removed;
    for (int i = m_entries.size() - 1; i >= 0; --i) {
        if (drop(m_entries.at(i).message))
            removed.prepend(m_entries.takeAt(i).message);
    }
    return removed;
}
