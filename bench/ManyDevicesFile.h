// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Settings documents for the start-up figures: the demo's (6 devices), and the demo's devices
// repeated with new ids and names up to N devices (docs/settings-format.md allows 100).
class ManyDevicesFile
{
public:
    // Writes the document; false (with the reason on stderr) when it can't.
    static bool write(const QString &demoFile, int devices, const QString &path);
};
