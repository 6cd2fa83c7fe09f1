#include "WeekSchedule.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QDateTime wallClock(const QDate &date, const QTime &time)
{
    // Compared as wall-clock times: UTC has no gaps or repeats to get in the way.
    return QDateTime(date, time, QTimeZone::utc());
}

QString describeException(const WeekSchedule::Exception &exception)
{
    const QLocale locale;
    const QString from =
        locale.toString(wallClock(exception.fromDate, exception.fromTime), QLocale::ShortFormat);
    const QString to =
        locale.toString(wallClock(exception.toDate, exception.toTime), QLocale::ShortFormat);
    return exception.label.isEmpty()
        ? WeekSchedule::tr("%1 – %2").arg(from, to)
        : WeekSchedule::tr("%1 (%2 – %3)").arg(exception.label, from, to);
}

} // namespace

QStringList WeekSchedule::profileIds() const
{
    QStringList ids;
    if (!otherwise.isEmpty())
        ids.append(otherwise);
    for (const Range &range : ranges)
        ids.append(range.profileId);
    for (const Exception &exception : exceptions)
        ids.append(exception.profileId);
    return ids;
}

std::optional<QString> WeekSchedule::problem() const
{
    if (!timeZone.isEmpty() && !QTimeZone(timeZone).isValid())
        return tr("\"%1\" is not a time zone FollowMe knows").arg(QString::fromUtf8(timeZone));
    if (!isEmpty() && timeZone.isEmpty())
        return tr("a schedule needs a time zone, such as Europe/Berlin");
    if (ranges.size() > maxRanges)
        return tr("a week holds at most %1 ranges").arg(maxRanges);
    if (exceptions.size() > maxExceptions)
        return tr("a schedule holds at most %1 exceptions").arg(maxExceptions);
    for (const Range &range : ranges) {
        if (range.day < 1 || range.day > 7)
            return tr("%1 is not a day of the week").arg(range.day);
        if (range.start < 0 || range.end > minutesPerDay || range.start >= range.end)
            return tr("the range %1 ends before it starts").arg(describe(range));
        if (range.profileId.isEmpty())
            return tr("the range %1 names no profile").arg(describe(range));
    }
    for (int i = 0; i < ranges.size(); ++i) {
        for (int j = i + 1; j < ranges.size(); ++j) {
            const Range &a = ranges.at(i);
            const Range &b = ranges.at(j);
            if (a.day == b.day && a.start < b.end && b.start < a.end)
                return tr("the ranges %1 and %2 overlap").arg(describe(a), describe(b));
        }
    }
    for (const Exception &exception : exceptions) {
        if (!exception.fromDate.isValid() || !exception.toDate.isValid()
            || !exception.fromTime.isValid() || !exception.toTime.isValid()
            || wallClock(exception.fromDate, exception.fromTime)
                >= wallClock(exception.toDate, exception.toTime))
            return tr("the exception %1 ends before it starts").arg(describeException(exception));
        if (exception.profileId.isEmpty())
            return tr("the exception %1 names no profile").arg(describeException(exception));
    }
    for (int i = 0; i < exceptions.size(); ++i) {
        for (int j = i + 1; j < exceptions.size(); ++j) {
            const Exception &a = exceptions.at(i);
            const Exception &b = exceptions.at(j);
            if (wallClock(a.fromDate, a.fromTime) < wallClock(b.toDate, b.toTime)
                && wallClock(b.fromDate, b.fromTime) < wallClock(a.toDate, a.toTime))
                return tr("the exceptions %1 and %2 overlap")
                    .arg(describeException(a), describeException(b));
        }
    }
    return std::nullopt;
}

QString WeekSchedule::dayName(int day)
{
    return QLocale().dayName(std::clamp(day, 1, 7), QLocale::ShortFormat);
}

QString WeekSchedule::clock(int minutes)
{
    // 24:00 is the end of a day, which QTime can't hold.
    if (minutes >= minutesPerDay)
        return u"24:00"_s;
    return QTime(minutes / 60, minutes % 60).toString(u"HH:mm"_s);
}

QString WeekSchedule::describe(const Range &range)
{
    return tr("%1 %2–%3").arg(dayName(range.day), clock(range.start), clock(range.end));
}
