#pragma once

// The one place that says which ring rule values are allowed. docs/settings-format.md explains
// the choice; the codec, the document, the spinners and (later) the server all read it here.
//
// Real systems differ: FreePBX rings a follow-me at most 60 s, FusionPBX offers 0–300 s,
// Grandstream 3–600 s, pascom defaults to delay 0 / timeout 999. FollowMe allows:
//  - delay 0–300 s: five minutes is longer than any caller waits for the first ring;
//  - timeout 1–600 s: ten minutes covers every "ring until the caller gives up" plan a real
//    trunk or queue allows. There is deliberately no "unlimited" value: every ring window has an
//    end, so the timeline, the summary and the "last device stops at" figure are always defined.
//    A device that should not ring is disabled, not given a zero timeout.
struct RingBounds
{
    static constexpr int minDelay = 0;
    static constexpr int maxDelay = 300;
    static constexpr int minTimeout = 1;
    static constexpr int maxTimeout = 600;

    static constexpr bool isValidDelay(long long seconds)
    {
        return seconds >= minDelay && seconds <= maxDelay;
    }
    static constexpr bool isValidTimeout(long long seconds)
    {
        return seconds >= minTimeout && seconds <= maxTimeout;
    }
};
