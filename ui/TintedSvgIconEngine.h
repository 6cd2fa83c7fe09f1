#pragma once

#include <QIconEngine>
#include <QString>

// Draws a monochrome SVG in the palette's text colour at whatever size and scale it is asked
// for, so icons stay crisp at 200 % and readable on a dark palette.
class TintedSvgIconEngine : public QIconEngine
{
public:
    explicit TintedSvgIconEngine(const QString &svgPath);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QPixmap render(const QSize &size, QIcon::Mode mode, qreal scale) const;

    QString m_svgPath;
};
