#include "TimelineExporter.h"

#include "AtomicFile.h"
#include "DeviceRuleModel.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"
#include "TimelineDecorations.h"
#include "TimelineLegend.h"
#include "TimelineStyle.h"
#include "Typography.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

std::optional<TimelineExporter::Format> TimelineExporter::formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return Format::Png;
    if (suffix == u"svg")
        return Format::Svg;
    return std::nullopt;
}

std::optional<QSize> TimelineExporter::parseSize(const QString &text)
{
    static const QRegularExpression pattern(u"^(\\d{1,5})[xX](\\d{1,5})$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    if (size.width() < minimumSize.width() || size.height() < minimumSize.height()
        || size.width() > maximumSize.width() || size.height() > maximumSize.height())
        return std::nullopt;
    return size;
}

namespace {

// What goes into an exported picture, and the font it is set in for an image of a given size.
struct Picture
{
    TimelineDecorations decorations;
    int rows = 0;
    QFont font;

    // The text below the chart: the plan in one sentence, then each warning.
    QString notes() const
    {
        QStringList parts {decorations.summary};
        parts.append(decorations.warningLines);
        return keepNumbersTogether(parts.join(u'\n'));
    }

    // Pixels each part needs at width, in font.
    qreal legendHeight(qreal width) const { return TimelineLegend::heightFor(int(width), font); }
    qreal notesHeight(qreal width) const
    {
        const QFontMetricsF metrics(font);
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, notes()).height();
    }
    // The chart: its title, a row per device and one for the ending, the axis and its title.
    qreal chartHeight() const
    {
        const QFontMetricsF metrics(font);
        return metrics.height() * (2.2 + 1.7 * (rows + (decorations.ending.isEmpty() ? 0 : 1)) + 3);
    }
    qreal margin() const { return QFontMetricsF(font).height() * 0.8; }
    // Narrower than this, the names and the sentence have no room at this font.
    int minimumWidth() const { return QFontMetrics(font).averageCharWidth() * 60; }
    qreal neededHeight(qreal width) const
    {
        const qreal inner = width - 2 * margin();
        return chartHeight() + legendHeight(inner) + notesHeight(inner) + 4 * margin();
    }
};

Picture pictureFor(const FollowMeSettings &settings, CallKind kind, int textPixels)
{
    Picture picture;
    picture.decorations = TimelineDecorations::of(settings, kind);
    picture.rows = int(settings.devices.size());
    picture.font = QGuiApplication::font();
    picture.font.setPixelSize(textPixels);
    return picture;
}

// Text in proportion to the image: 13 px at the default 960x480, never below the minimum.
int textPixelsFor(const QSize &size)
{
    const qreal scale = std::min(qreal(size.width()) / TimelineExporter::defaultSize.width(),
                                 qreal(size.height()) / TimelineExporter::defaultSize.height());
    return std::max(TimelineExporter::minimumTextPixels, int(std::lround(13 * scale)));
}

// Lays out and draws the whole picture onto a painter of the given size.
void paintPicture(QPainter *painter, const QSize &size, const Picture &picture,
                  RingTimelineChart *chart)
{
    const TimelineStyle style(chart->palette());
    const qreal margin = picture.margin();
    const qreal inner = size.width() - 2 * margin;
    const qreal legend = picture.legendHeight(inner);
    const qreal notes = picture.notesHeight(inner);
    painter->fillRect(QRect(QPoint(), size), chart->palette().color(QPalette::Window));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const QRectF chartRect(0, 0, size.width(), size.height() - legend - notes - 3 * margin);
    chart->render(painter, chartRect);
    const QRectF legendRect(margin, chartRect.bottom() + margin, inner, legend);
    TimelineLegend::paint(painter, legendRect, picture.font, style);
    painter->setFont(picture.font);
    painter->setPen(style.text());
    painter->drawText(QRectF(margin, legendRect.bottom() + margin, inner, notes), Qt::TextWordWrap,
                      picture.notes());
}

} // namespace

QSize TimelineExporter::smallestReadableSize(const FollowMeSettings &settings, CallKind kind)
{
    const Picture picture = pictureFor(settings, kind, minimumTextPixels);
    // As narrow as the default's proportions allow, then as tall as the text needs there.
    const int width = std::max(minimumSize.width(), picture.minimumWidth());
    return {width, std::max(minimumSize.height(), int(std::ceil(picture.neededHeight(width))))};
}

std::optional<QString> TimelineExporter::exportTimeline(const FollowMeSettings &settings,
                                                        CallKind kind, const QString &outputPath,
                                                        const QSize &size)
{
    const auto format = formatFor(outputPath);
    if (!format)
        return tr("%1: the output must end in .png or .svg").arg(outputPath);

    SettingsDocument document;
    if (const auto problem = document.reset(settings))
        return problem->message();
    const Picture picture = pictureFor(settings, kind, textPixelsFor(size));
    if (size.width() < picture.minimumWidth()
        || size.height() < picture.neededHeight(size.width())) {
        const QSize smallest = smallestReadableSize(settings, kind);
        const int neededWidth = std::max(smallest.width(), size.width());
        const int neededHeight =
            std::max(smallest.height(), int(std::ceil(picture.neededHeight(size.width()))));
        return tr("%1: an image of %2×%3 pixels is too small to read this plan; it needs at "
                  "least %4×%5.")
            .arg(outputPath, QString::number(size.width()), QString::number(size.height()),
                 QString::number(neededWidth), QString::number(neededHeight));
    }
    DeviceRuleModel model(&document);
    model.setCallKind(kind);
    RingTimelineChart chart;
    chart.setFont(picture.font);
    chart.setModel(&model);
    chart.setDecorations(picture.decorations);
    const QString caption = tr("FollowMe ring timeline: %1").arg(CallKinds::callsTitle(kind));
    chart.setCaption(caption);
    const QString renderFailed = tr("%1: the image could not be rendered").arg(outputPath);

    // Render into memory first, so a failed render never leaves a broken file behind.
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (*format == Format::Png) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return renderFailed;
        {
            QPainter painter(&image);
            paintPicture(&painter, size, picture, &chart);
        }
        if (!image.save(&buffer, "PNG"))
            return renderFailed;
    } else {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(), size));
        generator.setTitle(caption);
        generator.setDescription(picture.notes());
        QPainter painter;
        if (!painter.begin(&generator))
            return renderFailed;
        paintPicture(&painter, size, picture, &chart);
        if (!painter.end())
            return renderFailed;
    }

    if (const auto problem = AtomicFile::write(outputPath, data, AtomicFile::Access::Shared))
        return tr("cannot write %1: %2").arg(outputPath, *problem);
    return std::nullopt;
}
