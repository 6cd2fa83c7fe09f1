#include "TimelineExporter.h"

#include "DeviceRuleModel.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QSaveFile>

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
    DeviceRuleModel model(&document);
    model.setCallKind(kind);
    RingTimelineChart chart;
    chart.setModel(&model);
    chart.setCaption(tr("FollowMe ring timeline: %1").arg(CallKinds::callsTitle(kind)));

    // Render into memory first, so a failed render never leaves a broken file behind.
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (*format == Format::Png) {
        const QImage image = chart.toImage(size);
        if (image.isNull() || !image.save(&buffer, "PNG"))
            return tr("%1: the image could not be rendered").arg(outputPath);
    } else if (!chart.writeSvg(&buffer, size)) {
        return tr("%1: the image could not be rendered").arg(outputPath);
    }

    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return tr("cannot write %1: %2").arg(outputPath, file.errorString());
    return std::nullopt;
}
