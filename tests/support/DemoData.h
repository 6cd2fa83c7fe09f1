#pragma once

#include "SettingsCodec.h"

#include <QFile>
#include <QTest>

// The demo data (resources/demo/demo-settings.json), which most tests start from.

inline QString demoPath()
{
    return QString::fromUtf8(FOLLOWME_SOURCE_DIR "/resources/demo/demo-settings.json");
}

// The demo document's bytes, exactly as stored; empty when the file cannot be read.
inline QByteArray demoJson()
{
    QFile file(demoPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The decoded demo settings. Rows: 0 desk, 1 softphone, 2 mobile, 3 dect (via workspace),
// 4 reception (locked), 5 private-mobile (external number).
inline FollowMeSettings demoSettings()
{
    ValidationError error;
    const auto settings = SettingsCodec::decode(demoJson(), &error);
    if (!settings)
        qFatal("the demo settings are invalid: %s", qPrintable(error.message()));
    return *settings;
}

// The demo settings with `change(settings)` made, for a variant of them in one expression.
template<typename Change>
FollowMeSettings demoWith(Change change)
{
    FollowMeSettings settings = demoSettings();
    change(settings);
    return settings;
}

namespace DemoRow {
inline constexpr int desk = 0;
inline constexpr int softphone = 1;
inline constexpr int mobile = 2;
inline constexpr int dect = 3;
inline constexpr int reception = 4;
inline constexpr int privateMobile = 5;
} // namespace DemoRow
