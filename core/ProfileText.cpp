#include "ProfileText.h"

#include "ProfileEditing.h"
#include "ScheduleEvaluator.h"

#include <QLocale>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

QString ProfileText::name(const FollowMeSettings &settings, const QString &profileId)
{
    if (profileId == RingProfile::doNotDisturbId)
        return tr("Do not disturb");
    const RingProfile *profile = settings.profile(profileId);
    if (profile && !profile->name.isEmpty())
        return profile->name;
    if (profileId == RingProfile::standardId)
        return tr("Standard", "the profile of a user who has made no others");
    return profileId;
}

QTimeZone ProfileText::shownZone(const FollowMeSettings &settings)
{
    const QTimeZone zone(settings.schedule.timeZone);
    return settings.schedule.timeZone.isEmpty() || !zone.isValid() ? QTimeZone::systemTimeZone()
                                                                   : zone;
}

QString ProfileText::current(const FollowMeSettings &settings, const QDateTime &now)
{
    const QTimeZone zone = shownZone(settings);
    const QString active = name(settings, settings.activeProfileId());
    const auto next = ScheduleEvaluator(settings.schedule, settings.active.override)
                          .nextSwitch(now, settings.activeProfileId());
    if (!next) {
        if (settings.schedule.isEmpty() && !settings.active.override)
            return active;
        return tr("%1 — until you change it", "the active profile").arg(active);
    }
    const QDateTime local = next->at.toTimeZone(zone);
    const QLocale locale;
    // Switches fall on whole minutes: no seconds, whatever the locale's short format has.
    QString clock = locale.timeFormat(QLocale::ShortFormat);
    clock.remove(u":ss"_s);
    // Today: the time alone; within a week: the day and time; later: the date.
    const qint64 days = now.toTimeZone(zone).date().daysTo(local.date());
    QString when;
    if (days == 0)
        when = locale.toString(local.time(), clock);
    else if (days < 7)
        when = tr("%1 %2", "day of the week, time")
                   .arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat),
                        locale.toString(local.time(), clock));
    else
        when = tr("%1 %2", "date, time")
                   .arg(locale.toString(local.date(), QLocale::ShortFormat),
                        locale.toString(local.time(), clock));
    return tr("%1 — until %2, then %3", "active profile, when it ends, the next profile")
        .arg(active, when, name(settings, next->to.profileId));
}

QString ProfileText::chosenBy(const FollowMeSettings &settings)
{
    if (settings.schedule.isEmpty() && !settings.active.override && settings.profiles.isEmpty())
        return {};
    switch (settings.active.by) {
    case ActiveProfile::By::Schedule:
        return tr("Chosen by your schedule");
    case ActiveProfile::By::User:
        return tr("Chosen by you");
    case ActiveProfile::By::Administrator:
        return tr("Chosen by your administrator");
    }
    return {};
}

QString ProfileText::doNotDisturbEffect(const FollowMeSettings &settings)
{
    QStringList ringing;
    for (const Device &device : settings.devices) {
        if (!device.isLocked())
            continue;
        for (const RingRule &rule : device.rules) {
            if (rule.enabled) {
                ringing.append(device.name);
                break;
            }
        }
    }
    // Where the calls go then, as the phone system says, per call kind.
    QStringList going;
    for (CallKind kind : CallKinds::all()) {
        const auto &call = settings.unansweredCall(kind);
        const QString calls = CallKinds::callsTitle(kind);
        if (!call)
            going.append(tr("%1 reach nobody", "calls of a kind, under Do not disturb").arg(calls));
        else if (call->action == UnansweredCall::Action::Voicemail)
            going.append(tr("%1 go to voicemail", "calls of a kind").arg(calls));
        else if (call->action == UnansweredCall::Action::Number)
            going.append(tr("%1 go to %2", "calls of a kind, a number").arg(calls, call->number));
        else
            going.append(tr("%1 are hung up", "calls of a kind").arg(calls));
    }
    const QString where = QLocale().createSeparatedList(going);
    if (ringing.isEmpty())
        return tr("None of your phones rings: %1.", "where the calls go").arg(where);
    return tr("Only the phones your administrator manages ring (%1); when they aren't answered, "
              "%2.")
        .arg(QLocale().createSeparatedList(ringing), where);
}
