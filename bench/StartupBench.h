// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figure 7, client start: spawn → the line "followme-bench: painted" for the bare-window floor
// (followme-bench-window), followme --offline with the demo's 6 devices and with 100, and
// followme connected to the benchmark's own followme-server --demo (FOLLOWME_BENCH_PAINTED=1:
// the app prints the line once the page shows the data, then quits). One run of each per round,
// in turns, offscreen, each in a fresh profile.
class StartupBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
