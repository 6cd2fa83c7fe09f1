#include "ActiveProfile.h"

using namespace Qt::StringLiterals;

QString ActiveProfile::byKey(By by)
{
    switch (by) {
    case By::Schedule:
        return u"schedule"_s;
    case By::User:
        return u"user"_s;
    case By::Administrator:
        return u"admin"_s;
    }
    return {};
}

std::optional<ActiveProfile::By> ActiveProfile::byFromKey(const QString &key)
{
    for (By by : {By::Schedule, By::User, By::Administrator}) {
        if (byKey(by) == key)
            return by;
    }
    return std::nullopt;
}
