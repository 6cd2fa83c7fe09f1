// Tests for ColorContrast: WCAG 2.x luminance and contrast ratios against published values,
// compositing, and what readableOn() gives on Fusion's light palette and on a dark one.

#include "ColorContrast.h"
#include "DarkPalette.h"

#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr double tolerance = 0.005;

QPalette fusionPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    return fusion->standardPalette();
}

double hueDistance(const QColor &a, const QColor &b)
{
    const double distance = std::abs(a.hslHueF() - b.hslHueF());
    return std::min(distance, 1.0 - distance);
}

// The spread of the 8-bit channels: 0 for a grey.
int chroma(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return std::max({rgb.red(), rgb.green(), rgb.blue()})
        - std::min({rgb.red(), rgb.green(), rgb.blue()});
}

} // namespace

class TestColorContrast : public QObject
{
    Q_OBJECT

private slots:
    void luminance_data();
    void luminance();
    void ratio_data();
    void ratio();
    void compositing();
    void readableKeepsWhatAlreadyReads();
    void readableOnPalettes_data();
    void readableOnPalettes();
    void semiTransparent();
    void lastResort();
};

void TestColorContrast::luminance_data()
{
    QTest::addColumn<QColor>("color");
    QTest::addColumn<double>("expected");
    QTest::newRow("black") << QColor(Qt::black) << 0.0;
    QTest::newRow("white") << QColor(Qt::white) << 1.0;
    QTest::newRow("red") << QColor(Qt::red) << 0.2126;
    QTest::newRow("green") << QColor(Qt::green) << 0.7152;
    QTest::newRow("blue") << QColor(Qt::blue) << 0.0722;
    QTest::newRow("#777") << QColor(0x77, 0x77, 0x77) << 0.1845;
    // Below the 0.04045 knee the curve is linear: 10/255 / 12.92.
    QTest::newRow("#0a0a0a") << QColor(0x0a, 0x0a, 0x0a) << 0.003035;
    QTest::newRow("alpha ignored") << QColor(255, 255, 255, 0) << 1.0;
}

void TestColorContrast::luminance()
{
    QFETCH(QColor, color);
    QFETCH(double, expected);
    QVERIFY2(std::abs(ColorContrast::relativeLuminance(color) - expected) < 0.0005,
             qPrintable(QString::number(ColorContrast::relativeLuminance(color))));
}

void TestColorContrast::ratio_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<double>("expected");
    const QColor white(Qt::white);
    // The WebAIM contrast checker's values.
    QTest::newRow("black on white") << QColor(Qt::black) << white << 21.0;
    QTest::newRow("white on white") << white << white << 1.0;
    QTest::newRow("#777 on white") << QColor(0x77, 0x77, 0x77) << white << 4.48;
    QTest::newRow("#767676 on white") << QColor(0x76, 0x76, 0x76) << white << 4.54;
    QTest::newRow("#595959 on white") << QColor(0x59, 0x59, 0x59) << white << 7.0;
    QTest::newRow("red on white") << QColor(Qt::red) << white << 4.0;
    QTest::newRow("blue on white") << QColor(Qt::blue) << white << 8.59;
    QTest::newRow("red on black") << QColor(Qt::red) << QColor(Qt::black) << 5.25;
    QTest::newRow("#e8e8e8 on #2b2d31")
        << QColor(0xe8, 0xe8, 0xe8) << QColor(0x2b, 0x2d, 0x31) << 11.26;
}

void TestColorContrast::ratio()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(double, expected);
    const double ab = ColorContrast::contrastRatio(a, b);
    QVERIFY2(std::abs(ab - expected) < tolerance, qPrintable(QString::number(ab)));
    // Opaque colours: the order doesn't matter.
    QCOMPARE(ColorContrast::contrastRatio(b, a), ab);
}

