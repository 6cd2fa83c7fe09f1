#pragma once

// Small hand-built settings for the ring plan tests, written as one line each, e.g.
//
//   "a=desk_phone@0+20 !b=dect@25+10 #m=external@5+25"
//
// is three devices with ids a, b and m, each of the given device kind key, with the rule
// delay+timeout for the call kind under test; "!" means that rule is disabled, "#" that the
// device is locked (not user-configurable). The rules of the other call kinds are disabled.
// Device names are the ids in upper case ("A", "B", "M").

#include "CallKind.h"
#include "DeviceKind.h"
#include "FollowMeSettings.h"

#include <QString>
#include <QStringList>
#include <QTest>

namespace RingSpec {

inline FollowMeSettings settings(const QString &spec, CallKind kind = CallKind::External)
{
    FollowMeSettings settings;
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    for (QString token : tokens) {
        Device device;
        bool enabled = true;
        while (token.startsWith(u'!') || token.startsWith(u'#')) {
            if (token.startsWith(u'!'))
                enabled = false;
            else
                device.userConfigurable = false;
            token.remove(0, 1);
        }
        const qsizetype equals = token.indexOf(u'=');
        const qsizetype at = token.indexOf(u'@');
        const qsizetype plus = token.indexOf(u'+');
        if (equals < 0 || at < equals || plus < at)
            qFatal("bad ring spec token: %s", qPrintable(token));
        device.id = token.left(equals);
        device.name = device.id.toUpper();
        const auto deviceKind = DeviceKinds::fromKey(token.mid(equals + 1, at - equals - 1));
        if (!deviceKind)
            qFatal("bad device kind in: %s", qPrintable(token));
        device.kind = *deviceKind;
        device.number = QStringLiteral("100");
        device.rule(kind) = {enabled, token.mid(at + 1, plus - at - 1).toInt(),
                             token.mid(plus + 1).toInt()};
        settings.devices.append(device);
    }
    return settings;
}

} // namespace RingSpec
