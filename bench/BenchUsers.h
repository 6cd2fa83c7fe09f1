// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// Users of the benchmark's own, each with one desk phone and a token, made through the admin
// protocol (protocol.md §9) with the demo admin token: sessions of different users share no
// fan-out, so many of them editing at once measure the commits, not the pushes.
class BenchUsers
{
public:
    struct User
    {
        QString id;
        QString device;
        QString token;
    };

    // Empty (with the reason on stderr) when the server refused.
    static QList<User> create(const QUrl &server, int count);
};
