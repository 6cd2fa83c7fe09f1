// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

// What one run of followme-bench measures, and how much of it.
struct BenchOptions
{
    static const QStringList allSections; // edit, group, fanout, idle, start, chart, postgres

    QStringList sections;
    bool quick = false;
    int rounds = 7; // interleaved rounds of every FollowMe/floor pair
    int edits = 200; // edits (and echoes, fdatasyncs) per round
    int groupSessions = 100;
    int groupMs = 2000; // each group-commit phase's length
    QList<int> fanOutSizes {10, 1000};
    int changes = 20; // fan-out changes per round and side
    int postgresFanOut = 1000; // sessions over the 3 servers on PostgreSQL
    QList<int> idleLevels {0, 2000, 5000, 10000};
    int memorySessions = 2000;
    int startRounds = 40; // a start takes some 50 ms and spreads widely on a shared machine
    QString client;
    QString window;
    QString chart;
    QString workParent; // where the temporary folder goes (default: the system's)
    QString workFolder; // a temporary folder: databases, settings files, logs

    bool has(const QString &section) const { return sections.contains(section); }
    // Exits on --help; nullopt (with the reason on stderr) on a bad command line.
    static std::optional<BenchOptions> parse(const QCoreApplication &app);
};
