#include "CallKind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace CallKinds {

QList<CallKind> all()
{
    return {CallKind::External, CallKind::Internal, CallKind::Teams};
}

int index(CallKind kind)
{
    return static_cast<int>(kind);
}

CallKind fromIndex(int index)
{
    Q_ASSERT(index >= 0 && index < count);
    return static_cast<CallKind>(index);
}

QString key(CallKind kind)
{
    switch (kind) {
    case CallKind::External:
        return u"external"_s;
    case CallKind::Internal:
        return u"internal"_s;
    case CallKind::Teams:
        return u"teams"_s;
    }
    Q_UNREACHABLE();
}

std::optional<CallKind> fromKey(const QString &key)
{
    for (CallKind kind : all()) {
        if (CallKinds::key(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString displayName(CallKind kind)
{
    switch (kind) {
    case CallKind::External:
        return QCoreApplication::translate("CallKind", "External");
    case CallKind::Internal:
        return QCoreApplication::translate("CallKind", "Internal");
    case CallKind::Teams:
        return QCoreApplication::translate("CallKind", "Teams");
    }
    Q_UNREACHABLE();
}

QString callsTitle(CallKind kind)
{
    switch (kind) {
    case CallKind::External:
        return QCoreApplication::translate("CallKind", "External calls");
    case CallKind::Internal:
        return QCoreApplication::translate("CallKind", "Internal calls");
    case CallKind::Teams:
        return QCoreApplication::translate("CallKind", "Teams calls");
    }
    Q_UNREACHABLE();
}

} // namespace CallKinds
