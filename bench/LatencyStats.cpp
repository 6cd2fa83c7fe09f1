#include "LatencyStats.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

double LatencyStats::percentile(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

QString LatencyStats::summary() const
{
    auto format = [](double us) {
        return us >= 10000 ? u"%1 ms"_s.arg(us / 1000.0, 0, 'f', 1) : u"%1 µs"_s.arg(us, 0, 'f', 0);
    };
    return u"p50 %1, p99 %2 (n = %3)"_s.arg(format(percentile(50)), format(percentile(99)))
        .arg(count());
}
