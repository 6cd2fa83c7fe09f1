#pragma once

#include <QString>

#include <optional>

// What the phone system does with a call of one kind when none of the user's devices answered
// it before the last one stopped ringing. Comes from the settings document ("unanswered"); the
// client shows it at the end of the timeline and in the plan's summary, it doesn't decide it.
struct UnansweredCall
{
    enum class Action {
        Voicemail, // the user's voicemail box takes the call
        Number, // the call is forwarded to `number`
        Hangup, // the call ends
    };

    Action action = Action::Voicemail;
    QString number; // only for Action::Number: the number as the phone system dials it

    static UnansweredCall voicemail() { return {Action::Voicemail, {}}; }
    static UnansweredCall forwardTo(const QString &target) { return {Action::Number, target}; }
    static UnansweredCall hangup() { return {Action::Hangup, {}}; }

    // The key used in JSON documents: "voicemail", "number", "hangup".
    static QString actionKey(Action value);
    static std::optional<Action> actionFromKey(const QString &key);

    friend bool operator==(const UnansweredCall &a, const UnansweredCall &b)
    {
        return a.action == b.action && a.number == b.number;
    }
    friend bool operator!=(const UnansweredCall &a, const UnansweredCall &b) { return !(a == b); }
};
