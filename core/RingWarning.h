#pragma once

#include "CallKind.h"

#include <QString>

// One thing about a ring plan the user probably doesn't want, found by RingWarnings, with a
// one-line translated why. A plain value the page and the chart show.
struct RingWarning
{
    enum class Kind {
        NoDeviceEnabled, // nothing rings for this call kind: the same as do-not-disturb
        SilentGap, // nothing rings from `from` to `to`, then `deviceId` starts
        VoicemailRisk, // `deviceId`, an external number, rings from `from` to `to`: long enough
                       // for its carrier's voicemail to answer
        StartsAfterAllStopped, // `deviceId` starts at `to`, every other device stopped by `from`
        ControlledDeviceNeverRings, // `deviceId`, the controlled device, is off for every kind
    };

    Kind kind = Kind::NoDeviceEnabled;
    CallKind callKind = CallKind::External;
    QString deviceId; // the device it is about; empty for NoDeviceEnabled
    QString deviceName; // that device's name, for message()
    int from = 0; // seconds since the call arrived; see Kind for what they mark
    int to = 0;

    // The translated one-line why, e.g. "Nothing rings from 25 s to 30 s: …".
    QString message() const;

    friend bool operator==(const RingWarning &a, const RingWarning &b)
    {
        return a.kind == b.kind && a.callKind == b.callKind && a.deviceId == b.deviceId
            && a.deviceName == b.deviceName && a.from == b.from && a.to == b.to;
    }
    friend bool operator!=(const RingWarning &a, const RingWarning &b) { return !(a == b); }
};
