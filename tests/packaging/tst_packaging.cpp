// SPDX-License-Identifier: GPL-3.0-or-later
// The packaging files: the desktop entry, the AppStream metainfo and the icons agree on the
// application id, the icons have the sizes their names promise, the validators accept the files,
// `cmake --install --component` puts each component's files (client: followme, server:
// followme-server) in their standard places and nothing else, and CPack makes one .deb of each.
// The full .deb round trip (build, apt-get install, run, remove) is scripts/package-check.sh.
//
// A server-only build (FOLLOWME_BUILD_CLIENT=OFF) has no Qt Gui and no client files: the client's
// checks are skipped there, the server's run.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtEndian>
#if FOLLOWME_HAS_CLIENT
#include <QImage>
#endif

using namespace Qt::StringLiterals;

namespace {

const QString appId = u"org.followme.FollowMe"_s;
const QList<int> hicolorSizes {16, 22, 24, 32, 48, 64, 128, 256, 512};

// The client's packaging files are checked only where the client is built (a macro, as QSKIP
// returns from the test function).
#define FOLLOWME_REQUIRE_CLIENT()                                                                  \
    do {                                                                                           \
        if (!FOLLOWME_HAS_CLIENT)                                                                  \
            QSKIP("the client is not built (FOLLOWME_BUILD_CLIENT=OFF)");                          \
    } while (false)

QString sourcePath(const QString &relative)
{
    return QStringLiteral(FOLLOWME_SOURCE_DIR "/") + relative;
}

QString binaryPath(const QString &relative)
{
    return QStringLiteral(FOLLOWME_BINARY_DIR "/") + relative;
}

QString desktopFilePath()
{
    return sourcePath(u"packaging/linux/"_s + appId + u".desktop"_s);
}

// The metainfo as CMake configured it (version and date filled in).
QString metainfoPath()
{
    return binaryPath(u"packaging/"_s + appId + u".metainfo.xml"_s);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The keys of the [Desktop Entry] group.
QHash<QString, QString> desktopEntry(const QString &path)
{
    QHash<QString, QString> entry;
    bool inGroup = false;
    const QStringList lines = QString::fromUtf8(readAll(path)).split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed(); // also a checkout's \r\n
        if (line.startsWith(u'[')) {
            inGroup = line == u"[Desktop Entry]"_s;
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (inGroup && equals > 0)
            entry.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return entry;
}

struct ProcessResult
{
    bool started = false;
    int exitCode = -1;
    QString output;
};

ProcessResult run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ProcessResult result;
    result.started = process.waitForStarted(30000);
    if (!result.started)
        return result;
    process.waitForFinished(120000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

// Every file below root, relative to it.
QSet<QString> filesBelow(const QString &root)
{
    QSet<QString> files;
    const QDir dir(root);
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.insert(dir.relativeFilePath(it.next()));
    return files;
}

// What each component installs, relative to the prefix; and the components this build has.
QSet<QString> clientFiles()
{
    QSet<QString> files {
        u"bin/followme"_s,
        u"share/applications/%1.desktop"_s.arg(appId),
        u"share/metainfo/%1.metainfo.xml"_s.arg(appId),
        u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId),
        u"share/doc/followme/copyright"_s,
    };
    for (int size : hicolorSizes)
        files.insert(u"share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(QString::number(size), appId));
    return files;
}

QSet<QString> serverFiles()
{
    QSet<QString> files {
        u"bin/followme-server"_s,
        u"lib/systemd/system/followme-server.service"_s,
        u"share/doc/followme-server/copyright"_s,
    };
    if (FOLLOWME_HAS_ADMIN)
        files.insert(u"bin/followme-admin"_s);
    return files;
}

QStringList builtComponents()
{
    QStringList components;
    if (FOLLOWME_HAS_CLIENT)
        components.append(u"client"_s);
    if (FOLLOWME_HAS_SERVER)
        components.append(u"server"_s);
    return components;
}

QSet<QString> componentFiles(const QString &component)
{
    return component == u"client"_s ? clientFiles() : serverFiles();
}

// `cmake --install` of the build into prefix: one component, or everything when empty.
ProcessResult install(const QString &prefix, const QString &component)
{
    QStringList arguments {u"--install"_s, QStringLiteral(FOLLOWME_BINARY_DIR), u"--prefix"_s,
                           prefix};
    if (!component.isEmpty())
        arguments << u"--component"_s << component;
    return run(QStringLiteral(FOLLOWME_CMAKE_COMMAND), arguments);
}

QString sorted(const QSet<QString> &files)
{
    QStringList list(files.cbegin(), files.cend());
    list.sort();
    return list.join(u", "_s);
}

// The set(NAME "value") lines of a CPack configuration file CMake wrote.
QHash<QString, QString> cpackVariables(const QString &path)
{
    QHash<QString, QString> variables;
    static const QRegularExpression line(u"^set\\((\\w+) \"([^\"]*)\"\\)$"_s,
                                         QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(readAll(path));
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        variables.insert(match.captured(1), match.captured(2));
    }
    return variables;
}

// The package names of a Depends-style list ("libfoo (>= 1), bar | baz").
QStringList dependencyNames(const QString &depends)
{
    QStringList names;
    static const QRegularExpression separator(u"[,|]"_s);
    for (const QString &entry : depends.split(separator, Qt::SkipEmptyParts)) {
        const QString name = entry.trimmed().section(u' ', 0, 0);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private slots:
    void desktopEntryNamesTheApplication()
    {
        FOLLOWME_REQUIRE_CLIENT();
        QVERIFY2(QFileInfo::exists(desktopFilePath()), qPrintable(desktopFilePath()));
        const auto entry = desktopEntry(desktopFilePath());
        QCOMPARE(entry.value(u"Type"_s), u"Application"_s);
        QCOMPARE(entry.value(u"Name"_s), u"FollowMe"_s);
        QCOMPARE(entry.value(u"Exec"_s), u"followme"_s);
        // The icon by theme name, without a path or an extension.
        QCOMPARE(entry.value(u"Icon"_s), appId);
        QVERIFY(!entry.value(u"Comment"_s).isEmpty());
        QVERIFY(!entry.value(u"Comment[de]"_s).isEmpty());

        // The desktop file is found by the id the program announces (Wayland app id, taskbar).
        const QByteArray main = readAll(sourcePath(u"app/main.cpp"_s));
        QVERIFY2(main.contains(QByteArray("setDesktopFileName(u\"" + appId.toUtf8() + "\"_s)")),
                 "app/main.cpp no longer calls setDesktopFileName() with the desktop file's id");
    }

    void metainfoDescribesTheApplication()
    {
        FOLLOWME_REQUIRE_CLIENT();
        const QByteArray data = readAll(metainfoPath());
        QVERIFY2(!data.isEmpty(), qPrintable(metainfoPath()));
        QVERIFY2(!data.contains('@'), "a placeholder was left unconfigured");

        QXmlStreamReader xml(data);
        QHash<QString, QString> texts;
        QStringList releases;
        QString launchable;
        QString componentType;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QString name = xml.name().toString();
            if (name == u"component"_s) {
                componentType = xml.attributes().value(u"type"_s).toString();
            } else if (name == u"release"_s) {
                releases.append(xml.attributes().value(u"version"_s).toString());
            } else if (name == u"launchable"_s) {
                launchable = xml.readElementText();
            } else if (xml.attributes().value(u"xml:lang"_s).isEmpty()
                       && (name == u"id"_s || name == u"project_license"_s
                           || name == u"metadata_license"_s || name == u"name"_s)) {
                texts.insert(name, xml.readElementText());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(componentType, u"desktop-application"_s);
        QCOMPARE(texts.value(u"id"_s), appId);
        QCOMPARE(texts.value(u"name"_s), u"FollowMe"_s);
        QCOMPARE(texts.value(u"project_license"_s), u"GPL-3.0-or-later"_s);
        QCOMPARE(texts.value(u"metadata_license"_s), u"CC0-1.0"_s);
        QCOMPARE(launchable, appId + u".desktop"_s);
        QVERIFY2(releases.contains(QStringLiteral(FOLLOWME_VERSION)),
                 qPrintable(u"no <release> for "_s + QStringLiteral(FOLLOWME_VERSION)));
    }

    void hicolorIconsHaveTheirSizes()
    {
#if !FOLLOWME_HAS_CLIENT
        FOLLOWME_REQUIRE_CLIENT();
#else
        for (int size : hicolorSizes) {
            const QString path = sourcePath(
                u"packaging/icons/hicolor/%1x%1/apps/%2.png"_s.arg(QString::number(size), appId));
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QCOMPARE(image.size(), QSize(size, size));
            QVERIFY2(image.hasAlphaChannel(), qPrintable(path));
        }
        // Nothing else in the theme folder: each file there is installed.
        QDirIterator it(sourcePath(u"packaging/icons/hicolor"_s), QDir::Files,
                        QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            it.next();
            ++files;
        }
        QCOMPARE(files, int(hicolorSizes.size()));
        QVERIFY(!QImage(sourcePath(u"resources/icons/followme.svg"_s)).isNull());
#endif
    }

    void windowsIconHoldsTheSizesWindowsUses()
    {
#if !FOLLOWME_HAS_CLIENT
        FOLLOWME_REQUIRE_CLIENT();
#else
        const QByteArray ico = readAll(sourcePath(u"packaging/icons/followme.ico"_s));
        QVERIFY(ico.size() > 6);
        const auto *bytes = reinterpret_cast<const uchar *>(ico.constData());
        QCOMPARE(qFromLittleEndian<quint16>(bytes), quint16(0)); // reserved
        QCOMPARE(qFromLittleEndian<quint16>(bytes + 2), quint16(1)); // icon
        const int count = qFromLittleEndian<quint16>(bytes + 4);
        QVERIFY(ico.size() >= 6 + 16 * count);
        QSet<int> sizes;
        for (int i = 0; i < count; ++i) {
            const uchar *entry = bytes + 6 + 16 * i;
            const int size = entry[0] == 0 ? 256 : entry[0];
            QCOMPARE(int(entry[1] == 0 ? 256 : entry[1]), size);
            const quint32 length = qFromLittleEndian<quint32>(entry + 8);
            const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
            QVERIFY2(quint64(offset) + length <= quint64(ico.size()),
                     qPrintable(u"entry %1 runs past the end"_s.arg(i)));
            sizes.insert(size);
        }
        for (int wanted : {16, 24, 32, 48, 256})
            QVERIFY2(sizes.contains(wanted), qPrintable(u"no %1 px icon"_s.arg(wanted)));

        // Qt reads it too (its image handler is what the window icon uses on Windows).
        const QImage image(sourcePath(u"packaging/icons/followme.ico"_s));
        QVERIFY(!image.isNull());
#endif
    }

    void macIconHoldsPngsUpTo1024()
    {
        FOLLOWME_REQUIRE_CLIENT();
        const QByteArray icns = readAll(sourcePath(u"packaging/icons/followme.icns"_s));
        QVERIFY(icns.size() > 8);
        QCOMPARE(icns.left(4), QByteArray("icns"));
        const auto *bytes = reinterpret_cast<const uchar *>(icns.constData());
        QCOMPARE(qFromBigEndian<quint32>(bytes + 4), quint32(icns.size()));
        QSet<QByteArray> types;
        qsizetype pos = 8;
        while (pos + 8 <= icns.size()) {
            const QByteArray type = icns.mid(pos, 4);
            const quint32 length = qFromBigEndian<quint32>(bytes + pos + 4);
            QVERIFY2(length > 8 && pos + qsizetype(length) <= icns.size(), type.constData());
            QVERIFY2(icns.mid(pos + 8, 8) == QByteArray("\x89PNG\r\n\x1a\n", 8), type.constData());
            types.insert(type);
            pos += length;
        }
        QCOMPARE(pos, icns.size());
        for (const char *wanted : {"icp4", "icp5", "ic07", "ic08", "ic09", "ic10"})
            QVERIFY2(types.contains(wanted), wanted);
    }

    void validatorsAcceptTheFiles()
    {
        FOLLOWME_REQUIRE_CLIENT();
        const QString desktopValidate = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        const QString appstreamcli = QStandardPaths::findExecutable(u"appstreamcli"_s);
        if (desktopValidate.isEmpty() && appstreamcli.isEmpty())
            QSKIP("neither desktop-file-validate nor appstreamcli is installed "
                  "(scripts/package-check.sh installs them)");
        if (!desktopValidate.isEmpty()) {
            const auto result = run(desktopValidate, {desktopFilePath()});
            QVERIFY2(result.exitCode == 0 && result.output.trimmed().isEmpty(),
                     qPrintable(result.output));
        }
        if (!appstreamcli.isEmpty()) {
            const auto result = run(appstreamcli, {u"validate"_s, u"--no-net"_s, metainfoPath()});
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        }
    }

    // Each component installs its own files and nothing of the other's: a desktop gets no server,
    // a server no desktop files.
    void componentInstallsItsFiles_data()
    {
        QTest::addColumn<QString>("component");
        for (const QString &component : builtComponents())
            QTest::newRow(qPrintable(component)) << component;
    }

    void componentInstallsItsFiles()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the freedesktop layout and the server's package are Linux only");
#else
        QFETCH(QString, component);
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        const auto result = install(prefix.path(), component);
        QVERIFY2(result.started, "cmake did not start");
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        const QSet<QString> expected = componentFiles(component);
        const QSet<QString> installed = filesBelow(prefix.path());
        QVERIFY2(installed.contains(expected),
                 qPrintable(u"not installed: "_s + sorted(expected - installed)));
        QVERIFY2(expected.contains(installed),
                 qPrintable(u"installed by %1 as well: "_s.arg(component)
                            + sorted(installed - expected)));
        for (const QString &file : expected) {
            if (file.startsWith(u"bin/"_s))
                QVERIFY2(QFileInfo(prefix.filePath(file)).isExecutable(), qPrintable(file));
        }
#endif
    }

    // Everything the build installs belongs to a component: a file without one (CMake's
    // "Unspecified") would be in no package.
    void everyInstalledFileHasAComponent()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the freedesktop layout and the server's package are Linux only");
#else
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        const auto result = install(prefix.path(), {});
        QVERIFY2(result.started, "cmake did not start");
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        QSet<QString> expected;
        for (const QString &component : builtComponents())
            expected.unite(componentFiles(component));
        const QSet<QString> installed = filesBelow(prefix.path());
        QVERIFY2(installed == expected,
                 qPrintable(u"not installed: "_s + sorted(expected - installed)
                            + u"; in no component: "_s + sorted(installed - expected)));
#endif
    }

    // CPack makes one .deb per component built, each with the dependencies of its own machine.
    void cpackMakesOneDebPerComponent()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the .deb packages are Linux only");
#else
        const QString config = binaryPath(u"CPackConfig.cmake"_s);
        const auto cpack = cpackVariables(config);
        QVERIFY2(!cpack.isEmpty(), qPrintable(config));
        QCOMPARE(cpack.value(u"CPACK_GENERATOR"_s), u"DEB"_s);
        QCOMPARE(cpack.value(u"CPACK_DEB_COMPONENT_INSTALL"_s), u"ON"_s);
        QCOMPARE(cpack.value(u"CPACK_COMPONENTS_ALL"_s).split(u';', Qt::SkipEmptyParts),
                 builtComponents());

        QCOMPARE(cpack.value(u"CPACK_DEBIAN_CLIENT_PACKAGE_NAME"_s), u"followme"_s);
        QCOMPARE(cpack.value(u"CPACK_DEBIAN_CLIENT_PACKAGE_SHLIBDEPS"_s), u"ON"_s);
        const QStringList client =
            dependencyNames(cpack.value(u"CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS"_s));
        // Plugins Qt loads at run time (shlibdeps can't see them); the SQLite driver is the
        // server's.
        QVERIFY2(client.contains(u"libqt6svg6"_s), qPrintable(client.join(u", "_s)));
        QVERIFY2(client.contains(u"qt6-qpa-plugins"_s), qPrintable(client.join(u", "_s)));
        QVERIFY2(!client.contains(u"libqt6sql6-sqlite"_s), qPrintable(client.join(u", "_s)));

        QCOMPARE(cpack.value(u"CPACK_DEBIAN_SERVER_PACKAGE_NAME"_s), u"followme-server"_s);
        QCOMPARE(cpack.value(u"CPACK_DEBIAN_SERVER_PACKAGE_SHLIBDEPS"_s), u"ON"_s);
        const QStringList server =
            dependencyNames(cpack.value(u"CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS"_s));
        QVERIFY2(server.contains(u"libqt6sql6-sqlite"_s), qPrintable(server.join(u", "_s)));
        for (const QString &gui : {u"libqt6gui6"_s, u"libqt6widgets6"_s, u"libqt6charts6"_s,
                                   u"libqt6svg6"_s, u"qt6-qpa-plugins"_s})
            QVERIFY2(!server.contains(gui), qPrintable(server.join(u", "_s)));
#endif
    }
};

QTEST_MAIN(TestPackaging)
#include "tst_packaging.moc"
