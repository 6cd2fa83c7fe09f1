#include "Protocol.h"

using namespace Qt::StringLiterals;

namespace {

constexpr Protocol::ErrorCode allCodes[] = {
    Protocol::ErrorCode::Invalid,     Protocol::ErrorCode::Locked,
    Protocol::ErrorCode::Forbidden,   Protocol::ErrorCode::NotFound,
    Protocol::ErrorCode::Unsupported, Protocol::ErrorCode::TooLarge,
    Protocol::ErrorCode::Malformed,   Protocol::ErrorCode::Unauthorized,
    Protocol::ErrorCode::RateLimited, Protocol::ErrorCode::Internal,
};

} // namespace

QString Protocol::errorKey(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return u"invalid"_s;
    case ErrorCode::Locked:
        return u"locked"_s;
    case ErrorCode::Forbidden:
        return u"forbidden"_s;
    case ErrorCode::NotFound:
        return u"not_found"_s;
    case ErrorCode::Unsupported:
        return u"unsupported"_s;
    case ErrorCode::TooLarge:
        return u"too_large"_s;
    case ErrorCode::Malformed:
        return u"malformed"_s;
    case ErrorCode::Unauthorized:
        return u"unauthorized"_s;
    case ErrorCode::RateLimited:
        return u"rate_limited"_s;
    case ErrorCode::Internal:
        return u"internal"_s;
    }
    Q_UNREACHABLE();
}

std::optional<Protocol::ErrorCode> Protocol::errorFromKey(const QString &key)
{
    for (ErrorCode code : allCodes) {
        if (errorKey(code) == key)
            return code;
    }
    return std::nullopt;
}

bool Protocol::mayReconnectAfter(quint16 closeCode)
{
    return closeCode != CloseUnauthorized && closeCode != CloseUnsupportedVersion;
}
