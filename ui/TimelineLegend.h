#pragma once

#include "TimelineStyle.h"

#include <QWidget>

// The ring timeline's key: every mark the chart can draw, with a swatch large enough to tell
// them apart, flowing onto more lines when narrow. Also drawn into exported images (paint()).
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    // The height the key needs at a width, for the given font.
    static int heightFor(int width, const QFont &font);
    // Draws the key into rect (top-aligned), e.g. onto an exported image.
    static void paint(QPainter *painter, const QRectF &rect, const QFont &font,
                      const TimelineStyle &style);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
};
