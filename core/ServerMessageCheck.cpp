// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerMessageCheck.h"

#include "SettingsCodec.h"

using namespace Qt::StringLiterals;

namespace {

using Result = ServerMessageCheck::Result;
using Verdict = ServerMessageCheck::Verdict;

Result missed(qint64 revision, qint64 current)
{
    return {Verdict::Missed,
            ServerMessageCheck::tr("revision %1 came after revision %2: the changes in between "
                                   "never arrived")
                .arg(revision)
                .arg(current)};
}

// Every commit raises the user's revision by exactly 1 and reaches each session, in commit
// order, as a push or as the ack of its own edit (sections 2 and 5): on one link a push is
// always the next revision.
std::optional<Result> checkNext(qint64 revision, qint64 current)
{
    if (revision <= current)
        return Result {Verdict::Impossible,
                       ServerMessageCheck::tr("a change of revision %1 after revision %2")
                           .arg(revision)
                           .arg(current)};
    if (revision > current + 1)
        return missed(revision, current);
    return std::nullopt;
}

Result checkSettings(const FollowMeSettings &settings)
{
    if (const auto problem = SettingsCodec::validate(settings))
        return {Verdict::Impossible, problem->message()};
    return {};
}

} // namespace

ServerMessageCheck::Result ServerMessageCheck::check(const ServerMessage &message,
                                                     const FollowMeSettings &confirmed,
                                                     std::optional<qint64> revision)
{
    if (message.type != ServerMessage::Type::Error && message.revision < 1)
        return {Verdict::Impossible, tr("a revision below 1")};
    if (!revision) {
        // The hello is answered by a snapshot or refused (section 3.1); nothing else comes
        // first, and nothing before it can be measured against the state of another link.
        if (message.type != ServerMessage::Type::Snapshot)
            return {Verdict::Impossible, tr("a message before the snapshot")};
        return checkSettings(message.settings);
    }
    switch (message.type) {
    case ServerMessage::Type::Snapshot:
        // A whole new state: a gap before it hides nothing.
        if (message.revision <= *revision)
            return {Verdict::Impossible,
                    tr("a snapshot of revision %1 after revision %2")
                        .arg(message.revision)
                        .arg(*revision)};
        return checkSettings(message.settings);
    case ServerMessage::Type::Ack:
        // A resend is acknowledged with its original commit's revision and an edit that changed
        // nothing with the current one, so only a skip forward says something.
        if (message.revision > *revision + 1)
            return missed(message.revision, *revision);
        return {};
    case ServerMessage::Type::Error:
        return {};
    case ServerMessage::Type::RuleChanged:
        if (auto next = checkNext(message.revision, *revision))
            return *next;
        // Applying it would change nothing, so the settings' rules can't tell.
        if (!confirmed.device(message.deviceId))
            return {Verdict::Impossible,
                    tr("a rule for \"%1\", which is not one of the user's devices")
                        .arg(message.deviceId)};
        return checkSettings(message.appliedTo(confirmed));
    case ServerMessage::Type::ControlledDeviceChanged:
        if (auto next = checkNext(message.revision, *revision))
            return *next;
        return checkSettings(message.appliedTo(confirmed));
    }
    Q_UNREACHABLE();
}
