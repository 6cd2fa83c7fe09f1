// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Issue 12's figures, on a throwaway PostgreSQL cluster the benchmark starts (as the tests do):
// edit → ack on PostgreSQL against the same on SQLite and against the echo floor, and one change
// reaching N sessions of a user spread over 3 servers on one database (pushed across servers)
// against followme-bench-floor broadcast. The sides take turns in rounds.
class PostgresBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
