// SPDX-License-Identifier: GPL-3.0-or-later
#include "Summary.h"

using namespace Qt::StringLiterals;

Summary Summary::ofSamples(const LatencyStats &samples, Unit unit, double p)
{
    Summary summary;
    summary.unit = unit;
    summary.n = samples.count();
    summary.center = samples.percentile(p);
    summary.low = samples.percentile(10);
    summary.high = samples.percentile(90);
    return summary;
}

Summary Summary::ofRounds(const LatencyStats &perRound, Unit unit)
{
    return ofSamples(perRound, unit, 50);
}

Summary Summary::ofValue(double value, Unit unit)
{
    Summary summary;
    summary.unit = unit;
    summary.n = 1;
    summary.center = summary.low = summary.high = value;
    return summary;
}

QString Summary::format(double value, Unit unit)
{
    switch (unit) {
    case Unit::Microseconds:
        if (value >= 10000)
            return u"%1 ms"_s.arg(value / 1000.0, 0, 'f', 1);
        if (value >= 1000)
            return u"%1 ms"_s.arg(value / 1000.0, 0, 'f', 2);
        return u"%1 µs"_s.arg(value, 0, 'f', value >= 100 ? 0 : 1);
    case Unit::PerSecond:
        return u"%1 /s"_s.arg(value, 0, 'f', 0);
    case Unit::KiB:
        return u"%1 KiB"_s.arg(value, 0, 'f', 1);
    }
    return {};
}

QString Summary::text() const
{
    if (!isValid())
        return u"—"_s;
    if (n == 1 || low == high)
        return format(center, unit);
    // The spread in the centre's unit, without repeating it.
    auto bare = [this](double value) {
        QString text = format(value, unit);
        return text.left(text.lastIndexOf(u' '));
    };
    const QString centre = format(center, unit);
    const bool sameUnit = format(low, unit).section(u' ', 1) == centre.section(u' ', 1)
        && format(high, unit).section(u' ', 1) == centre.section(u' ', 1);
    return sameUnit ? u"%1 (%2–%3)"_s.arg(centre, bare(low), bare(high))
                    : u"%1 (%2 – %3)"_s.arg(centre, format(low, unit), format(high, unit));
}
