#include "TokenFile.h"

#include "AtomicFile.h"
#include "StrictJson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

// A damaged file is an error to read; to write, it is set aside (path.damaged) for a person to
// look at and a new one begun, so one bad byte can't stop every token from being stored.
enum class Damaged { Fail, SetAside };

std::optional<QJsonObject> readAll(const QString &path, Damaged damaged, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = TokenFile::tr("%1 can't be read: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QString reason;
    const auto object = StrictJson::parseObject(file.readAll(), &reason);
    file.close();
    if (object)
        return object;
    if (damaged == Damaged::SetAside) {
        QFile::remove(path + u".damaged"_s);
        if (QFile::rename(path, path + u".damaged"_s))
            return QJsonObject();
    }
    *error = TokenFile::tr("%1 is damaged: %2").arg(QDir::toNativeSeparators(path), reason);
    return std::nullopt;
}

} // namespace

TokenFile::TokenFile(const QString &path)
    : m_path(path)
{ }

QString TokenFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/tokens.json"_s;
}

std::optional<QString> TokenFile::read(const QString &account, QString *error) const
{
    const auto tokens = readAll(m_path, Damaged::Fail, error);
    if (!tokens)
        return std::nullopt;
    return tokens->value(account).toString();
}

bool TokenFile::write(const QString &account, const QString &token, QString *error) const
{
    auto tokens = readAll(m_path, Damaged::SetAside, error);
    if (!tokens)
        return false;
    if (token.isEmpty())
        tokens->remove(account);
    else
        tokens->insert(account, token);

    if (tokens->isEmpty()) {
        QFile file(m_path);
        if (file.exists() && !file.remove()) {
            *error = tr("%1 can't be removed: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString());
            return false;
        }
        return true;
    }

    const QByteArray bytes = QJsonDocument(*tokens).toJson(QJsonDocument::Compact);
    if (const auto problem = AtomicFile::write(m_path, bytes)) {
        *error = tr("%1 can't be written: %2").arg(QDir::toNativeSeparators(m_path), *problem);
        return false;
    }
    return true;
}
