// Tests for RefusalText: every refusal code has a sentence of its own naming the device, and
// the sentences are looked up through the installed translator.

#include "Protocol.h"
#include "RefusalText.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// A "German" translator: marks every RefusalText message it is asked for.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char * = nullptr,
                      int = -1) const override
    {
        if (qstrcmp(context, "RefusalText") != 0)
            return {};
        ++asked;
        return u"DE: "_s + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }

    mutable int asked = 0;
};

QList<Protocol::ErrorCode> allCodes()
{
    QList<Protocol::ErrorCode> codes;
    for (int code = 0; code <= int(Protocol::ErrorCode::Internal); ++code)
        codes.append(Protocol::ErrorCode(code));
    return codes;
}

} // namespace

class TestRefusalText : public QObject
{
    Q_OBJECT

private slots:
    void everyCodeHasItsOwnSentenceNamingTheDevice()
    {
        QCOMPARE(allCodes().size(), 10);
        QSet<QString> rules;
        QSet<QString> choices;
        for (Protocol::ErrorCode code : allCodes()) {
            const QString rule = RefusalText::ruleEdit(code, u"Desk phone"_s, CallKind::External);
            const QString choice = RefusalText::controlledDevice(code, u"Desk phone"_s);
            QVERIFY2(rule.contains(u"“Desk phone”"_s), qPrintable(rule));
            QVERIFY2(rule.contains(u"External calls"_s), qPrintable(rule));
            QVERIFY2(choice.contains(u"“Desk phone”"_s), qPrintable(choice));
            QVERIFY(!rule.contains(u'%'));
            QVERIFY(!choice.contains(u'%'));
            rules.insert(rule);
            choices.insert(choice);
        }
        QCOMPARE(rules.size(), 10);
        QCOMPARE(choices.size(), 10);
        QCOMPARE(
            RefusalText::ruleEdit(Protocol::ErrorCode::Locked, u"Desk phone"_s, CallKind::External),
            u"Your administrator has locked “Desk phone”; the change to External calls was "
            "undone."_s);
    }

    void theTranslatorIsConsulted()
    {
        MarkingTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        for (Protocol::ErrorCode code : allCodes()) {
            const QString rule = RefusalText::ruleEdit(code, u"Tischtelefon"_s, CallKind::Teams);
            const QString choice = RefusalText::controlledDevice(code, u"Tischtelefon"_s);
            const QString link = RefusalText::connection(code);
            QVERIFY2(rule.startsWith(u"DE: "_s), qPrintable(rule));
            QVERIFY(rule.contains(u"Tischtelefon"_s));
            QVERIFY2(choice.startsWith(u"DE: "_s), qPrintable(choice));
            QVERIFY(choice.contains(u"Tischtelefon"_s));
            QVERIFY2(link.startsWith(u"DE: "_s), qPrintable(link));
        }
        QCOMPARE(german.asked, 30);
        QCoreApplication::removeTranslator(&german);
    }
};

QTEST_GUILESS_MAIN(TestRefusalText)
#include "tst_refusaltext.moc"
