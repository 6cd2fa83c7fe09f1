// Integration tests for the followme executable's command line: they run the real program (built
// first, its path given by CMake) and check its exit codes, its messages and the files it writes
// or, on failure, leaves alone.

#include "ProgramRun.h"
#include "TestFiles.h"

#include <QByteArray>
#include <QColor>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString demoPath()
{
    return QString::fromUtf8(FOLLOWME_SOURCE_DIR "/resources/demo/demo-settings.json");
}

constexpr int processTimeoutMs = 30000;

QString executablePath()
{
    return QString::fromUtf8(FOLLOWME_EXECUTABLE);
}

// Everything in a directory, hidden and temporary files included.
QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// The demo document with every `from` replaced by `to`; empty when nothing was replaced.
QByteArray editedDemo(const QByteArray &from, const QByteArray &to)
{
    const QByteArray demo = readAll(demoPath());
    QByteArray edited = demo;
    edited.replace(from, to);
    return edited == demo ? QByteArray() : edited;
}

using Run = ProgramRun;

// Image statistics that tell a drawn chart from an empty or blank canvas.
struct ImageStats
{
    int distinctColours = 0;
    double dominantShare = 1.0; // share of the pixels that have the most common colour
    int barPixels = 0; // strongly coloured pixels: the bars, not the greys of text and grid
    int rowsWithBars = 0; // rows holding a run of bar pixels
};

bool isBarColour(QRgb pixel)
{
    const QColor colour = QColor::fromRgba(pixel);
    return qAlpha(pixel) > 200 && colour.hsvSaturation() > 100 && colour.value() > 60;
}

ImageStats statsOf(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    ImageStats stats;
    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y) {
        int barPixelsInRow = 0;
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            ++histogram[pixel];
            if (isBarColour(pixel)) {
                ++stats.barPixels;
                ++barPixelsInRow;
            }
        }
        if (barPixelsInRow >= 20)
            ++stats.rowsWithBars;
    }
    stats.distinctColours = static_cast<int>(histogram.size());
    int dominant = 0;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        dominant = qMax(dominant, it.value());
    const qsizetype area = qsizetype(image.width()) * image.height();
    stats.dominantShare = area > 0 ? double(dominant) / double(area) : 1.0;
    return stats;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void version();
    void help();

    void exportPng();
    void exportPngDefaultSize();
    void exportKindsDiffer();
    void exportSvg();
    void exportReplacesExistingOutput();

    void exportErrors_data();
    void exportErrors();
    void exportFailureKeepsExistingOutput();
    void exportUnwritableOutput();

    void offlineBadFile_data();
    void offlineBadFile();

private:
    Run run(const QStringList &arguments, int timeoutMs = processTimeoutMs) const;
    QString path(const QString &name) const { return m_dir->filePath(name); }
    // Replaces {demo}, {dir} and {input} in the arguments.
    QStringList expand(const QStringList &arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir; // where the tests' inputs and outputs go
    std::unique_ptr<QTemporaryDir> m_home; // HOME and XDG dirs of the program, kept apart
};

Run TestCommandLine::run(const QStringList &arguments, int timeoutMs) const
{
    QProcessEnvironment environment = isolatedEnvironment(m_home->path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    return runProgram(executablePath(), arguments, environment, m_dir->path(), timeoutMs);
}

QStringList TestCommandLine::expand(const QStringList &arguments) const
{
    QStringList expanded;
    for (QString argument : arguments) {
        argument.replace(u"{demo}"_s, demoPath());
        argument.replace(u"{input}"_s, path(u"input.json"_s));
        argument.replace(u"{dir}"_s, m_dir->path());
        expanded.append(argument);
    }
    return expanded;
}

void TestCommandLine::initTestCase()
{
    QVERIFY2(QFileInfo(executablePath()).isExecutable(), FOLLOWME_EXECUTABLE);
    QVERIFY2(!readAll(demoPath()).isEmpty(), "the demo document could not be read");
}

void TestCommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(m_home->isValid());
}

void TestCommandLine::cleanup()
{
    // No run may ever seed or write a settings file in the (sandboxed) user's data.
    QDirIterator it(m_home->path(), {u"*.json"_s}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString()));
    m_dir.reset();
    m_home.reset();
}

// ---- --version, --help --------------------------------------------------------------------------

void TestCommandLine::version()
{
    const Run result = run({u"--version"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), u"FollowMe "_s + QString::fromUtf8(FOLLOWME_VERSION));
}

