#include "PlanSummary.h"

#include "RingPlan.h"

#include <QStringList>

#include <algorithm>

namespace {

// "Desk phone 0–20 s, Mobile app 10–35 s": a list, not a sentence, so its items and separator
// are translated on their own.
QString deviceList(const FollowMeSettings &settings, const RingPlan &plan)
{
    QList<RingPlan::Entry> entries = plan.entries();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const RingPlan::Entry &a, const RingPlan::Entry &b) {
                         return a.window.start < b.window.start;
                     });
    QStringList items;
    for (const RingPlan::Entry &entry : entries) {
        items.append(PlanSummary::tr("%1 %2–%3 s", "a device and the seconds it rings")
                         .arg(settings.devices.at(entry.deviceIndex).name,
                              QString::number(entry.window.start),
                              QString::number(entry.window.end)));
    }
    return items.join(PlanSummary::tr(", ", "between the devices in a plan summary"));
}

} // namespace

QString PlanSummary::describe(const FollowMeSettings &settings, CallKind kind)
{
    const RingPlan plan(settings, kind);
    const QString title = CallKinds::callsTitle(kind);
    const std::optional<UnansweredCall> &unanswered = settings.unansweredCall(kind);
    if (plan.isEmpty()) {
        if (!unanswered)
            return tr("%1: no device rings.").arg(title);
        switch (unanswered->action) {
        case UnansweredCall::Action::Voicemail:
            return tr("%1: no device rings, calls go straight to voicemail.").arg(title);
        case UnansweredCall::Action::Number:
            return tr("%1: no device rings, calls go straight to %2.")
                .arg(title, unanswered->number);
        case UnansweredCall::Action::Hangup:
            return tr("%1: no device rings, calls end at once.").arg(title);
        }
        Q_UNREACHABLE();
    }

    const QString devices = deviceList(settings, plan);
    if (!unanswered)
        return tr("%1: %2, nobody rings after %3 s.")
            .arg(title, devices, QString::number(plan.lastRingEnd()));
    switch (unanswered->action) {
    case UnansweredCall::Action::Voicemail:
        return tr("%1: %2, then voicemail.").arg(title, devices);
    case UnansweredCall::Action::Number:
        return tr("%1: %2, then %3.").arg(title, devices, unanswered->number);
    case UnansweredCall::Action::Hangup:
        return tr("%1: %2, then the call ends.").arg(title, devices);
    }
    Q_UNREACHABLE();
}

QString PlanSummary::outcome(const FollowMeSettings &settings, CallKind kind)
{
    const RingPlan plan(settings, kind);
    const std::optional<UnansweredCall> &unanswered = settings.unansweredCall(kind);
    if (plan.isEmpty()) {
        if (!unanswered)
            return tr("No device rings: the caller reaches nobody.");
        switch (unanswered->action) {
        case UnansweredCall::Action::Voicemail:
            return tr("No device rings: the call goes to voicemail at once.");
        case UnansweredCall::Action::Number:
            return tr("No device rings: the call goes to %1 at once.").arg(unanswered->number);
        case UnansweredCall::Action::Hangup:
            return tr("No device rings: the call ends at once.");
        }
        Q_UNREACHABLE();
    }

    const QString end = QString::number(plan.lastRingEnd());
    if (!unanswered)
        return tr("After %1 s nobody rings any more.").arg(end);
    switch (unanswered->action) {
    case UnansweredCall::Action::Voicemail:
        return tr("After %1 s the call goes to voicemail.").arg(end);
    case UnansweredCall::Action::Number:
        return tr("After %1 s the call goes to %2.").arg(end, unanswered->number);
    case UnansweredCall::Action::Hangup:
        return tr("After %1 s the call ends.").arg(end);
    }
    Q_UNREACHABLE();
}
