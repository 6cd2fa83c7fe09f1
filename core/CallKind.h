#pragma once

#include <QList>
#include <QString>

#include <optional>

// The three kinds of incoming call a ring rule exists for. The order is the order of the tabs
// and of the rules in a device.
enum class CallKind {
    External, // from outside, through a trunk
    Internal, // from another user of the phone system
    Teams, // a queue call to the user as a logged-in agent
};

namespace CallKinds {

inline constexpr int count = 3;

QList<CallKind> all();
int index(CallKind kind);
CallKind fromIndex(int index);

// The key used in JSON documents and on the command line: "external", "internal", "teams".
QString key(CallKind kind);
std::optional<CallKind> fromKey(const QString &key);

// The translated name shown to the user ("External", "Intern", …).
QString displayName(CallKind kind);
// A translated title for calls of this kind ("External calls", "Teams-Anrufe", …). Whole
// phrases per kind, because languages don't inflect the bare name the same way.
QString callsTitle(CallKind kind);

} // namespace CallKinds
