// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figures 5 and 6: the server's CPU per edit with 0, 2000, 5000 and 10,000 idle authenticated
// sessions of another user connected, and the memory each idle session costs the server against
// what it costs followme-bench-floor echo (each of its connections got one snapshot-sized
// message). The idle connections are held by followme-bench-floor idle-clients processes.
class IdleSessionsBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
