// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProxyStyle>

// The desktop's style, with FollowMe's own SVG for the standard icons the page shows at start
// (a toolbar's extension arrow). Qt's come from PNG files, and reading the first PNG through
// QImageReader loads every image format plugin installed, to ask each whether it reads PNG:
// several libraries loaded at start for an arrow that is rarely shown.
class FollowMeStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // `baseKey`: the style to wrap, as QStyleFactory names it (the application's current one).
    explicit FollowMeStyle(const QString &baseKey);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};
