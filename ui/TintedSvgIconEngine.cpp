#include "TintedSvgIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

TintedSvgIconEngine::TintedSvgIconEngine(const QString &svgPath)
    : m_svgPath(svgPath)
{ }

QPixmap TintedSvgIconEngine::render(const QSize &size, QIcon::Mode mode, qreal scale) const
{
    const QSize pixelSize = size * scale;
    // Take the colour from the palette as it is now.
    const QPalette::ColorGroup group =
        mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active;
    const QColor colour = QGuiApplication::palette().color(group, QPalette::WindowText);
    // A toolbar repaints its icons on every edit (the undo action's text changes): parse and
    // draw each SVG once per size, colour and scale, not on every paint.
    const QString cacheKey = u"followme-tinted:%1:%2x%3:%4:%5"_s.arg(
        m_svgPath, QString::number(pixelSize.width()), QString::number(pixelSize.height()),
        QString::number(colour.rgba(), 16), QString::number(scale));
    QPixmap pixmap;
    if (QPixmapCache::find(cacheKey, &pixmap))
        return pixmap;
    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        QSvgRenderer renderer(m_svgPath);
        renderer.render(&painter, QRectF(QPointF(), QSizeF(pixelSize)));
        // Keep the drawing's shape, in the palette's colour.
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), colour);
    }
    pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, pixmap);
    return pixmap;
}

void TintedSvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                                QIcon::State)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, render(rect.size(), mode, scale));
}

QPixmap TintedSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    return render(size, mode, 1.0);
}

QPixmap TintedSvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State,
                                          qreal scale)
{
    return render(size, mode, scale);
}

QIconEngine *TintedSvgIconEngine::clone() const
{
    return new TintedSvgIconEngine(m_svgPath);
}

QString TintedSvgIconEngine::key() const
{
    return u"TintedSvgIconEngine"_s;
}