void TestColorContrast::compositing()
{
    const QColor white(Qt::white);
    QCOMPARE(ColorContrast::composited(QColor(Qt::red), white), QColor(Qt::red));
    QCOMPARE(ColorContrast::composited(QColor(255, 0, 0, 0), white), white);
    const QColor fifth = ColorContrast::composited(QColor(0, 0, 0, 51), white); // 20 % black
    QCOMPARE(fifth.rgb(), qRgb(204, 204, 204));
    QCOMPARE(fifth.alpha(), 255);
    // The background's own alpha is ignored.
    QCOMPARE(ColorContrast::composited(QColor(0, 0, 0, 51), QColor(255, 255, 255, 10)).rgb(),
             qRgb(204, 204, 204));

    // A translucent foreground is measured as painted: 20 % black on white is #ccc.
    QVERIFY(std::abs(ColorContrast::contrastRatio(QColor(0, 0, 0, 51), white)
                     - ColorContrast::contrastRatio(QColor(0xcc, 0xcc, 0xcc), white))
            < 1e-9);
    QVERIFY(std::abs(ColorContrast::contrastRatio(QColor(0, 0, 0, 0), white) - 1.0) < 1e-9);
    // With a translucent colour the order matters: 20 % white over black is a dark grey.
    QVERIFY(ColorContrast::contrastRatio(QColor(255, 255, 255, 51), QColor(Qt::black)) < 2.0);
}

void TestColorContrast::readableKeepsWhatAlreadyReads()
{
    const QColor white(Qt::white);
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::black), white, 21.0), QColor(Qt::black));
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::blue), white, ColorContrast::textRatio),
             QColor(Qt::blue));
    // #767676 (4.54:1) is the lightest grey for AA text on white.
    QCOMPARE(ColorContrast::readableOn(QColor(0x76, 0x76, 0x76), white, 4.5),
             QColor(0x76, 0x76, 0x76));
    const QColor translucent(0, 0, 0, 200);
    QCOMPARE(ColorContrast::readableOn(translucent, white, 4.5), translucent);
    QCOMPARE(ColorContrast::readableOn(QColor(0xee, 0xee, 0xee), white, 1.0),
             QColor(0xee, 0xee, 0xee));

    // #777 misses AA on white by a little: the nearest grey that makes it is #767676.
    QCOMPARE(ColorContrast::readableOn(QColor(0x77, 0x77, 0x77), white, 4.5),
             QColor(0x76, 0x76, 0x76));
}

void TestColorContrast::readableOnPalettes_data()
{
    QTest::addColumn<QColor>("wanted");
    QTest::addColumn<QColor>("background");
    QTest::addColumn<double>("minimumRatio");
    QTest::addColumn<bool>("light");

    const QList<QColor> wanted {
        QColor(Qt::red), // pure colours
        QColor(Qt::yellow), // the lightest
        QColor(0x00, 0xc0, 0x00), // a green
        QColor(0x80, 0x00, 0x80), // a dark purple
        QColor(0xb8, 0x6e, 0x00), // the chart's warning amber, light theme
        QColor(0xff, 0xb5, 0x47), // and dark theme
        QColor(0x30, 0x8c, 0xc6), // Fusion's highlight
        QColor(0x4a, 0x9e, 0xe8), // the dark palette's highlight
        QColor(0xcc, 0xcc, 0xcc), // a light grey
        QColor(0x77, 0x77, 0x77), // a mid grey
        QColor(0x33, 0x33, 0x33), // a dark grey
        QColor(0x7a, 0x7c, 0x80), // the dark palette's disabled text, nearly grey
        QColor(255, 0, 0, 160), // translucent
    };
    const struct
    {
        const char *name;
        QPalette palette;
        bool light;
    } palettes[] = {{"fusion", fusionPalette(), true}, {"dark", darkPalette(), false}};
    for (const auto &entry : palettes) {
        for (QPalette::ColorRole role :
             {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button}) {
            const QColor background = entry.palette.color(QPalette::Active, role);
            for (const QColor &color : wanted) {
                for (double ratio : {ColorContrast::graphicsRatio, ColorContrast::textRatio, 7.0})
                    QTest::addRow("%s %s on %s, %.1f", entry.name,
                                  qPrintable(color.name(QColor::HexArgb)),
                                  qPrintable(background.name()), ratio)
                        << color << background << ratio << entry.light;
            }
        }
    }
}

