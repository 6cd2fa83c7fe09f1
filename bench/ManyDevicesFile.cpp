// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManyDevicesFile.h"

#include "SettingsCodec.h"
#include "ValidationError.h"

#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

bool ManyDevicesFile::write(const QString &demoFile, int devices, const QString &path)
{
    QFile demo(demoFile);
    ValidationError error;
    const auto settings = demo.open(QIODevice::ReadOnly)
        ? SettingsCodec::decode(demo.readAll(), &error)
        : std::nullopt;
    if (!settings || settings->devices.isEmpty()) {
        QTextStream(stderr) << "followme-bench: can't read the demo settings " << demoFile << ": "
                            << error.message() << Qt::endl;
        return false;
    }
    FollowMeSettings many = *settings;
    many.devices.clear();
    for (int i = 0; i < devices; ++i) {
        Device device = settings->devices.at(i % settings->devices.size());
        // The demo's own devices first, as they are; the copies get ids and names of their own.
        if (i >= settings->devices.size()) {
            device.id = u"%1-%2"_s.arg(device.id).arg(i);
            device.name = u"%1 %2"_s.arg(device.name).arg(i + 1);
        }
        many.devices.append(device);
    }
    if (const auto invalid = SettingsCodec::validate(many)) {
        QTextStream(stderr) << "followme-bench: the generated settings are invalid: "
                            << invalid->message() << Qt::endl;
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(SettingsCodec::encode(many)) < 0 || !file.flush()) {
        QTextStream(stderr) << "followme-bench: can't write " << path << ": " << file.errorString()
                            << Qt::endl;
        return false;
    }
    return true;
}
