#pragma once

#include "QtCompat.h"

#include <QString>
#include <QUrl>

// The one spelling of a server's address, for everything that belongs to one server: its token
// (the keychain account), the outbox's owner and the snapshot cache. "ws://h:8765",
// "ws://h:8765/" and "ws://user@h:8765/" are one server.
namespace ServerAccount {

inline QString of(const QUrl &server)
{
    if (server.isEmpty())
        return {};
    return QtCompat::withRequestPath(server).toString(QUrl::RemoveUserInfo
                                                      | QUrl::StripTrailingSlash);
}

// Two spellings (also as saved in a file) of one server.
inline bool same(const QString &a, const QString &b)
{
    return of(QUrl(a)) == of(QUrl(b));
}

} // namespace ServerAccount
