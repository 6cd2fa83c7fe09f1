// SPDX-License-Identifier: GPL-3.0-or-later
// The window as it starts, in FollowMe's style: no image format or icon engine plugin is loaded
// on the way to its first paint (each is a library to load and relocate; FollowMe draws its
// icons from SVG through Qt Svg itself). Its own process, so no other test loaded them first.

#include "DemoData.h"
#include "FollowMePage.h"
#include "FollowMeStyle.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"

#include <QApplication>
#include <QFile>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The plugins of one kind this process has mapped.
QStringList loadedPlugins(const QString &kind)
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return {u"(cannot read /proc/self/maps)"_s};
    QStringList found;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        const qsizetype at = text.indexOf(u"/plugins/"_s + kind + u'/');
        if (at >= 0 && !found.contains(text.mid(at)))
            found.append(text.mid(at));
    }
    return found;
}

} // namespace

class TestStartupPlugins : public QObject
{
    Q_OBJECT

private slots:
    void theFirstPaintLoadsNoImagePlugin()
    {
        m_desktopStyle = QApplication::style()->name();
        QApplication::setStyle(new FollowMeStyle(m_desktopStyle));
        SettingsDocument document;
        QVERIFY(!document.reset(demoSettings()));
        SettingsWindow window(&document);
        window.resize(1120, 660);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Painted for real, icons and all.
        QVERIFY(!window.grab().isNull());
        QCOMPARE(loadedPlugins(u"imageformats"_s), QStringList());
        QCOMPARE(loadedPlugins(u"iconengines"_s), QStringList());
    }

    // The base style still draws everything else.
    void theStyleIsTheDesktopsWithItsIcons()
    {
        auto *style = qobject_cast<FollowMeStyle *>(QApplication::style());
        QVERIFY(style);
        QVERIFY(style->baseStyle());
        QCOMPARE(style->baseStyle()->name(), m_desktopStyle);
        const QIcon arrow = style->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton);
        QVERIFY(!arrow.pixmap(16, 16).isNull());
        QVERIFY(!style->standardIcon(QStyle::SP_DialogOkButton).isNull());
    }

private:
    QString m_desktopStyle;
};

QTEST_MAIN(TestStartupPlugins)
#include "tst_startupplugins.moc"
