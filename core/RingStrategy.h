#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"

#include <QList>
#include <QString>

#include <utility>

// A ring plan made in one step from the order of the devices, for one call kind: every device
// at once, or one after another for a few seconds each. Only devices that ring and that the user
// may change take part; locked and switched-off devices keep their rules.
class RingStrategy
{
public:
    enum class Kind {
        AllAtOnce, // delay 0, all for as long as the longest of them rings now
        OneAfterAnother, // in the devices' order, `seconds` each
    };

    // The rules the devices get (device id, the wanted rule), only those that change.
    static QList<std::pair<QString, RingRule>> plan(const FollowMeSettings &settings, CallKind kind,
                                                    Kind strategy, int seconds = 0);
};
