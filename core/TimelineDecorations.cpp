#include "TimelineDecorations.h"

#include "PlanSummary.h"
#include "RingWarning.h"
#include "RingWarnings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString endingLabel(const FollowMeSettings &settings, CallKind kind)
{
    const std::optional<UnansweredCall> &unanswered = settings.unansweredCall(kind);
    if (!unanswered)
        return {};
    switch (unanswered->action) {
    case UnansweredCall::Action::Voicemail:
        return QCoreApplication::translate("TimelineDecorations", "→ voicemail");
    case UnansweredCall::Action::Number:
        return QCoreApplication::translate("TimelineDecorations", "→ %1").arg(unanswered->number);
    case UnansweredCall::Action::Hangup:
        return QCoreApplication::translate("TimelineDecorations", "→ call ends");
    }
    Q_UNREACHABLE();
}

} // namespace

TimelineDecorations TimelineDecorations::of(const FollowMeSettings &settings, CallKind kind)
{
    TimelineDecorations decorations;
    const QList<RingWarning> warnings = RingWarnings::check(settings, kind);
    for (const RingWarning &warning : warnings) {
        const QString message = warning.message();
        decorations.warningLines.append(u"⚠ "_s + message);
        if (warning.kind == RingWarning::Kind::SilentGap)
            decorations.gaps.append({double(warning.from), double(warning.to), message});
        const int row = settings.indexOf(warning.deviceId);
        if (row >= 0 && warning.kind != RingWarning::Kind::ControlledDeviceNeverRings)
            decorations.rowWarnings.insert(row, message);
    }
    decorations.ending = endingLabel(settings, kind);
    decorations.summary = PlanSummary::describe(settings, kind);
    return decorations;
}
