// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FollowMeSettings.h"
#include "ServerMessage.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// Whether a message of the server can be true in the state the client confirmed from it
// (docs/protocol.md, sections 3–5): a push about a device the user doesn't have, an external
// number or an unknown device as the controlled device, a revision that goes back or repeats, a
// push before the snapshot. What a message makes of the settings is held to
// SettingsCodec::validate, the rules a settings file is read by, so the server's word and a
// file can't be judged differently. ServerMessage::decode has checked the form already.
class ServerMessageCheck
{
    Q_DECLARE_TR_FUNCTIONS(ServerMessageCheck)

public:
    enum class Verdict {
        Apply,
        // Possible, but changes this client never heard of came first (a revision gap): only a
        // fresh snapshot tells what they were.
        Missed,
        // Ruled out by the protocol in this state: the server is wrong, or the client is.
        Impossible,
    };

    struct Result
    {
        Verdict verdict = Verdict::Apply;
        QString reason; // translated, for the status line and the log; empty with Apply
    };

    // `revision`: of `confirmed`, as this link's snapshot and the messages after it set it; none
    // while the link's first snapshot (the answer to the hello) has not come.
    static Result check(const ServerMessage &message, const FollowMeSettings &confirmed,
                        std::optional<qint64> revision);
};
