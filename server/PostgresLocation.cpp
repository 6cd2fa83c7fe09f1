// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostgresLocation.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

bool PostgresLocation::isUrl(const QString &text)
{
    return text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s);
}

std::optional<PostgresLocation> PostgresLocation::parse(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!isUrl(text) || !url.isValid()) {
        *error = tr("%1 is not a PostgreSQL connection URL "
                    "(postgresql://user@host:port/database)")
                     .arg(text.section(u'@', -1));
        return std::nullopt;
    }
    PostgresLocation location;
    location.m_host = url.host(QUrl::FullyDecoded);
    location.m_port = url.port(-1);
    location.m_user = url.userName(QUrl::FullyDecoded);
    location.m_password = url.password(QUrl::FullyDecoded);
    location.m_database = url.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        // libpq's connection string: values with spaces, quotes or backslashes are quoted.
        if (key.isEmpty() || key.contains(u'=') || key.contains(u' ')) {
            *error = tr("the PostgreSQL connection URL has a parameter without a name");
            return std::nullopt;
        }
        if (key == u"host" && location.m_host.isEmpty()) {
            location.m_host = value;
            continue;
        }
        if (key == u"port" && location.m_port < 0) {
            bool ok = false;
            location.m_port = value.toInt(&ok);
            if (!ok || location.m_port <= 0 || location.m_port > 65535) {
                *error = tr("the PostgreSQL port %1 is not a port number").arg(value);
                return std::nullopt;
            }
            continue;
        }
        // Qt joins the options with ';' (then spaces): one inside a value would split it.
        if (value.contains(u';')) {
            *error = tr("the PostgreSQL connection parameter %1 has a ';', which Qt's driver "
                        "cannot pass on")
                         .arg(key);
            return std::nullopt;
        }
        QString quoted = value;
        quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
        location.m_options.append(key + u"='"_s + quoted + u'\'');
    }
    return location;
}

void PostgresLocation::applyTo(QSqlDatabase &db) const
{
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setDatabaseName(m_database);
    db.setUserName(m_user);
    db.setPassword(m_password);
    db.setConnectOptions(m_options.join(u';'));
}

QString PostgresLocation::displayName() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(m_user);
    // A socket folder is a path, which a URL's host can't hold: it goes as ?host=.
    const bool socketFolder = m_host.startsWith(u'/');
    QUrlQuery query;
    if (socketFolder) {
        query.addQueryItem(u"host"_s, m_host);
        if (m_port > 0)
            query.addQueryItem(u"port"_s, QString::number(m_port));
    } else {
        url.setHost(m_host);
        url.setPort(m_port);
    }
    url.setPath(u"/"_s + m_database);
    for (const QString &option : m_options) {
        const QString key = option.section(u'=', 0, 0);
        if (key != u"password")
            query.addQueryItem(key, option.section(u'=', 1).mid(1).chopped(1));
    }
    url.setQuery(query);
    // QUrl leaves the "//" out when there is no user and no host (all from the environment or a
    // service): postgresql:/db would not read as the URL that was given.
    QString text = url.toString();
    return url.authority().isEmpty() ? text.replace(0, 11, u"postgresql://"_s) : text;
}
