#pragma once

#include <QIconEngine>
#include <QString>

// Draws an SVG icon at whatever size and scale it is asked for, so icons stay crisp at 200 %:
// a monochrome one in the palette's text colour (readable on a dark palette), or a coloured
// one as drawn. At the sizes the window uses the build has drawn it already (IconRaster);
// any other size Qt Svg draws when asked. No icon engine or image format plugin is loaded for
// it (each one a library to load at start).
class SvgIconEngine : public QIconEngine
{
public:
    enum class Colour { Tinted, AsDrawn };

    explicit SvgIconEngine(const QString &svgPath, Colour colour = Colour::Tinted);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    // As drawn (the application's icon): the sizes a window manager or a desktop file picks
    // from, which a scalable drawing has all of.
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QPixmap render(const QSize &size, QIcon::Mode mode, qreal scale) const;

    QString m_svgPath;
    Colour m_colour;
};
