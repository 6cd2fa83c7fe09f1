#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

// When which profile is active, in the user's time zone: weekly ranges, dated exceptions on top
// of them, and the profile for every other time. Times are wall-clock times of that zone, so
// "08:00" stays 08:00 across a daylight-saving change (ScheduleEvaluator maps them to instants).
struct WeekSchedule
{
    Q_DECLARE_TR_FUNCTIONS(WeekSchedule)

public:
    static constexpr int minutesPerDay = 24 * 60;
    static constexpr int maxRanges = 200;
    static constexpr int maxExceptions = 100;

    // One day's range, from `start` up to (not including) `end`, in minutes after midnight;
    // end 1440 is midnight at the end of the day. Ranges over midnight are two ranges.
    struct Range
    {
        int day = 1; // Qt::DayOfWeek: 1 Monday … 7 Sunday
        int start = 0;
        int end = 0;
        QString profileId;

        friend bool operator==(const Range &a, const Range &b)
        {
            return a.day == b.day && a.start == b.start && a.end == b.end
                && a.profileId == b.profileId;
        }
    };

    // A dated exception, e.g. holidays: wall-clock from (included) to (excluded).
    struct Exception
    {
        QDate fromDate;
        QTime fromTime;
        QDate toDate;
        QTime toTime;
        QString profileId;
        QString label; // optional, the user's ("Christmas")

        friend bool operator==(const Exception &a, const Exception &b)
        {
            return a.fromDate == b.fromDate && a.fromTime == b.fromTime && a.toDate == b.toDate
                && a.toTime == b.toTime && a.profileId == b.profileId && a.label == b.label;
        }
    };

    QByteArray timeZone; // IANA id, e.g. "Europe/Berlin"
    QList<Range> ranges;
    QList<Exception> exceptions;
    QString otherwise; // the profile outside every range; empty: the schedule leaves it alone

    // No ranges, exceptions or default: the profile is chosen by hand only.
    bool isEmpty() const { return ranges.isEmpty() && exceptions.isEmpty() && otherwise.isEmpty(); }

    // The profiles it names: the default, the ranges', the exceptions' (repeats left in).
    QStringList profileIds() const;

    // Overlapping ranges or exceptions, an unknown time zone, a range that ends before it starts:
    // a sentence for the user, or nothing when the schedule is sound. Profile ids are checked
    // by the caller, who knows the profiles.
    std::optional<QString> problem() const;

    // "Mon 08:00–17:00", in the user's language.
    static QString describe(const Range &range);
    static QString dayName(int day);
    static QString clock(int minutes);

    friend bool operator==(const WeekSchedule &a, const WeekSchedule &b)
    {
        return a.timeZone == b.timeZone && a.ranges == b.ranges && a.exceptions == b.exceptions
            && a.otherwise == b.otherwise;
    }
    friend bool operator!=(const WeekSchedule &a, const WeekSchedule &b) { return !(a == b); }
};
