#pragma once

// The seconds during which a device rings, counted from the moment the call arrives:
// it starts ringing at `start` and stops at `end` (exclusive).
struct RingWindow
{
    int start = 0;
    int end = 0;

    constexpr int length() const { return end - start; }
    constexpr bool contains(int second) const { return second >= start && second < end; }
    friend constexpr bool operator==(const RingWindow &a, const RingWindow &b)
    {
        return a.start == b.start && a.end == b.end;
    }
    friend constexpr bool operator!=(const RingWindow &a, const RingWindow &b) { return !(a == b); }
};
