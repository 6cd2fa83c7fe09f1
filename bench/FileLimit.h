// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Thousands of sockets need more descriptors than the usual soft limit of 1024.
class FileLimit
{
public:
    // Raises RLIMIT_NOFILE's soft limit to the hard one (children inherit it); returns the
    // soft limit now in force, -1 where there is none to raise.
    static long raiseToHard();
};
