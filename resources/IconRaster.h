#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

// FollowMe's icons as pixels: an SVG drawn at one size, now or ahead of time. The build draws
// every icon at the sizes the window uses (followme-bake-icons) into a file beside its SVG in
// the resources, so a start reads them rather than parsing and stroking each SVG, which was
// about a twentieth of it; the drawing is the same function either way.
class IconRaster
{
public:
    // The sides (in device pixels) baked: the page's icons at 100 % and 200 %: menus 16, the
    // list of pages 20, the lock 21, toolbars 24, device rows 32.
    static QList<int> bakedSides();

    // The SVG at `pixelSize`, as drawn, premultiplied ARGB.
    static QImage draw(const QString &svgPath, const QSize &pixelSize);

    // A baked file of the SVG at each of `sides`: a drawing in black alone is kept as its
    // alpha (its shape), any other in full colour.
    static QByteArray bake(const QString &svgPath, const QList<int> &sides);
    // The drawing of `side` in a baked file, as draw() made it; null if it has none.
    static QImage fromBaked(QByteArrayView baked, int side);
    // The build's drawing of the SVG at `side`, from the resources; null if there is none.
    static QImage baked(const QString &svgPath, int side);
    // The SVG at `pixelSize` as draw() makes it: the build's drawing where there is one,
    // else drawn now.
    static QImage drawing(const QString &svgPath, const QSize &pixelSize);
    // Where the build puts the baked file of an SVG in the resources.
    static QString bakedPath(const QString &svgPath);
};