void TestCommandLine::help()
{
    const Run result = run({u"--help"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    for (const QString &option : {u"--export-timeline"_s, u"--offline"_s, u"--kind"_s,
                                  u"--output"_s, u"--size"_s, u"--version"_s}) {
        QVERIFY2(result.out.contains(option), qPrintable(option + u" in:\n"_s + result.out));
    }
}

// ---- exporting ----------------------------------------------------------------------------------

void TestCommandLine::exportPng()
{
    const QString out = path(u"timeline.png"_s);
    const Run result = run({u"--export-timeline"_s, demoPath(), u"--kind"_s, u"external"_s,
                            u"--output"_s, out, u"--size"_s, u"800x400"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(!result.err.contains(u"followme: "_s),
             result.describe().constData()); // no error reported

    const QByteArray data = readAll(out);
    QVERIFY(data.startsWith("\x89PNG\r\n\x1a\n"));
    QImage image;
    QVERIFY(image.loadFromData(data, "PNG"));
    QCOMPARE(image.size(), QSize(800, 400));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"timeline.png"_s}); // no temporary files

    const ImageStats stats = statsOf(image);
    const QByteArray statsText = QByteArray("colours ") + QByteArray::number(stats.distinctColours)
        + " dominant " + QByteArray::number(stats.dominantShare) + " bar pixels "
        + QByteArray::number(stats.barPixels) + " bar rows "
        + QByteArray::number(stats.rowsWithBars);
    // Not blank: text, grid and bars give many colours, and no colour covers nearly everything.
    QVERIFY2(stats.distinctColours > 10, statsText.constData());
    QVERIFY2(stats.dominantShare < 0.9, statsText.constData());
    // The demo's six external bars: a good share of strongly coloured pixels, in bands with
    // space around them rather than one uniform block.
    QVERIFY2(stats.barPixels > image.width() * image.height() / 50, statsText.constData());
    QVERIFY2(stats.barPixels < image.width() * image.height() / 2, statsText.constData());
    QVERIFY2(stats.rowsWithBars > 6 * 10, statsText.constData());
    QVERIFY2(stats.rowsWithBars < image.height() * 3 / 4, statsText.constData());
}

void TestCommandLine::exportPngDefaultSize()
{
    const QString out = path(u"timeline.png"_s);
    const Run result = run({u"--export-timeline"_s, demoPath(), u"--output"_s, out});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(960, 480));
}

void TestCommandLine::exportKindsDiffer()
{
    // The demo has a different plan per call kind, so each kind's timeline looks different.
    QList<QImage> images;
    for (const QString &kind : {u"external"_s, u"internal"_s, u"teams"_s}) {
        const QString out = path(kind + u".png"_s);
        const Run result = run({u"--export-timeline"_s, demoPath(), u"--kind"_s, kind,
                                u"--output"_s, out, u"--size"_s, u"800x400"_s});
        QVERIFY2(result.finished, result.describe().constData());
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        const QImage image(out);
        QCOMPARE(image.size(), QSize(800, 400));
        images.append(image.convertToFormat(QImage::Format_ARGB32));
    }
    QVERIFY2(images.at(0) != images.at(2), "external and teams exports are identical");
    QVERIFY2(images.at(0) != images.at(1), "external and internal exports are identical");
    QVERIFY2(images.at(1) != images.at(2), "internal and teams exports are identical");

    // The kind is not case-sensitive; the same kind gives the same picture.
    const QString upper = path(u"TEAMS.png"_s);
    const Run result = run({u"--export-timeline"_s, demoPath(), u"--kind"_s, u"TEAMS"_s,
                            u"--output"_s, upper, u"--size"_s, u"800x400"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(QImage(upper).convertToFormat(QImage::Format_ARGB32), images.at(2));
}

void TestCommandLine::exportSvg()
{
    const QString out = path(u"timeline.svg"_s);
    const Run result = run({u"--export-timeline"_s, demoPath(), u"--kind"_s, u"teams"_s,
                            u"--output"_s, out, u"--size"_s, u"800x400"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"timeline.svg"_s});

    const QByteArray data = readAll(out);
    QVERIFY2(data.startsWith("<?xml"), data.left(100).constData());
    QVERIFY(data.contains("<svg"));
    QVERIFY2(data.contains("viewBox=\"0 0 800 400\""), data.left(400).constData());
    QVERIFY2(data.contains(" width=\"") && data.contains(" height=\""), data.left(400).constData());
    QVERIFY(data.contains("Desk phone")); // the chart's labels are in it, not just a frame

    QXmlStreamReader xml(data);
    bool sawSvg = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg")
            sawSvg = true;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvg);
}

void TestCommandLine::exportReplacesExistingOutput()
{
    const QString out = path(u"timeline.png"_s);
    QVERIFY(writeAll(out, "old content"));
    const Run result =
        run({u"--export-timeline"_s, demoPath(), u"--output"_s, out, u"--size"_s, u"640x400"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(QImage(out).size(), QSize(640, 400));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"timeline.png"_s});
}

// ---- refusals -----------------------------------------------------------------------------------

void TestCommandLine::exportErrors_data()
{
    QTest::addColumn<QByteArray>("input"); // written to {input} first, unless null
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QByteArray none;
    const QString demo = u"{demo}"_s;
    const QString input = u"{input}"_s;
    const QString png = u"{dir}/out.png"_s;
    const auto exportTo = [](const QString &file, const QString &output) {
        return QStringList {u"--export-timeline"_s, file, u"--output"_s, output};
    };

    QTest::newRow("unknown kind") << none
                                  << exportTo(demo, png) + QStringList {u"--kind"_s, u"bogus"_s}
                                  << 1 << u"unknown call kind \"bogus\""_s;
    QTest::newRow("missing --output")
        << none << QStringList {u"--export-timeline"_s, demo, u"--size"_s, u"800x400"_s} << 1
        << u"--output"_s;
    for (const QString &size : {u"12x"_s, u"0x0"_s, u"99999x10"_s, u"800"_s, u"800x-4"_s,
                                u"199x120"_s, u"8001x400"_s, u"axb"_s}) {
        QTest::addRow("size %s", qPrintable(size))
            << none << exportTo(demo, png) + QStringList {u"--size"_s, size} << 1
            << u"invalid size \"%1\""_s.arg(size);
    }
    // A valid size, but the plan's text would be too small to read in it: refused, with the
    // size it needs.
    QTest::newRow("size too small to read")
        << none << exportTo(demo, png) + QStringList {u"--size"_s, u"400x200"_s} << 3
        << u"too small to read this plan; it needs at least 400×"_s;
    QTest::newRow(".bmp output") << none << exportTo(demo, u"{dir}/out.bmp"_s) << 1
                                 << u"must end in .png or .svg"_s;
    QTest::newRow("output without suffix")
        << none << exportTo(demo, u"{dir}/out"_s) << 1 << u"must end in .png or .svg"_s;
    QTest::newRow("--export-timeline without file")
        << none << QStringList {u"--export-timeline"_s} << 1 << u"export-timeline"_s;
    QTest::newRow("unexpected argument") << none << exportTo(demo, png) + QStringList {u"surplus"_s}
                                         << 1 << u"unexpected argument: surplus"_s;
    QTest::newRow("unknown option")
        << none << exportTo(demo, png) + QStringList {u"--colour"_s} << 1 << u"colour"_s;
    QTest::newRow("--kind without export") << none << QStringList {u"--kind"_s, u"teams"_s} << 1
                                           << u"--kind only goes with --export-timeline"_s;
    QTest::newRow("--output without export") << none << QStringList {u"--output"_s, png} << 1
                                             << u"--output only goes with --export-timeline"_s;
    QTest::newRow("--offline with export")
        << none << exportTo(demo, png) + QStringList {u"--offline"_s, demo} << 1
        << u"can't be combined"_s;

    QTest::newRow("missing input file")
        << none << exportTo(u"{dir}/missing.json"_s, png) << 2 << u"{dir}/missing.json"_s;
    QTest::newRow("empty input file")
        << QByteArray("") << exportTo(input, png) << 2 << u"not valid JSON"_s;
    QTest::newRow("malformed input file") << QByteArray("{ \"version\": 1, \"devices\": [")
                                          << exportTo(input, png) << 2 << u"not valid JSON"_s;
    QTest::newRow("out-of-range input file")
        << editedDemo("\"delay\": 0,", "\"delay\": 999,") << exportTo(input, png) << 2
        << u"devices[0].rules.external.delay"_s;
    QTest::newRow("duplicate id in input file")
        << editedDemo("\"id\": \"softphone\"", "\"id\": \"desk\"") << exportTo(input, png) << 2
        << u"devices[1].id"_s;
    QTest::newRow("input file of another version")
        << editedDemo("\"version\": 1", "\"version\": 7") << exportTo(input, u"{dir}/out.svg"_s)
        << 2 << u"version"_s;
}

void TestCommandLine::exportErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    if (!input.isNull())
        QVERIFY(writeAll(path(u"input.json"_s), input));
    const QStringList before = entriesOf(m_dir->path());
    const QByteArray demoBefore = readAll(demoPath());

    const Run result = run(expand(arguments));
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());
    const QString expected = expand({message}).constFirst();
    QVERIFY2(result.err.contains(expected),
             qPrintable(u"expected \"%1\" on stderr\n"_s.arg(expected)
                        + QString::fromUtf8(result.describe().constData())));
    QVERIFY2(result.err.startsWith(u"followme: "_s), result.describe().constData());
    if (exitCode == 1)
        QVERIFY2(result.err.contains(u"--help"_s), result.describe().constData());

    // No output (nor a temporary file) appears, and the input is left as it was.
    QCOMPARE(entriesOf(m_dir->path()), before);
    if (!input.isNull())
        QCOMPARE(readAll(path(u"input.json"_s)), input);
    QCOMPARE(readAll(demoPath()), demoBefore);
}