void TestColorContrast::readableOnPalettes()
{
    QFETCH(QColor, wanted);
    QFETCH(QColor, background);
    QFETCH(double, minimumRatio);
    QFETCH(bool, light);

    const QColor result = ColorContrast::readableOn(wanted, background, minimumRatio);
    const double ratio = ColorContrast::contrastRatio(result, background);
    if (ColorContrast::contrastRatio(wanted, background) >= minimumRatio) {
        QCOMPARE(result, wanted);
        return;
    }
    // Every palette colour here leaves room for black (light) or white (dark) to reach 7:1.
    QVERIFY2(ratio >= minimumRatio, qPrintable(QString::number(ratio)));
    QVERIFY(result.alpha() == wanted.alpha() || result.alpha() == 255);
    // Darker on a light background, lighter on a dark one, same hue and saturation.
    if (light)
        QCOMPARE_LE(result.lightnessF(), wanted.lightnessF());
    else
        QCOMPARE_GE(result.lightnessF(), wanted.lightnessF());
    // In 8 bits a greyish colour's hue is too coarse to compare (#7a7c80 has 6 steps of chroma).
    if (chroma(wanted) >= 24 && chroma(result) >= 24) {
        QVERIFY2(hueDistance(result, wanted) < 0.02,
                 qPrintable(result.name() + u" from "_s + wanted.name()));
        QVERIFY2(std::abs(result.hslSaturationF() - wanted.hslSaturationF()) < 0.1,
                 qPrintable(result.name() + u" from "_s + wanted.name()));
    }
    // The nearest such lightness: a bit closer to the wanted one no longer reads.
    const double step = light ? 0.01 : -0.01;
    const double found = result.lightnessF();
    const double start = wanted.lightnessF();
    const double closer = light ? std::min(found + step, start) : std::max(found + step, start);
    if (std::abs(closer - found) > 0.001) { // else it has the wanted lightness
        QColor nearer =
            QColor::fromHslF(wanted.hslHueF(), wanted.hslSaturationF(), float(closer)).toRgb();
        nearer.setAlpha(result.alpha());
        QVERIFY2(ColorContrast::contrastRatio(nearer, background) < minimumRatio,
                 qPrintable(nearer.name() + u" instead of "_s + result.name()));
    }
    // Asking again changes nothing.
    QCOMPARE(ColorContrast::readableOn(result, background, minimumRatio), result);
}

void TestColorContrast::semiTransparent()
{
    const QColor white(Qt::white);
    // 200/255 of black over white still reaches 4.5:1, so a darker red keeps its alpha.
    const QColor kept = ColorContrast::readableOn(QColor(255, 0, 0, 200), white, 4.5);
    QCOMPARE(kept.alpha(), 200);
    QCOMPARE_GE(ColorContrast::contrastRatio(kept, white), 4.5);
    QCOMPARE_LT(kept.lightnessF(), QColor(Qt::red).lightnessF());

    // At 40/255 no red reaches 3:1; opaque, red itself does (4:1).
    QCOMPARE(ColorContrast::readableOn(QColor(255, 0, 0, 40), white, 3.0), QColor(Qt::red));
}

void TestColorContrast::lastResort()
{
    // Mid greys: neither black nor white reaches 7:1. #777 is on black's side, #707070 on
    // white's.
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::red), QColor(0x77, 0x77, 0x77), 7.0),
             QColor(Qt::black));
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::red), QColor(0x70, 0x70, 0x70), 7.0),
             QColor(Qt::white));
    // More than 21:1 is impossible anywhere.
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::red), QColor(Qt::white), 22.0),
             QColor(Qt::black));
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::red), QColor(Qt::black), 22.0),
             QColor(Qt::white));
    // Reaching 21:1 on white leaves only black.
    QCOMPARE(ColorContrast::readableOn(QColor(Qt::red), QColor(Qt::white), 21.0),
             QColor(Qt::black));
}

QTEST_MAIN(TestColorContrast)
#include "tst_colorcontrast.moc"
