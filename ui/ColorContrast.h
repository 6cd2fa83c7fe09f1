#pragma once

#include <QColor>

// Contrast between two colours as WCAG 2.x measures it, and a way to keep a wanted colour
// readable on whatever background a palette (light, dark, high contrast) gives. Colours are
// sRGB; a background's own alpha is ignored (it is taken as opaque, as what is behind it is
// unknown here).
class ColorContrast
{
public:
    // WCAG 2.x level AA: normal text, and large text or the parts of graphics and controls
    // that must be told apart (SC 1.4.3, 1.4.11).
    static constexpr double textRatio = 4.5;
    static constexpr double graphicsRatio = 3.0;

    // 0 (black) to 1 (white). The colour's alpha is ignored.
    static double relativeLuminance(const QColor &color);

    // What `color` looks like painted over `background`: an opaque colour (source-over).
    static QColor composited(const QColor &color, const QColor &background);

    // 1 (none) to 21 (black on white). `foreground` may be semi-transparent: it is composited
    // over `background` first. For two opaque colours the order doesn't matter.
    static double contrastRatio(const QColor &foreground, const QColor &background);

    // `wanted` itself if it already has `minimumRatio` against `background`; otherwise the
    // colour of the same hue and saturation with the nearest lightness that has it, darker on
    // a light background and lighter on a dark one. `wanted`'s alpha is kept if some lightness
    // reaches the ratio with it, else the result is opaque. When no colour of that hue does
    // (e.g. 7:1 on mid grey), black or white, whichever contrasts more. The result is exact in
    // 8 bits per channel, so painting it doesn't round it below the ratio.
    static QColor readableOn(const QColor &wanted, const QColor &background, double minimumRatio);
};