void TestCommandLine::exportFailureKeepsExistingOutput()
{
    const QString out = path(u"timeline.png"_s);
    QVERIFY(writeAll(out, "previous export"));
    const QByteArray bad = editedDemo("\"timeout\": 25", "\"timeout\": 0");
    QVERIFY(!bad.isEmpty());
    QVERIFY(writeAll(path(u"input.json"_s), bad));

    const Run result = run({u"--export-timeline"_s, path(u"input.json"_s), u"--output"_s, out});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(u"devices[0].rules.external.timeout"_s),
             result.describe().constData());
    QCOMPARE(readAll(out), QByteArray("previous export"));
    QCOMPARE(readAll(path(u"input.json"_s)), bad);
    QCOMPARE(entriesOf(m_dir->path()), (QStringList {u"input.json"_s, u"timeline.png"_s}));
}

void TestCommandLine::exportUnwritableOutput()
{
    // The output's parent is a regular file: rendering works, writing cannot.
    QVERIFY(writeAll(path(u"blocker"_s), "not a directory"));
    const QString out = path(u"blocker/timeline.png"_s);
    const Run result = run({u"--export-timeline"_s, demoPath(), u"--output"_s, out});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 3, result.describe().constData());
    QVERIFY2(result.err.contains(u"cannot write"_s) && result.err.contains(out),
             result.describe().constData());
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"blocker"_s});
    QCOMPARE(readAll(path(u"blocker"_s)), QByteArray("not a directory"));
}

