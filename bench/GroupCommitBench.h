// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figure 3, group commit: edits per second with 100 sessions editing at once (closed loop: each
// sends its next edit when it has its ack), against one session editing alone on the same server
// (one commit per edit). The two phases take turns in rounds.
class GroupCommitBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
