#include "ColorContrast.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace {

// sRGB channel (0–1) to linear light, WCAG 2.x. WCAG 2.0 printed 0.03928 for the threshold,
// later versions the sRGB standard's 0.04045; no 8-bit value lies between the two.
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double ratio(double luminanceA, double luminanceB)
{
    const double lighter = std::max(luminanceA, luminanceB);
    const double darker = std::min(luminanceA, luminanceB);
    return (lighter + 0.05) / (darker + 0.05);
}

// Rounded to what a painter draws with (8 bits per channel), so the ratio measured is the
// ratio seen.
QColor eightBit(const QColor &color)
{
    return QColor::fromRgba(color.rgba());
}

// Direction for readableOn(): towards black on a light background, towards white on a dark
// one, decided by which of the two contrasts more (the crossover is at luminance ≈ 0.18).
bool isLight(const QColor &background)
{
    const double luminance = ColorContrast::relativeLuminance(background);
    return ratio(luminance, 0.0) >= ratio(luminance, 1.0);
}

// The lightness nearest to `wanted`'s, on the side away from the background, at which a
// colour of its hue, saturation and `alpha` reaches `minimumRatio`; nullopt if even black (or
// white) doesn't. Along that side the luminance is monotonic in HSL lightness, so bisection
// finds the boundary.
std::optional<QColor> searchLightness(const QColor &wanted, int alpha, const QColor &background,
                                      double minimumRatio, bool darker)
{
    const float hue = wanted.hslHueF(); // -1 for greys, which fromHslF() accepts
    const float saturation = wanted.hslSaturationF();
    const auto at = [&](double lightness) {
        QColor color = QColor::fromHslF(hue, saturation, float(lightness)).toRgb();
        color.setAlpha(alpha);
        return eightBit(color);
    };
    const auto meets = [&](double lightness) {
        return ColorContrast::contrastRatio(at(lightness), background) >= minimumRatio;
    };

    double passing = darker ? 0.0 : 1.0;
    if (!meets(passing))
        return std::nullopt;
    double failing = wanted.lightnessF();
    if (meets(failing)) // the opaque retry: opaque at the wanted lightness may do already
        return at(failing);
    // 8-bit channels can't tell lightness steps of less than 1/510 apart; 20 halvings get well
    // below that.
    for (int i = 0; i < 20; ++i) {
        const double middle = (failing + passing) / 2;
        if (meets(middle))
            passing = middle;
        else
            failing = middle;
    }
    return at(passing);
}

} // namespace

double ColorContrast::relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
        + 0.0722 * linear(rgb.blueF());
}

QColor ColorContrast::composited(const QColor &color, const QColor &background)
{
    const QColor top = color.toRgb();
    const QColor bottom = background.toRgb();
    const double alpha = top.alphaF();
    const auto mix = [alpha](float over, float under) {
        return float(alpha * over + (1 - alpha) * under);
    };
    return QColor::fromRgbF(mix(top.redF(), bottom.redF()), mix(top.greenF(), bottom.greenF()),
                            mix(top.blueF(), bottom.blueF()));
}

double ColorContrast::contrastRatio(const QColor &foreground, const QColor &background)
{
    return ratio(relativeLuminance(composited(foreground, background)),
                 relativeLuminance(background));
}

QColor ColorContrast::readableOn(const QColor &wanted, const QColor &background,
                                 double minimumRatio)
{
    if (contrastRatio(wanted, background) >= minimumRatio)
        return wanted;
    const bool darker = isLight(background);
    const QColor start = eightBit(wanted.toRgb());
    if (auto found = searchLightness(start, start.alpha(), background, minimumRatio, darker))
        return *found;
    if (start.alpha() < 255) {
        if (auto found = searchLightness(start, 255, background, minimumRatio, darker))
            return *found;
    }
    return darker ? QColor(Qt::black) : QColor(Qt::white);
}
