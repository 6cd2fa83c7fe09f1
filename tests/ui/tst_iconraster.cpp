// SPDX-License-Identifier: GPL-3.0-or-later
// The icons the build draws ahead of time (IconRaster, followme-bake-icons) are the pixels the
// SVGs give now, and an icon at a baked size looks as it does drawn on the spot.

#include "IconRaster.h"
#include "Icons.h"
#include "SvgIconEngine.h"

#include <QDir>
#include <QPainter>
#include <QPixmapCache>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList iconPaths()
{
    QStringList paths;
    const QStringList names = QDir(u":/icons"_s).entryList({u"*.svg"_s}, QDir::Files);
    for (const QString &name : names)
        paths.append(u":/icons/"_s + name);
    return paths;
}

} // namespace

class TestIconRaster : public QObject
{
    Q_OBJECT

private slots:
    void everyIconIsBakedAsItIsDrawnNow()
    {
        const QStringList paths = iconPaths();
        QVERIFY(paths.size() >= 17);
        for (const QString &path : paths) {
            for (const int side : IconRaster::bakedSides()) {
                const QImage baked = IconRaster::baked(path, side);
                QVERIFY2(!baked.isNull(), qPrintable(u"%1 at %2"_s.arg(path).arg(side)));
                QCOMPARE(baked.format(), QImage::Format_ARGB32_Premultiplied);
                QCOMPARE(baked, IconRaster::draw(path, QSize(side, side)));
            }
        }
    }

    void aSideNotBakedIsNone()
    {
        QVERIFY(IconRaster::baked(u":/icons/lock.svg"_s, 17).isNull());
        QVERIFY(IconRaster::baked(u":/icons/no-such-icon.svg"_s, 32).isNull());
    }

    void aBakedFileRoundTripsInColourAndInShape()
    {
        // followme.svg is in colour, lock.svg black alone (kept as its shape).
        for (const QString &path : {u":/icons/followme.svg"_s, u":/icons/lock.svg"_s}) {
            const QByteArray baked = IconRaster::bake(path, {20, 33});
            QCOMPARE(IconRaster::fromBaked(baked, 33), IconRaster::draw(path, QSize(33, 33)));
            QCOMPARE(IconRaster::fromBaked(baked, 20), IconRaster::draw(path, QSize(20, 20)));
            QVERIFY(IconRaster::fromBaked(baked, 21).isNull());
        }
        QVERIFY(IconRaster::bake(u":/icons/lock.svg"_s, {32}).size()
                < IconRaster::bake(u":/icons/followme.svg"_s, {32}).size());
    }

    void aDamagedBakedFileGivesNothing()
    {
        const QByteArray baked = IconRaster::bake(u":/icons/lock.svg"_s, {16, 32});
        QVERIFY(IconRaster::fromBaked({}, 16).isNull());
        QVERIFY(IconRaster::fromBaked("FMIC", 16).isNull());
        QVERIFY(IconRaster::fromBaked(baked.left(baked.size() - 1), 32).isNull());
        QByteArray wrongMagic = baked;
        wrongMagic[0] = 'X';
        QVERIFY(IconRaster::fromBaked(wrongMagic, 16).isNull());
        QByteArray hugeCount = baked;
        hugeCount[7] = char(0x7f);
        QVERIFY(IconRaster::fromBaked(hugeCount, 16).isNull());
        QByteArray farOffset = baked;
        farOffset[8 + 4 + 3] = char(0x7f);
        QVERIFY(IconRaster::fromBaked(farOffset, 16).isNull());
        QByteArray unknownKind = baked;
        unknownKind[8 + 2] = char(9);
        QVERIFY(IconRaster::fromBaked(unknownKind, 16).isNull());
        // The rest of the file still reads.
        QCOMPARE(IconRaster::fromBaked(unknownKind, 32),
                 IconRaster::draw(u":/icons/lock.svg"_s, QSize(32, 32)));
    }

    // From the build's drawing or from the SVG, a tinted icon has the same pixels.
    void aBakedIconLooksAsOneDrawnOnTheSpot()
    {
        const QColor text =
            QGuiApplication::palette().color(QPalette::Active, QPalette::WindowText);
        for (const int side : {32, 33}) {
            QPixmapCache::clear();
            const QImage shown = Icons::lock().pixmap(QSize(side, side)).toImage();
            QImage expected = IconRaster::draw(u":/icons/lock.svg"_s, QSize(side, side));
            QPainter painter(&expected);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(expected.rect(), text);
            painter.end();
            QCOMPARE(shown.convertToFormat(QImage::Format_ARGB32_Premultiplied), expected);
        }
    }
};

QTEST_MAIN(TestIconRaster)
#include "tst_iconraster.moc"
