#pragma once

#include "DeviceKind.h"

#include <QIcon>

// The application's icons, from the SVGs in resources/icons.
class Icons
{
public:
    static QIcon device(DeviceKind kind);
    static QIcon lock();
    static QIcon workspace();
    static QIcon connection();
    static QIcon language();
    static QIcon changes();
    static QIcon application();
    // Toolbar actions; drawn in the palette's text colour, so they read on dark themes too.
    static QIcon play();
    static QIcon stop();
    static QIcon undo();
    static QIcon redo();
    static QIcon exportImage();
    static QIcon ringOrder();
    // A toolbar's "more" arrow (FollowMeStyle), left to right.
    static QIcon toolBarExtension();
};
