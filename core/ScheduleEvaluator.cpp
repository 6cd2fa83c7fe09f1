#include "ScheduleEvaluator.h"

#include <algorithm>

namespace {

constexpr int daysAhead = 8;

QDateTime wallClock(const QDate &date, const QTime &time)
{
    return QDateTime(date, time, QTimeZone::utc());
}

} // namespace

ScheduleEvaluator::ScheduleEvaluator(const WeekSchedule &schedule,
                                     const std::optional<ActiveProfile::Override> &override)
    : m_schedule(schedule)
    , m_override(override)
    , m_zone(schedule.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(schedule.timeZone))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
}

std::optional<ScheduleEvaluator::Choice> ScheduleEvaluator::choiceAt(const QDateTime &instant) const
{
    if (m_override && m_override->holdsAt(instant))
        return Choice {m_override->profileId, m_override->by};
    if (const auto profile = scheduledAt(instant))
        return Choice {*profile, ActiveProfile::By::Schedule};
    if (m_override && !m_override->resumeProfileId.isEmpty())
        return Choice {m_override->resumeProfileId, m_override->by};
    return std::nullopt;
}

std::optional<QString> ScheduleEvaluator::scheduledAt(const QDateTime &instant) const
{
    if (m_schedule.isEmpty())
        return std::nullopt;
    const QDateTime at = instant.toUTC();
    for (const WeekSchedule::Exception &exception : m_schedule.exceptions) {
        const int from = exception.fromTime.hour() * 60 + exception.fromTime.minute();
        const int to = exception.toTime.hour() * 60 + exception.toTime.minute();
        if (firstInstant(exception.fromDate, from) <= at && at < firstInstant(exception.toDate, to))
            return exception.profileId;
    }
    // A range belongs to the day it starts on; the day before is looked at too, since on a day
    // the clocks go back its end can fall on the next local date's first hour.
    const QDate today = at.toTimeZone(m_zone).date();
    for (int offset = -1; offset <= 0; ++offset) {
        const QDate date = today.addDays(offset);
        for (const WeekSchedule::Range &range : m_schedule.ranges) {
            if (range.day == date.dayOfWeek() && firstInstant(date, range.start) <= at
                && at < firstInstant(date, range.end))
                return range.profileId;
        }
    }
    if (!m_schedule.otherwise.isEmpty())
        return m_schedule.otherwise;
    return std::nullopt;
}

QDateTime ScheduleEvaluator::firstInstant(const QDate &date, int minutes) const
{
    QDate day = date;
    if (minutes >= WeekSchedule::minutesPerDay) {
        day = date.addDays(1);
        minutes = 0;
    }
    const QTime time(minutes / 60, minutes % 60);
    const QList<QDateTime> instants = instantsOf(day, time);
    if (!instants.isEmpty())
        return instants.first();
    // Skipped: the jump over it, where the wall clock goes from before this time to after it.
    const QDateTime wall = wallClock(day, time);
    for (const QTimeZone::OffsetData &transition :
         m_zone.transitions(wall.addDays(-2), wall.addDays(2))) {
        const int before = m_zone.offsetFromUtc(transition.atUtc.addSecs(-1));
        if (transition.atUtc.addSecs(before) <= wall
            && wall < transition.atUtc.addSecs(transition.offsetFromUtc))
            return transition.atUtc;
    }
    return wall.addSecs(-m_zone.offsetFromUtc(wall));
}

QList<QDateTime> ScheduleEvaluator::instantsOf(const QDate &date, const QTime &time) const
{
    // The offsets in force a day either side are the only ones that can map to this wall-clock
    // time (zones change their offset at most once a day).
    const QDateTime wall = wallClock(date, time);
    QList<int> offsets {m_zone.offsetFromUtc(wall.addDays(-1)), m_zone.offsetFromUtc(wall),
                        m_zone.offsetFromUtc(wall.addDays(1))};
    std::sort(offsets.begin(), offsets.end(), std::greater<>());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    QList<QDateTime> instants;
    for (int offset : offsets) {
        const QDateTime candidate = wall.addSecs(-offset);
        if (m_zone.offsetFromUtc(candidate) == offset)
            instants.append(candidate);
    }
    return instants;
}

std::optional<ScheduleEvaluator::Switch> ScheduleEvaluator::nextSwitch(const QDateTime &after,
                                                                       const QString &current) const
{
    const QDateTime from = after.toUTC();
    QList<QDateTime> candidates;
    if (m_override && m_override->until.isValid())
        candidates.append(m_override->until.toUTC());
    if (!m_schedule.isEmpty()) {
        const QDate today = from.toTimeZone(m_zone).date();
        for (int offset = -1; offset <= daysAhead; ++offset) {
            const QDate date = today.addDays(offset);
            for (const WeekSchedule::Range &range : m_schedule.ranges) {
                if (range.day != date.dayOfWeek())
                    continue;
                candidates.append(firstInstant(date, range.start));
                candidates.append(firstInstant(date, range.end));
            }
        }
        for (const WeekSchedule::Exception &exception : m_schedule.exceptions) {
            candidates.append(firstInstant(
                exception.fromDate, exception.fromTime.hour() * 60 + exception.fromTime.minute()));
            candidates.append(firstInstant(
                exception.toDate, exception.toTime.hour() * 60 + exception.toTime.minute()));
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const QDateTime &candidate : std::as_const(candidates)) {
        if (candidate <= from)
            continue;
        const auto choice = choiceAt(candidate);
        if (choice && choice->profileId != current)
            return Switch {candidate, *choice};
    }
    return std::nullopt;
}
