// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What differs between the Qt versions FollowMe supports (6.4 is the oldest). Each entry names
// the version from which it can be deleted; grep for QtCompat:: to find its users.

#include <QAbstractSocket>
#include <QString>
#include <QUrl>
#include <QWebSocket>
#include <QtGlobal>

namespace QtCompat {

// QWebSocket's error signal: error(SocketError) up to 6.4, overloaded with the error() getter;
// errorOccurred(SocketError) from 6.5, where error() is deprecated. Delete with Qt 6.4.
inline auto webSocketError()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return &QWebSocket::errorOccurred;
#else
    return qOverload<QAbstractSocket::SocketError>(&QWebSocket::error);
#endif
}

// A ws:// URL with no path (`ws://host:8765` or `ws://host:8765?x=1`) gives a broken request
// line ("GET  HTTP/1.1" or "GET ?x=1 HTTP/1.1"): seen in Qt 5.15 and 6.4, no release known to fix
// it. The explicit "/" means the same resource, so this stays until one does.
inline QUrl withRequestPath(QUrl url)
{
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace QtCompat
