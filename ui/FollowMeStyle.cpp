// SPDX-License-Identifier: GPL-3.0-or-later
#include "FollowMeStyle.h"

#include "Icons.h"

#include <QApplication>
#include <QWidget>

FollowMeStyle::FollowMeStyle(const QString &baseKey)
    : QProxyStyle(baseKey)
{ }

QIcon FollowMeStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                  const QWidget *widget) const
{
    // The page's toolbar is horizontal and its languages read left to right; anything else
    // keeps the base style's arrow.
    const bool rightToLeft = widget ? widget->isRightToLeft() : QApplication::isRightToLeft();
    if (standardIcon == SP_ToolBarHorizontalExtensionButton && !rightToLeft)
        return Icons::toolBarExtension();
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}
