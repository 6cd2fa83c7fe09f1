#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "RingWarning.h"

#include <QList>

// The rules that find what is probably wrong with a ring plan (docs/settings-format.md has the
// timing). Enabled devices count, locked ones too since they ring; disabled ones never do.
class RingWarnings
{
public:
    // Mobile carriers commonly divert a call nobody answers to their own voicemail after about
    // 20 s; an external number that rings this long or longer risks that voicemail taking the
    // call before anyone else can answer it.
    static constexpr int voicemailRiskSeconds = 20;

    // The warnings for one call kind, in this order: NoDeviceEnabled; SilentGap, earliest
    // first; VoicemailRisk and then StartsAfterAllStopped, each in device order;
    // ControlledDeviceNeverRings (not about one call kind, so in every call kind's list).
    static QList<RingWarning> check(const FollowMeSettings &settings, CallKind kind);
};
