#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <optional>

// Renders one call kind's ring timeline to a PNG or SVG file without showing a window: for
// sharing, documentation and scripts (followme --export-timeline, File › Export…). An export is
// what the page shows: the bars with their names, the ending, the warnings, the key and the
// plan in one sentence, all from TimelineDecorations. Text grows with the image; an image too
// small to read is refused with the size it would need.
class TimelineExporter
{
    Q_DECLARE_TR_FUNCTIONS(TimelineExporter)

public:
    static constexpr QSize defaultSize {960, 480};
    static constexpr QSize minimumSize {200, 120};
    static constexpr QSize maximumSize {8000, 8000};

    enum class Format { Png, Svg };
    // From the output file's suffix; nullopt for anything else.
    static std::optional<Format> formatFor(const QString &path);
    // "1200x600" → QSize; nullopt when malformed or outside the limits.
    static std::optional<QSize> parseSize(const QString &text);

    // The smallest image this plan stays readable at (its text at least minimumTextPixels).
    static QSize smallestReadableSize(const FollowMeSettings &settings, CallKind kind);
    static constexpr int minimumTextPixels = 11;

    // Returns the reason on failure; the output file is then not created or left as it was.
    static std::optional<QString> exportTimeline(const FollowMeSettings &settings, CallKind kind,
                                                 const QString &outputPath, const QSize &size);
};
