// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

// Runs the event loop until a condition holds, without sleeping: the benchmark waits for
// events, like the tests do.
class BenchWait
{
public:
    // False when the condition still did not hold after timeoutMs.
    static bool until(const std::function<bool()> &done, int timeoutMs);
};
