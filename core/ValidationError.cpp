#include "ValidationError.h"

using namespace Qt::StringLiterals;

QString ValidationError::message() const
{
    return field.isEmpty() ? reason : field + u": "_s + reason;
}

QString ValidationError::codeKey(Code code)
{
    switch (code) {
    case Code::Unreadable:
        return u"unreadable"_s;
    case Code::Malformed:
        return u"malformed"_s;
    case Code::TooLarge:
        return u"too_large"_s;
    case Code::Unsupported:
        return u"unsupported"_s;
    case Code::Missing:
        return u"missing"_s;
    case Code::WrongType:
        return u"wrong_type"_s;
    case Code::OutOfRange:
        return u"out_of_range"_s;
    case Code::Invalid:
        return u"invalid"_s;
    case Code::Duplicate:
        return u"duplicate"_s;
    case Code::UnknownId:
        return u"unknown_id"_s;
    case Code::UnknownCallKind:
        return u"unknown_call_kind"_s;
    case Code::Locked:
        return u"locked"_s;
    }
    Q_UNREACHABLE();
}
