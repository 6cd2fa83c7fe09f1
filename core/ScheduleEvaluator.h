#pragma once

#include "ActiveProfile.h"
#include "WeekSchedule.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

// Which profile the schedule and a hand-made override choose at an instant, and when that
// choice next changes. Instants are UTC; the schedule is read in its own time zone, so a range
// starting at 08:00 starts at 08:00 wall-clock time on either side of a daylight-saving change.
// Each range and exception is the span of instants from the first time its start comes to the
// first time its end comes: on the day the clocks go forward a boundary inside the skipped hour
// takes effect when the clocks jump, and on the day they go back nothing switches twice.
class ScheduleEvaluator
{
public:
    struct Choice
    {
        QString profileId;
        ActiveProfile::By by = ActiveProfile::By::Schedule;

        friend bool operator==(const Choice &a, const Choice &b)
        {
            return a.profileId == b.profileId && a.by == b.by;
        }
    };
    struct Switch
    {
        QDateTime at; // UTC
        Choice to;
    };

    ScheduleEvaluator(const WeekSchedule &schedule,
                      const std::optional<ActiveProfile::Override> &override);

    // Nothing: neither the override nor the schedule has a say at that instant, so whatever is
    // active stays.
    std::optional<Choice> choiceAt(const QDateTime &instant) const;
    // The first instant after `after` at which the choice names a profile other than `current`,
    // looking a week ahead for the weekly ranges and at every dated exception.
    std::optional<Switch> nextSwitch(const QDateTime &after, const QString &current) const;

    // The instants (UTC) whose wall-clock time in the schedule's zone is date/time: none in a
    // skipped hour, two in a repeated one.
    QList<QDateTime> instantsOf(const QDate &date, const QTime &time) const;

    // The first instant at which the wall clock shows date/time (minutes after midnight; 1440 is
    // the next midnight) or later: the jump itself when that time is skipped.
    QDateTime firstInstant(const QDate &date, int minutes) const;

private:
    std::optional<QString> scheduledAt(const QDateTime &instant) const;

    WeekSchedule m_schedule;
    std::optional<ActiveProfile::Override> m_override;
    QTimeZone m_zone;
};
