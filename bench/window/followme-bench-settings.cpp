// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bench-settings N FILE: writes a settings document with N devices (BenchSettings) for
// `followme --offline FILE`, and checks it reads back as FollowMe reads it.
#include "BenchSettings.h"
#include "SettingsCodec.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const int devices = arguments.size() == 3 ? arguments.at(1).toInt(&ok) : 0;
    if (!ok || devices < 1 || devices > SettingsCodec::maxDevices) {
        std::fprintf(stderr, "usage: followme-bench-settings N FILE (N from 1 to %d)\n",
                     SettingsCodec::maxDevices);
        return 1;
    }
    ValidationError error;
    if (!SettingsCodec::decode(BenchSettings::document(devices), &error)) {
        std::fprintf(stderr, "followme-bench-settings: not a valid document: %s\n",
                     qUtf8Printable(error.message()));
        return 2;
    }
    if (const QString problem = BenchSettings::write(arguments.at(2), devices);
        !problem.isEmpty()) {
        std::fprintf(stderr, "followme-bench-settings: %s\n", qUtf8Printable(problem));
        return 2;
    }
    return 0;
}
