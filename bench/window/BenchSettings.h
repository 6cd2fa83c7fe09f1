// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Settings documents (docs/settings-format.md, version 1) with any number of devices, for the
// start-up benchmark's `followme --offline FILE` runs. Qt Core only, so followme-bench can
// compile it in. The same count gives the same bytes on every run.
class BenchSettings
{
public:
    // 1 to SettingsCodec::maxDevices (100) devices: every kind in turn, every seventh locked,
    // one with a workspace in five, delays and timeouts that differ per row and call kind,
    // the first device controlled.
    static QByteArray document(int devices);
    // Writes document(devices) to `path`; the reason on failure, else an empty string.
    static QString write(const QString &path, int devices);
};
