#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QString>

// A ring plan in plain words, translated: one sentence for under the chart (and its accessible
// description), and what a caller meets when nobody answers (for the end of a played call).
// Each sentence is one whole translatable phrase with placeholders, never glued from pieces.
class PlanSummary
{
    Q_DECLARE_TR_FUNCTIONS(PlanSummary)

public:
    // "External calls: Desk phone 0–20 s, Mobile app 10–35 s, then voicemail." The enabled
    // devices by start time (ties in device order), then the unanswered call when known, else
    // when the last one stops; "External calls: no device rings." when none is enabled.
    static QString describe(const FollowMeSettings &settings, CallKind kind);

    // "After 45 s the call goes to voicemail." / "After 45 s nobody rings any more." / …; when
    // no device is enabled, what the caller meets at once.
    static QString outcome(const FollowMeSettings &settings, CallKind kind);
};
