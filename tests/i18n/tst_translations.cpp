// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoData.h"
#include "FollowMePage.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"
#include "SettingsWindow.h"
#include "Translator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QTabBar>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// One <message> of a .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QString translationType; // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // the translation, or one entry per <numerusform>
    bool numerus = false;
};

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"context"_s) {
            context.clear();
        } else if (name == u"name"_s) {
            context = xml.readElementText();
        } else if (name == u"message"_s) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source"_s) {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"translation"_s) {
                    message.translationType = xml.attributes().value(u"type"_s).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == u"numerusform"_s)
                                message.translations.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// One row per .ts file in the source tree's translations folder.
void addTsFileRows()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(FOLLOWME_SOURCE_DIR "/translations"));
    const QStringList files = dir.entryList({u"*.ts"_s}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(u"no .ts file in "_s + dir.path()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

QString describe(const TsMessage &message)
{
    return u"%1: \"%2\""_s.arg(message.context, message.source);
}

// %1..%99 (also %L1), %n and %d: what QString::arg, tr's numerus and printf-like formats fill in.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?([0-9]{1,2}|n|d)"_s);
    QStringList found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured(1));
    found.sort();
    found.removeDuplicates();
    return found;
}

QString withoutMnemonic(QString text)
{
    static const QRegularExpression singleAmpersand(u"&(?!&)"_s);
    return text.remove(singleAmpersand).replace(u"&&"_s, u"&"_s);
}

QStringList tabTexts(const QTabBar *tabs)
{
    QStringList texts;
    for (int i = 0; i < tabs->count(); ++i)
        texts.append(tabs->tabText(i));
    return texts;
}

// Every label text on the page, without mnemonics, plus the tab texts.
QStringList pageTexts(const FollowMePage *page)
{
    QStringList texts;
    const QList<QLabel *> labels = page->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(withoutMnemonic(label->text()));
    return texts + tabTexts(page->callKindTabs());
}

bool containsText(const QStringList &texts, const QString &wanted)
{
    for (const QString &text : texts) {
        if (text.contains(wanted))
            return true;
    }
    return false;
}

QLabel *buddyLabel(const QWidget *page, const QWidget *buddy)
{
    const QList<QLabel *> labels = page->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->buddy() == buddy)
            return label;
    }
    return nullptr;
}

// The widget's class, with the nearest FollowMe widget (DeviceRulesView, FollowMePage, ...) it
// sits in, for failure messages.
QString widgetName(const QWidget *widget)
{
    QString name = QString::fromLatin1(widget->metaObject()->className());
    for (const QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        const QString parentClass = QString::fromLatin1(parent->metaObject()->className());
        if (!parentClass.startsWith(u'Q')) {
            name += u" in "_s + parentClass;
            break;
        }
    }
    return name;
}

// The part of [left, right] (widget coordinates) that the widget's ancestors, scroll area
// viewports included, leave visible horizontally, in the widget's coordinates.
std::pair<int, int> horizontallyVisible(const QWidget *widget, int left, int right)
{
    const QWidget *window = widget->window();
    const int offset = widget->mapTo(window, QPoint()).x();
    int first = left + offset;
    int last = right + offset;
    for (const QWidget *ancestor = widget->parentWidget(); ancestor && ancestor != window;
         ancestor = ancestor->parentWidget()) {
        const int ancestorLeft = ancestor->mapTo(window, QPoint()).x();
        first = std::max(first, ancestorLeft);
        last = std::min(last, ancestorLeft + ancestor->width() - 1);
    }
    first = std::max(first, 0);
    last = std::min(last, window->width() - 1);
    return {first - offset, last - offset};
}

// Whether the text span [left, right] of a widget is shown whole, and if not, why.
QString checkSpan(const QWidget *widget, const QString &what, int left, int right)
{
    const int width = right - left + 1;
    if (left < 0 || right >= widget->width())
        return u"%1: %2 needs %3 px, has %4"_s.arg(widgetName(widget), what, QString::number(width),
                                                   QString::number(widget->width()));
    const auto [first, last] = horizontallyVisible(widget, left, right);
    if (first > last)
        return u"%1: %2 is hidden by a parent (scrolled out of view?)"_s.arg(widgetName(widget),
                                                                             what);
    if (first != left || last != right)
        return u"%1: %2 is clipped by a parent: only px %3..%4 of %5..%6 are visible"_s.arg(
            widgetName(widget), what, QString::number(first), QString::number(last),
            QString::number(left), QString::number(right));
    return {};
}

int widestLine(const QFontMetrics &metrics, const QString &text)
{
    int widest = 0;
    for (const QString &line : text.split(u'\n'))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
}

