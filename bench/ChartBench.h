// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figure 7, the chart: runs followme-bench-chart (which interleaves FollowMe's chart and a bare
// QChartView itself) and reads its lines
//   RESULT chart-update-50 followme p50_us=.. p10_us=.. p90_us=.. n=..
//   RESULT chart-update-50 floor p50_us=.. p10_us=.. p90_us=.. n=..
class ChartBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
