// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class ResultTable;
struct BenchOptions;

// Figures 1 and 2: edit → ack against an echo round trip plus one fdatasync of a database
// page, and against the echo alone; the server's CPU per edit against the echo's per echo.
// Edits, echoes and fdatasyncs take turns in rounds.
class EditAckBench
{
public:
    static void run(const BenchOptions &options, ResultTable *table);
};
