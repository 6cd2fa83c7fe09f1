#pragma once

#include <QList>

// Collected samples (durations in microseconds, or per-round values of any unit) and their
// percentiles.
class LatencyStats
{
public:
    void add(double value) { m_samples.append(value); }
    void addAll(const LatencyStats &other) { m_samples.append(other.m_samples); }
    qsizetype count() const { return m_samples.size(); }
    const QList<double> &samples() const { return m_samples; }
    // The p-th percentile (nearest rank), 0 when empty.
    double percentile(double p) const;
    double median() const { return percentile(50); }

private:
    QList<double> m_samples;
};
