#include "IconRaster.h"

#include <QFileInfo>
#include <QPainter>
#include <QResource>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr quint32 magic = 0x464d4943; // "FMIC"
constexpr quint8 shapeOnly = 1; // Alpha8: black, only its alpha varies
constexpr quint8 fullColour = 2; // ARGB32, premultiplied

bool blackAlone(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] & 0x00ffffff) != 0)
                return false;
        }
    }
    return true;
}

} // namespace

QList<int> IconRaster::bakedSides()
{
    return {16, 20, 21, 24, 32, 40, 42, 48, 64};
}

QImage IconRaster::draw(const QString &svgPath, const QSize &pixelSize)
{
    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QSvgRenderer renderer(svgPath);
    renderer.render(&painter, QRectF(QPointF(), QSizeF(pixelSize)));
    return image;
}

// A baked file, all little-endian: "FMIC", the count, then per drawing its side (16 bits), its
// kind (8 bits, then 8 unused) and the offset of its pixels (32 bits), then the pixels, row
// after row without padding. Read from the resources where they lie, not unpacked first.
QByteArray IconRaster::bake(const QString &svgPath, const QList<int> &sides)
{
    const qsizetype tableSize = 8 + sides.size() * 8;
    QByteArray table(tableSize, '\0');
    QByteArray pixels;
    qToLittleEndian<quint32>(magic, table.data());
    qToLittleEndian<quint32>(quint32(sides.size()), table.data() + 4);
    for (qsizetype i = 0; i < sides.size(); ++i) {
        const int side = sides.at(i);
        const QImage image = draw(svgPath, QSize(side, side));
        const bool shape = blackAlone(image);
        const QImage kept = shape ? image.convertToFormat(QImage::Format_Alpha8) : image;
        char *entry = table.data() + 8 + i * 8;
        qToLittleEndian<quint16>(quint16(side), entry);
        entry[2] = char(shape ? shapeOnly : fullColour);
        qToLittleEndian<quint32>(quint32(tableSize + pixels.size()), entry + 4);
        for (int y = 0; y < side; ++y) {
            pixels.append(reinterpret_cast<const char *>(kept.constScanLine(y)),
                          side * (shape ? 1 : 4));
        }
    }
    return table + pixels;
}

QImage IconRaster::fromBaked(QByteArrayView baked, int side)
{
    if (baked.size() < 8 || qFromLittleEndian<quint32>(baked.data()) != magic)
        return {};
    const quint32 count = qFromLittleEndian<quint32>(baked.data() + 4);
    if (count > quint32((baked.size() - 8) / 8))
        return {};
    for (quint32 i = 0; i < count; ++i) {
        const char *entry = baked.data() + 8 + i * 8;
        if (qFromLittleEndian<quint16>(entry) != side)
            continue;
        const bool shape = entry[2] == char(shapeOnly);
        if (!shape && entry[2] != char(fullColour))
            return {};
        const qsizetype offset = qFromLittleEndian<quint32>(entry + 4);
        const qsizetype bytesPerLine = qsizetype(side) * (shape ? 1 : 4);
        if (offset < 0 || offset + bytesPerLine * side > baked.size())
            return {};
        if (shape) {
            const QImage inPlace(reinterpret_cast<const uchar *>(baked.data() + offset), side, side,
                                 bytesPerLine, QImage::Format_Alpha8);
            // Alpha8 to ARGB32 is black with that alpha: what draw() made of a black drawing.
            return inPlace.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        }
        // Copied row by row: the resource's bytes need not be aligned for 32-bit pixels.
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < side; ++y)
            std::memcpy(image.scanLine(y), baked.data() + offset + y * bytesPerLine,
                        size_t(bytesPerLine));
        return image;
    }
    return {};
}

QImage IconRaster::baked(const QString &svgPath, int side)
{
    // Stored uncompressed (resources/CMakeLists.txt), so its bytes are in the executable.
    const QResource resource(bakedPath(svgPath));
    if (!resource.isValid() || resource.compressionAlgorithm() != QResource::NoCompression)
        return {};
    return fromBaked(
        QByteArrayView(reinterpret_cast<const char *>(resource.data()), resource.size()), side);
}

QImage IconRaster::drawing(const QString &svgPath, const QSize &pixelSize)
{
    if (pixelSize.width() == pixelSize.height()) {
        QImage image = baked(svgPath, pixelSize.width());
        if (!image.isNull())
            return image;
    }
    return draw(svgPath, pixelSize);
}

QString IconRaster::bakedPath(const QString &svgPath)
{
    const QFileInfo svg(svgPath);
    return svg.path() + u"/baked/"_s + svg.completeBaseName() + u".icon"_s;
}
