#pragma once

#include <QList>
#include <QString>

// Collected durations (in microseconds) and their percentiles.
class LatencyStats
{
public:
    void add(double microseconds) { m_samples.append(microseconds); }
    qsizetype count() const { return m_samples.size(); }
    // The p-th percentile (nearest rank), 0 when empty.
    double percentile(double p) const;
    // "p50 123 µs, p99 456 µs (n = 500)"
    QString summary() const;

private:
    QList<double> m_samples;
};
