#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "GapMarker.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Everything drawn around the ring timeline of one call kind besides the bars: the warnings,
// the silent gaps, the rows that carry a warning, the ending and the summary. Computed in one
// place so the page, the chart and the exported image show the same. A plain value.
struct TimelineDecorations
{
    QStringList warningLines; // "⚠ " + each RingWarning::message(), in RingWarnings' order
    QList<GapMarker> gaps; // the SilentGap warnings, earliest first
    // Device row (index in settings.devices) → its warning's message; the last one when a row
    // has several. Not the controlled device's "never rings": that one is about no call kind.
    QHash<int, QString> rowWarnings;
    QString ending; // "→ voicemail", "→ <number>", "→ call ends"; empty when not known
    QString summary; // PlanSummary::describe()

    static TimelineDecorations of(const FollowMeSettings &settings, CallKind kind);

    friend bool operator==(const TimelineDecorations &a, const TimelineDecorations &b)
    {
        return a.warningLines == b.warningLines && a.gaps == b.gaps
            && a.rowWarnings == b.rowWarnings && a.ending == b.ending && a.summary == b.summary;
    }
    friend bool operator!=(const TimelineDecorations &a, const TimelineDecorations &b)
    {
        return !(a == b);
    }
};
