#include "DeviceKind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace DeviceKinds {

QList<DeviceKind> all()
{
    return {DeviceKind::DeskPhone, DeviceKind::Softphone, DeviceKind::MobileApp, DeviceKind::Dect,
            DeviceKind::ExternalNumber};
}

QString key(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::DeskPhone:
        return u"desk_phone"_s;
    case DeviceKind::Softphone:
        return u"softphone"_s;
    case DeviceKind::MobileApp:
        return u"mobile_app"_s;
    case DeviceKind::Dect:
        return u"dect"_s;
    case DeviceKind::ExternalNumber:
        return u"external"_s;
    }
    Q_UNREACHABLE();
}

std::optional<DeviceKind> fromKey(const QString &key)
{
    for (DeviceKind kind : all()) {
        if (DeviceKinds::key(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString displayName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::DeskPhone:
        return QCoreApplication::translate("DeviceKind", "Desk phone");
    case DeviceKind::Softphone:
        return QCoreApplication::translate("DeviceKind", "Desktop softphone");
    case DeviceKind::MobileApp:
        return QCoreApplication::translate("DeviceKind", "Mobile app");
    case DeviceKind::Dect:
        return QCoreApplication::translate("DeviceKind", "DECT handset");
    case DeviceKind::ExternalNumber:
        return QCoreApplication::translate("DeviceKind", "External number");
    }
    Q_UNREACHABLE();
}

bool isControllable(DeviceKind kind)
{
    return kind != DeviceKind::ExternalNumber;
}

} // namespace DeviceKinds
