#pragma once

#include <QString>

// A stretch of the timeline where nothing rings, in seconds since the call arrived, with the
// warning that explains it (RingWarning::Kind::SilentGap).
struct GapMarker
{
    double from = 0;
    double to = 0;
    QString text;

    friend bool operator==(const GapMarker &a, const GapMarker &b)
    {
        return a.from == b.from && a.to == b.to && a.text == b.text;
    }
    friend bool operator!=(const GapMarker &a, const GapMarker &b) { return !(a == b); }
};
