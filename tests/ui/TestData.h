#pragma once

#include "SettingsCodec.h"

#include <QFile>
#include <QTest>

// The demo document, as every widget test starts from it. Rows: 0 desk, 1 softphone, 2 mobile,
// 3 dect (via workspace), 4 reception (locked), 5 private-mobile (external number).
inline FollowMeSettings demoSettings()
{
    QFile file(QStringLiteral(FOLLOWME_SOURCE_DIR "/resources/demo/demo-settings.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the demo settings");
    ValidationError error;
    const auto settings = SettingsCodec::decode(file.readAll(), &error);
    if (!settings)
        qFatal("the demo settings are invalid: %s", qPrintable(error.message()));
    return *settings;
}

namespace DemoRow {
inline constexpr int desk = 0;
inline constexpr int softphone = 1;
inline constexpr int mobile = 2;
inline constexpr int dect = 3;
inline constexpr int reception = 4;
inline constexpr int privateMobile = 5;
} // namespace DemoRow