// Qt Charts draws its texts (axis labels and titles, legend) in a graphics scene and shortens
// what does not fit with "..."; a label format it cannot pass through printf shows U+FFFD.
QStringList cutOffChartTexts(const QWidget *window)
{
    QStringList problems;
    const QList<QGraphicsView *> views = window->findChildren<QGraphicsView *>();
    for (const QGraphicsView *view : views) {
        if (!view->isVisible() || !view->scene())
            continue;
        const QList<QGraphicsItem *> items = view->scene()->items();
        for (const QGraphicsItem *item : items) {
            const auto *textItem = dynamic_cast<const QGraphicsTextItem *>(item);
            if (!textItem || !textItem->isVisible())
                continue;
            const QString text = textItem->toPlainText();
            if (text.endsWith(u"..."_s) || text.endsWith(u'\u2026'))
                problems.append(
                    u"%1: chart text shortened to \"%2\""_s.arg(widgetName(view), text));
            if (text.contains(QChar::ReplacementCharacter))
                problems.append(
                    u"%1: chart text \"%2\" has a character the chart cannot show"_s.arg(
                        widgetName(view), text));
        }
    }
    return problems;
}

// Why shown labels, buttons or tabs do not show all of their text; empty when they all do.
QStringList cutOffTexts(const QWidget *window)
{
    QStringList problems;
    auto report = [&problems](const QString &problem) {
        if (!problem.isEmpty())
            problems.append(problem);
    };
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisible())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->text().isEmpty())
                continue;
            const QString text = label->buddy() ? withoutMnemonic(label->text()) : label->text();
            const QString what = u"\""_s + text + u'"';
            const QRect area =
                label->contentsRect().adjusted(label->margin(), 0, -label->margin(), 0);
            if (label->wordWrap()) {
                // Wrapped text takes the label's whole width; it needs enough height for that.
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height())
                    problems.append(u"%1: %2 needs %3 px of height, has %4"_s.arg(
                        widgetName(label), what, QString::number(needed),
                        QString::number(label->height())));
                report(checkSpan(label, what, area.left(), area.right()));
                continue;
            }
            const QRect textRect = QStyle::alignedRect(
                label->layoutDirection(), label->alignment(),
                QSize(widestLine(label->fontMetrics(), text), area.height()), area);
            report(checkSpan(label, what, textRect.left(), textRect.right()));
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            if (button->text().isEmpty())
                continue;
            // An icon-only tool button shows no text (it is its tooltip and accessible name).
            if (const auto *tool = qobject_cast<const QToolButton *>(button);
                tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
                continue;
            const QString text = withoutMnemonic(button->text());
            const int needed = widestLine(button->fontMetrics(), text);
            if (needed > button->width())
                problems.append(u"%1: \"%2\" needs %3 px, has %4"_s.arg(
                    widgetName(button), text, QString::number(needed),
                    QString::number(button->width())));
            report(checkSpan(button, u"\""_s + text + u'"', 0, button->width() - 1));
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QString text = withoutMnemonic(tabs->tabText(i));
                const QString what = u"tab %1 \"%2\""_s.arg(QString::number(i), text);
                const QRect rect = tabs->tabRect(i);
                const int needed = tabs->fontMetrics().horizontalAdvance(text);
                if (needed > rect.width())
                    problems.append(u"%1: %2 needs %3 px, has %4"_s.arg(
                        widgetName(tabs), what, QString::number(needed),
                        QString::number(rect.width())));
                report(checkSpan(tabs, what, rect.left(), rect.right()));
            }
        }
    }
    return problems + cutOffChartTexts(window);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
    }
    void cleanup()
    {
        m_window.reset();
        m_document.reset();
    }

    void everyMessageIsTranslated_data() { addTsFileRows(); }
    void everyMessageIsTranslated()
    {
        QFETCH(QString, path);
        QString error;
        const QList<TsMessage> messages = readTsFile(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!messages.isEmpty(), qPrintable(path + u" has no messages"_s));

        QStringList problems;
        for (const TsMessage &message : messages) {
            if (!message.translationType.isEmpty())
                problems.append(message.translationType + u": "_s + describe(message));
            else if (message.translations.isEmpty()
                     || std::any_of(message.translations.cbegin(), message.translations.cend(),
                                    [](const QString &text) { return text.isEmpty(); }))
                problems.append(u"empty: "_s + describe(message));
            else if (message.numerus && message.translations.size() < 2)
                problems.append(u"only one plural form: "_s + describe(message));
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"%1 message(s) not done in %2:\n"_s.arg(problems.size()).arg(path)
                            + problems.join(u'\n')));
    }

    void placeholdersAreKept_data() { addTsFileRows(); }
    void placeholdersAreKept()
    {
        QFETCH(QString, path);
        QString error;
        const QList<TsMessage> messages = readTsFile(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList problems;
        for (const TsMessage &message : messages) {
            const QStringList expected = placeholders(message.source);
            for (const QString &translation : message.translations) {
                if (translation.isEmpty())
                    continue; // reported by everyMessageIsTranslated
                // Qt Charts hands label formats to printf as Latin-1: keep them ASCII.
                if (expected.contains(u"d"_s)
                    && std::any_of(translation.cbegin(), translation.cend(),
                                   [](QChar c) { return c.unicode() > 0x7f; }))
                    problems.append(u"%1 -> \"%2\": a printf format must stay ASCII"_s.arg(
                        describe(message), translation));
                const QStringList actual = placeholders(translation);
                if (actual != expected)
                    problems.append(u"%1 -> \"%2\": has {%3}, the source {%4}"_s.arg(
                        describe(message), translation, actual.join(u", "_s),
                        expected.join(u", "_s)));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void windowFollowsTheLanguage()
    {
        Translator translator;
        QVERIFY(translator.install(QLocale(QLocale::German)));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        FollowMePage *page = m_window->followMePage();

        QCOMPARE(tabTexts(page->callKindTabs()),
                 (QStringList {u"Extern"_s, u"Intern"_s, u"Teams"_s}));
        const QStringList german = pageTexts(page);
        for (const QString &wanted : {u"Gerät"_s, u"Verzögerung"_s, u"Läuten"_s})
            QVERIFY2(containsText(german, wanted),
                     qPrintable(wanted + u" not in: "_s + german.join(u" | "_s)));
        QLabel *pickerLabel = buddyLabel(page, page->controlledDevicePicker());
        QVERIFY(pickerLabel);
        QVERIFY2(withoutMnemonic(pickerLabel->text()).contains(u"Client kontrolliert"_s),
                 qPrintable(pickerLabel->text()));

        // Removing the translator posts LanguageChange; every widget sets its texts again.
        translator.uninstall();
        QTRY_COMPARE(page->callKindTabs()->tabText(0), u"External"_s);
        QCOMPARE(tabTexts(page->callKindTabs()),
                 (QStringList {u"External"_s, u"Internal"_s, u"Teams"_s}));
        const QStringList english = pageTexts(page);
        QVERIFY2(containsText(english, u"Timeout"_s), qPrintable(english.join(u" | "_s)));
        QVERIFY2(containsText(english, u"Delay"_s), qPrintable(english.join(u" | "_s)));
        QVERIFY2(!containsText(english, u"Verzögerung"_s), qPrintable(english.join(u" | "_s)));
        QCOMPARE(withoutMnemonic(pickerLabel->text()), u"Client controls:"_s);

        // And back to German in the open window.
        QVERIFY(translator.install(QLocale(QLocale::German)));
        QTRY_COMPARE(page->callKindTabs()->tabText(0), u"Extern"_s);
        QVERIFY(containsText(pageTexts(page), u"Verzögerung"_s));
    }

    void textsFit_data()
    {
        QTest::addColumn<bool>("german");
        QTest::newRow("English") << false; // the baseline: a failure here is the layout's
        QTest::newRow("German") << true;
    }
    void textsFit()
    {
        QFETCH(bool, german);
        Translator translator;
        if (german)
            QVERIFY(translator.install(QLocale(QLocale::German)));
        m_window = std::make_unique<SettingsWindow>(m_document.get());
        const QSize defaultSize = m_window->size();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        FollowMePage *page = m_window->followMePage();
        QCOMPARE(page->callKindTabs()->tabText(0) == u"External"_s, !german);

        // The texts must not make the window grow past the size it opens with.
        const QSize minimum = m_window->minimumSizeHint();
        QVERIFY2(minimum.width() <= defaultSize.width() && minimum.height() <= defaultSize.height(),
                 qPrintable(u"the window needs at least %1x%2, more than its default %3x%4"_s
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(defaultSize.width())
                                .arg(defaultSize.height())));
        QCOMPARE(m_window->size(), defaultSize);

        // Every call kind: the hint and the status line under the timeline change with it.
        for (CallKind kind : CallKinds::all()) {
            page->setCallKind(kind);
            QCoreApplication::processEvents();
            const QStringList problems = cutOffTexts(m_window.get());
            QVERIFY2(problems.isEmpty(),
                     qPrintable(u"cut off at %1x%2 (%3):\n"_s.arg(m_window->width())
                                    .arg(m_window->height())
                                    .arg(CallKinds::displayName(kind))
                                + problems.join(u'\n')));
        }
    }

private:
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<SettingsWindow> m_window;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
