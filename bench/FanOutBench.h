// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figure 4, fan-out: one change reaching N sessions of a user (push latency per session, p50
// and p99), against followme-bench-floor broadcast sending the same text to N bare sockets.
// Changes to the server and to the floor take turns in rounds.
class FanOutBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
