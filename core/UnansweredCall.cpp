#include "UnansweredCall.h"

using namespace Qt::StringLiterals;

QString UnansweredCall::actionKey(Action value)
{
    switch (value) {
    case Action::Voicemail:
        return u"voicemail"_s;
    case Action::Number:
        return u"number"_s;
    case Action::Hangup:
        return u"hangup"_s;
    }
    Q_UNREACHABLE();
}

std::optional<UnansweredCall::Action> UnansweredCall::actionFromKey(const QString &key)
{
    for (Action value : {Action::Voicemail, Action::Number, Action::Hangup}) {
        if (actionKey(value) == key)
            return value;
    }
    return std::nullopt;
}
