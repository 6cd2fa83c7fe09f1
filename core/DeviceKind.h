#pragma once

#include <QList>
#include <QString>

#include <optional>

// What kind of endpoint a device is. It decides the icon, and whether the desktop client can
// control it (an external number is just a number the phone system dials).
enum class DeviceKind {
    DeskPhone,
    Softphone,
    MobileApp,
    Dect,
    ExternalNumber,
};

namespace DeviceKinds {

QList<DeviceKind> all();

// The key used in JSON documents: "desk_phone", "softphone", "mobile_app", "dect", "external".
QString key(DeviceKind kind);
std::optional<DeviceKind> fromKey(const QString &key);

QString displayName(DeviceKind kind);

// Whether "Client controls" may pick a device of this kind.
bool isControllable(DeviceKind kind);

} // namespace DeviceKinds
