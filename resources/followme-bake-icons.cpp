// SPDX-License-Identifier: GPL-3.0-or-later
// followme-bake-icons OUTDIR SVG...: draws each SVG at IconRaster::bakedSides() into
// OUTDIR/NAME.icon, for the resources (IconRaster).
#include "IconRaster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Drawn into images, with no text: no display or fonts needed, wherever the build runs.
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3) {
        std::fputs("usage: followme-bake-icons OUTDIR SVG...\n", stderr);
        return 1;
    }
    const QDir out(arguments.at(1));
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "followme-bake-icons: can't make %s\n", qPrintable(out.path()));
        return 2;
    }
    for (const QString &svg : arguments.mid(2)) {
        QFile file(out.filePath(QFileInfo(svg).completeBaseName() + QStringLiteral(".icon")));
        const QByteArray baked = IconRaster::bake(svg, IconRaster::bakedSides());
        if (!file.open(QIODevice::WriteOnly) || file.write(baked) != baked.size()) {
            std::fprintf(stderr, "followme-bake-icons: can't write %s\n",
                         qPrintable(file.fileName()));
            return 2;
        }
    }
    return 0;
}
