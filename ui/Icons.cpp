#include "Icons.h"

#include "SvgIconEngine.h"

using namespace Qt::StringLiterals;

namespace {

QIcon tinted(const QString &name)
{
    return QIcon(new SvgIconEngine(u":/icons/"_s + name + u".svg"_s));
}

} // namespace

QIcon Icons::device(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::DeskPhone:
        return tinted(u"device-desk-phone"_s);
    case DeviceKind::Softphone:
        return tinted(u"device-softphone"_s);
    case DeviceKind::MobileApp:
        return tinted(u"device-mobile-app"_s);
    case DeviceKind::Dect:
        return tinted(u"device-dect"_s);
    case DeviceKind::ExternalNumber:
        return tinted(u"device-external"_s);
    }
    Q_UNREACHABLE();
}

QIcon Icons::lock()
{
    return tinted(u"lock"_s);
}

QIcon Icons::workspace()
{
    return tinted(u"workspace"_s);
}

QIcon Icons::connection()
{
    return tinted(u"connection"_s);
}

QIcon Icons::language()
{
    return tinted(u"language"_s);
}

QIcon Icons::changes()
{
    return tinted(u"changes"_s);
}

QIcon Icons::application()
{
    return QIcon(new SvgIconEngine(u":/icons/followme.svg"_s, SvgIconEngine::Colour::AsDrawn));
}

QIcon Icons::play()
{
    return tinted(u"play"_s);
}

QIcon Icons::stop()
{
    return tinted(u"stop"_s);
}

QIcon Icons::undo()
{
    return tinted(u"undo"_s);
}

QIcon Icons::redo()
{
    return tinted(u"redo"_s);
}

QIcon Icons::ringOrder()
{
    return tinted(u"ring-order"_s);
}

QIcon Icons::exportImage()
{
    return tinted(u"export"_s);
}

QIcon Icons::toolBarExtension()
{
    return tinted(u"toolbar-extension"_s);
}