void TestCommandLine::offlineBadFile_data()
{
    QTest::addColumn<QByteArray>("content"); // null: the file does not exist
    QTest::addColumn<QString>("message");

    QTest::newRow("malformed JSON")
        << QByteArray("{ \"version\": 1, \"devices\": [ {") << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"must be a JSON object"_s;
    QTest::newRow("delay 999") << editedDemo("\"delay\": 0,", "\"delay\": 999,")
                               << u"devices[0].rules.external.delay"_s;
    QTest::newRow("timeout 601") << editedDemo("\"timeout\": 40", "\"timeout\": 601")
                                 << u"devices[4].rules.teams.timeout"_s;
    QTest::newRow("missing file") << QByteArray() << u"cannot read"_s;
}

void TestCommandLine::offlineBadFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);

    const QString file = path(u"settings.json"_s);
    if (!content.isNull()) {
        QVERIFY(!content.isEmpty());
        QVERIFY(writeAll(file, content));
    }
    const QStringList before = entriesOf(m_dir->path());

    const Run result = run({u"--offline"_s, file}, 15000);
    QVERIFY2(result.finished,
             result.describe().constData()); // it gives up, it does not open a window
    QVERIFY2(result.elapsedMs < 10000, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(message), result.describe().constData());
    QVERIFY2(result.err.contains(file), result.describe().constData());

    // The file is left exactly as it was (or not created), with nothing written next to it.
    if (content.isNull())
        QVERIFY(!QFileInfo::exists(file));
    else
        QCOMPARE(readAll(file), content);
    QCOMPARE(entriesOf(m_dir->path()), before);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
