#include "SvgIconEngine.h"

#include "IconRaster.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>

using namespace Qt::StringLiterals;

SvgIconEngine::SvgIconEngine(const QString &svgPath, Colour colour)
    : m_svgPath(svgPath)
    , m_colour(colour)
{ }

QPixmap SvgIconEngine::render(const QSize &size, QIcon::Mode mode, qreal scale) const
{
    const QSize pixelSize = size * scale;
    // Take the colour from the palette as it is now.
    const QPalette::ColorGroup group =
        mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active;
    const QColor colour = QGuiApplication::palette().color(group, QPalette::WindowText);
    // A toolbar repaints its icons on every edit (the undo action's text changes): draw each
    // icon once per size, colour and scale, not on every paint.
    const bool tinted = m_colour == Colour::Tinted;
    const QString cacheKey = u"followme-svg:%1:%2x%3:%4:%5:%6"_s.arg(
        m_svgPath, QString::number(pixelSize.width()), QString::number(pixelSize.height()),
        tinted ? QString::number(colour.rgba(), 16) : u"-"_s, QString::number(scale),
        QString::number(int(mode)));
    QPixmap pixmap;
    if (QPixmapCache::find(cacheKey, &pixmap))
        return pixmap;
    QImage image = IconRaster::drawing(m_svgPath, pixelSize);
    if (tinted) {
        // Keep the drawing's shape, in the palette's colour.
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), colour);
    } else if (mode == QIcon::Disabled) {
        // As drawn, a disabled icon is faded, as Qt's own engines do.
        QImage faded(pixelSize, QImage::Format_ARGB32_Premultiplied);
        faded.fill(Qt::transparent);
        QPainter painter(&faded);
        painter.setOpacity(0.4);
        painter.drawImage(0, 0, image);
        painter.end();
        image = faded;
    }
    pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, pixmap);
    return pixmap;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, render(rect.size(), mode, scale));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    return render(size, mode, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    return render(size, mode, scale);
}

QList<QSize> SvgIconEngine::availableSizes(QIcon::Mode, QIcon::State)
{
    if (m_colour == Colour::Tinted)
        return {};
    QList<QSize> sizes;
    for (int side : {16, 22, 24, 32, 48, 64, 128, 256})
        sizes.append(QSize(side, side));
    return sizes;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svgPath, m_colour);
}

QString SvgIconEngine::key() const
{
    return u"FollowMeSvgIconEngine"_s;
}
