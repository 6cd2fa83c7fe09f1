// Tests for SettingsDocument: every edit is checked, refused edits change nothing and say
// nothing, accepted edits are announced exactly once.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Watches every signal of one document, and the order in which they came.
struct Watch
{
    explicit Watch(SettingsDocument *document)
        : reset(document, &SettingsDocument::settingsReset)
        , rule(document, &SettingsDocument::ruleChanged)
        , controlled(document, &SettingsDocument::controlledDeviceChanged)
        , changed(document, &SettingsDocument::changed)
    {
        QObject::connect(document, &SettingsDocument::settingsReset, document,
                         [this] { order.append(u"settingsReset"_s); });
        QObject::connect(document, &SettingsDocument::ruleChanged, document,
                         [this] { order.append(u"ruleChanged"_s); });
        QObject::connect(document, &SettingsDocument::controlledDeviceChanged, document,
                         [this] { order.append(u"controlledDeviceChanged"_s); });
        QObject::connect(document, &SettingsDocument::changed, document,
                         [this] { order.append(u"changed"_s); });
    }

    int total() const
    {
        return reset.count() + rule.count() + controlled.count() + changed.count();
    }

    QSignalSpy reset;
    QSignalSpy rule;
    QSignalSpy controlled;
    QSignalSpy changed;
    QStringList order;
};

} // namespace

class TestSettingsDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsEmpty();
    void editsAnnounceExactlyWhatChanged();
    void updatesAndResetsAnnounceNoEdits();
    void resetAcceptsValid();
    void resetRefusesInvalid_data();
    void resetRefusesInvalid();

    void setRuleAccepts();
    void setRuleReportsDeviceIndexAndKind();
    void setRuleSameAgainIsSilent();
    void setRuleBounds_data();
    void setRuleBounds();
    void setRuleRefused_data();
    void setRuleRefused();
    void setRuleOnEmptyDocument();

    void setControlledDeviceAccepts_data();
    void setControlledDeviceAccepts();
    void setControlledDeviceSameAgainIsSilent();
    void setControlledDeviceRefused_data();
    void setControlledDeviceRefused();

private:
    FollowMeSettings m_demo;
    std::unique_ptr<SettingsDocument> m_document; // holds m_demo at the start of every test
};

void TestSettingsDocument::initTestCase()
{
    ValidationError error;
    const auto demo = SettingsCodec::decode(CoreTestSupport::demoJson(), &error);
    QVERIFY2(demo, qPrintable(error.message()));
    m_demo = *demo;
}

void TestSettingsDocument::init()
{
    m_document = std::make_unique<SettingsDocument>();
    const auto problem = m_document->reset(m_demo);
    QVERIFY2(!problem, qPrintable(problem ? problem->message() : QString()));
    QCOMPARE(m_document->settings(), m_demo);
}

void TestSettingsDocument::cleanup()
{
    m_document.reset();
}

void TestSettingsDocument::startsEmpty()
{
    const SettingsDocument document;
    QVERIFY(document.settings().devices.isEmpty());
    QVERIFY(document.settings().controlledDeviceId.isEmpty());
}

namespace {

// The user's intents a document announced, as text.
struct Intents
{
    explicit Intents(SettingsDocument *document)
    {
        QObject::connect(document, &SettingsDocument::ruleEdited, document,
                         [this](const QString &id, CallKind kind, const RuleChange &change) {
                             QStringList fields;
                             if (change.enabled)
                                 fields.append(u"enabled=%1"_s.arg(*change.enabled));
                             if (change.delay)
                                 fields.append(u"delay=%1"_s.arg(*change.delay));
                             if (change.timeout)
                                 fields.append(u"timeout=%1"_s.arg(*change.timeout));
                             seen.append(id + u'/' + CallKinds::key(kind) + u' '
                                         + fields.join(u','));
                         });
        QObject::connect(document, &SettingsDocument::controlledDeviceEdited, document,
                         [this](const QString &id) { seen.append(u"controls "_s + id); });
    }
    QStringList seen;
};

} // namespace

// Each edit is announced once, with only the fields that really changed.
void TestSettingsDocument::editsAnnounceExactlyWhatChanged()
{
    Intents intents(m_document.get());
    RuleChange delay;
    delay.delay = 7;
    QVERIFY(!m_document->editRule(u"desk"_s, CallKind::External, delay));
    QVERIFY(!m_document->editRule(u"desk"_s, CallKind::External, delay)); // no change: silent
    const RingRule teams = m_document->settings().device(u"mobile"_s)->rule(CallKind::Teams);
    QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Teams,
                                 {teams.enabled, teams.delay, teams.timeout + 5}));
    RuleChange both;
    both.enabled = m_document->settings().device(u"dect"_s)->rule(CallKind::Internal).enabled;
    both.timeout = 44;
    QVERIFY(!m_document->editRule(u"dect"_s, CallKind::Internal, both)); // enabled as it was
    QVERIFY(m_document->editRule(u"reception"_s, CallKind::External, delay)); // locked
    QVERIFY(!m_document->setControlledDevice(u"dect"_s));
    QCOMPARE(intents.seen,
             (QStringList {u"desk/external delay=7"_s,
                           u"mobile/teams timeout=%1"_s.arg(teams.timeout + 5),
                           u"dect/internal timeout=44"_s, u"controls dect"_s}));
}

// Settings from elsewhere (the server, a file) are shown, never taken for the user's edits.
void TestSettingsDocument::updatesAndResetsAnnounceNoEdits()
{
    Intents intents(m_document.get());
    Watch watch(m_document.get());
    FollowMeSettings pushed = m_demo;
    pushed.devices[0].rule(CallKind::External).delay = 9;
    pushed.controlledDeviceId = u"dect"_s;
    QVERIFY(!m_document->update(pushed));
    QCOMPARE(watch.rule.count(), 1);
    QCOMPARE(watch.controlled.count(), 1);
    QVERIFY(!m_document->reset(m_demo));
    QCOMPARE(watch.reset.count(), 1);
    QVERIFY(intents.seen.isEmpty());
}

void TestSettingsDocument::resetAcceptsValid()
{
    SettingsDocument document;
    Watch watch(&document);
    QVERIFY(!document.reset(m_demo));
    QCOMPARE(document.settings(), m_demo);
    QCOMPARE(watch.reset.count(), 1);
    QCOMPARE(watch.changed.count(), 1);
    QCOMPARE(watch.rule.count(), 0);
    QCOMPARE(watch.controlled.count(), 0);
    QCOMPARE(watch.order, (QStringList {u"settingsReset"_s, u"changed"_s}));
}

void TestSettingsDocument::resetRefusesInvalid_data()
{
    using Code = ValidationError::Code;
    QTest::addColumn<int>("variant");
    QTest::addColumn<ValidationError::Code>("code");
    QTest::addColumn<QString>("field");

    QTest::newRow("duplicate id") << 0 << Code::Duplicate << u"devices[1].id"_s;
    QTest::newRow("delay 301") << 1 << Code::OutOfRange << u"devices[2].rules.teams.delay"_s;
    QTest::newRow("timeout 0") << 2 << Code::OutOfRange << u"devices[3].rules.external.timeout"_s;
    QTest::newRow("unknown controlled device") << 3 << Code::UnknownId << u"controlledDevice"_s;
    QTest::newRow("controlled external number") << 4 << Code::Invalid << u"controlledDevice"_s;
    QTest::newRow("empty name") << 5 << Code::Invalid << u"devices[0].name"_s;
    QTest::newRow("id with a space") << 6 << Code::Invalid << u"devices[5].id"_s;
    QTest::newRow("too many devices") << 7 << Code::TooLarge << u"devices"_s;
}

void TestSettingsDocument::resetRefusesInvalid()
{
    QFETCH(int, variant);
    QFETCH(ValidationError::Code, code);
    QFETCH(QString, field);

    // Something valid and different, so a refused reset that still replaced it would show.
    FollowMeSettings bad = m_demo;
    bad.devices.removeLast();
    bad.devices[0].rule(CallKind::Teams) = {false, 7, 8};
    switch (variant) {
    case 0:
        bad.devices[1].id = u"desk"_s;
        break;
    case 1:
        bad.devices[2].rule(CallKind::Teams).delay = 301;
        break;
    case 2:
        bad.devices[3].rule(CallKind::External).timeout = 0;
        break;
    case 3:
        bad.controlledDeviceId = u"nope"_s;
        break;
    case 4:
        bad = m_demo;
        bad.controlledDeviceId = u"private-mobile"_s;
        break;
    case 5:
        bad.devices[0].name.clear();
        break;
    case 6:
        bad = m_demo;
        bad.devices[5].id = u"private mobile"_s;
        break;
    case 7:
        while (bad.devices.size() <= SettingsCodec::maxDevices) {
            Device extra = bad.devices.at(1);
            extra.id = u"extra-%1"_s.arg(bad.devices.size());
            bad.devices.append(extra);
        }
        break;
    default:
        QFAIL("no such variant");
    }

    Watch watch(m_document.get());
    const auto problem = m_document->reset(bad);
    QVERIFY2(problem, "invalid settings were accepted");
    QCOMPARE(ValidationError::codeKey(problem->code), ValidationError::codeKey(code));
    QCOMPARE(problem->field, field);
    QVERIFY(!problem->reason.isEmpty());
    QCOMPARE(m_document->settings(), m_demo);
    QCOMPARE(watch.total(), 0);
}

void TestSettingsDocument::setRuleAccepts()
{
    Watch watch(m_document.get());
    const RingRule rule {true, 3, 40};
    QVERIFY(!m_document->setRule(u"desk"_s, CallKind::External, rule));

    FollowMeSettings expected = m_demo;
    expected.devices[0].rule(CallKind::External) = rule;
    QCOMPARE(m_document->settings(), expected);

    QCOMPARE(watch.rule.count(), 1);
    const QList<QVariant> arguments = watch.rule.at(0);
    QCOMPARE(arguments.size(), 2);
    QCOMPARE(arguments.at(0).toInt(), 0);
    QCOMPARE(CallKinds::key(qvariant_cast<CallKind>(arguments.at(1))), u"external"_s);
    QCOMPARE(watch.changed.count(), 1);
    QCOMPARE(watch.reset.count(), 0);
    QCOMPARE(watch.controlled.count(), 0);
    QCOMPARE(watch.order, (QStringList {u"ruleChanged"_s, u"changed"_s}));
}

void TestSettingsDocument::setRuleReportsDeviceIndexAndKind()
{
    Watch watch(m_document.get());
    // mobile (index 2): teams was { false, 5, 15 }.
    const RingRule rule {true, 5, 15};
    QVERIFY(!m_document->setRule(u"mobile"_s, CallKind::Teams, rule));
    QCOMPARE(m_document->settings().devices.at(2).rule(CallKind::Teams), rule);
    // The other call kinds of that device are untouched.
    QCOMPARE(m_document->settings().devices.at(2).rule(CallKind::Internal),
             m_demo.devices.at(2).rule(CallKind::Internal));

    // private-mobile (index 5) is an external number, but its rules are the user's to edit.
    QVERIFY(!m_document->setRule(u"private-mobile"_s, CallKind::Internal, {true, 45, 60}));

    QCOMPARE(watch.rule.count(), 2);
    QCOMPARE(watch.rule.at(0).at(0).toInt(), 2);
    QCOMPARE(CallKinds::key(qvariant_cast<CallKind>(watch.rule.at(0).at(1))), u"teams"_s);
    QCOMPARE(watch.rule.at(1).at(0).toInt(), 5);
    QCOMPARE(CallKinds::key(qvariant_cast<CallKind>(watch.rule.at(1).at(1))), u"internal"_s);
    QCOMPARE(watch.changed.count(), 2);

    FollowMeSettings expected = m_demo;
    expected.devices[2].rule(CallKind::Teams) = rule;
    expected.devices[5].rule(CallKind::Internal) = {true, 45, 60};
    QCOMPARE(m_document->settings(), expected);
}

void TestSettingsDocument::setRuleSameAgainIsSilent()
{
    Watch watch(m_document.get());
    // The rule the demo already has: desk, internal { true, 0, 30 }.
    QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Internal, {true, 0, 30}));
    QCOMPARE(watch.total(), 0);
    QCOMPARE(m_document->settings(), m_demo);

    // After a real change, repeating it is silent too.
    QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Internal, {true, 2, 30}));
    QCOMPARE(watch.rule.count(), 1);
    QCOMPARE(watch.changed.count(), 1);
    QVERIFY(!m_document->setRule(u"desk"_s, CallKind::Internal, {true, 2, 30}));
    QCOMPARE(watch.rule.count(), 1);
    QCOMPARE(watch.changed.count(), 1);
    QCOMPARE(watch.total(), 2);
}

void TestSettingsDocument::setRuleBounds_data()
{
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("timeout");

    QTest::newRow("delay 0, timeout 1") << 0 << 1;
    QTest::newRow("delay 300, timeout 600") << 300 << 600;
    QTest::newRow("delay 300, timeout 1") << 300 << 1;
}

void TestSettingsDocument::setRuleBounds()
{
    QFETCH(int, delay);
    QFETCH(int, timeout);
    Watch watch(m_document.get());
    const RingRule rule {true, delay, timeout};
    const auto problem = m_document->setRule(u"softphone"_s, CallKind::Teams, rule);
    QVERIFY2(!problem, qPrintable(problem ? problem->message() : QString()));
    QCOMPARE(m_document->settings().devices.at(1).rule(CallKind::Teams), rule);
    QCOMPARE(watch.rule.count(), 1);
    QCOMPARE(watch.changed.count(), 1);
}

void TestSettingsDocument::setRuleRefused_data()
{
    using Code = ValidationError::Code;
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<ValidationError::Code>("code");
    QTest::addColumn<QString>("fieldSuffix");

    const int external = CallKinds::index(CallKind::External);
    const int teams = CallKinds::index(CallKind::Teams);
    QTest::newRow("locked device")
        << u"reception"_s << external << true << 15 << 31 << Code::Locked << QString();
    QTest::newRow("locked device, disabling")
        << u"reception"_s << teams << false << 0 << 40 << Code::Locked << QString();
    QTest::newRow("unknown id") << u"nope"_s << external << true << 0 << 20 << Code::UnknownId
                                << QString();
    QTest::newRow("empty id") << QString() << external << true << 0 << 20 << Code::UnknownId
                              << QString();
    QTest::newRow("id in the wrong case")
        << u"Desk"_s << external << true << 0 << 20 << Code::UnknownId << QString();
    QTest::newRow("delay -1") << u"desk"_s << external << true << -1 << 20 << Code::OutOfRange
                              << u"external.delay"_s;
    QTest::newRow("delay 301") << u"desk"_s << external << true << 301 << 20 << Code::OutOfRange
                               << u"external.delay"_s;
    QTest::newRow("timeout 0") << u"desk"_s << teams << true << 0 << 0 << Code::OutOfRange
                               << u"teams.timeout"_s;
    QTest::newRow("timeout 601") << u"desk"_s << teams << true << 0 << 601 << Code::OutOfRange
                                 << u"teams.timeout"_s;
    QTest::newRow("disabled, delay 301")
        << u"mobile"_s << teams << false << 301 << 15 << Code::OutOfRange << u"teams.delay"_s;
}

void TestSettingsDocument::setRuleRefused()
{
    QFETCH(QString, deviceId);
    QFETCH(int, kind);
    QFETCH(bool, enabled);
    QFETCH(int, delay);
    QFETCH(int, timeout);
    QFETCH(ValidationError::Code, code);
    QFETCH(QString, fieldSuffix);

    Watch watch(m_document.get());
    const auto problem =
        m_document->setRule(deviceId, CallKinds::fromIndex(kind), {enabled, delay, timeout});
    QVERIFY2(problem, "a refused edit was accepted");
    QCOMPARE(ValidationError::codeKey(problem->code), ValidationError::codeKey(code));
    QVERIFY2(problem->field.endsWith(fieldSuffix), qPrintable(problem->field));
    QVERIFY(!problem->reason.isEmpty());
    QVERIFY(!problem->message().isEmpty());
    QCOMPARE(m_document->settings(), m_demo);
    QCOMPARE(watch.total(), 0);
}

void TestSettingsDocument::setRuleOnEmptyDocument()
{
    SettingsDocument document;
    Watch watch(&document);
    const auto problem = document.setRule(u"desk"_s, CallKind::External, {true, 0, 20});
    QVERIFY(problem);
    QCOMPARE(problem->code, ValidationError::Code::UnknownId);
    QVERIFY(document.settings().devices.isEmpty());
    QCOMPARE(watch.total(), 0);
}

void TestSettingsDocument::setControlledDeviceAccepts_data()
{
    QTest::addColumn<QString>("deviceId");

    QTest::newRow("softphone") << u"softphone"_s;
    QTest::newRow("mobile app") << u"mobile"_s;
    QTest::newRow("dect in a workspace") << u"dect"_s;
    QTest::newRow("none") << QString();
}

void TestSettingsDocument::setControlledDeviceAccepts()
{
    QFETCH(QString, deviceId);
    Watch watch(m_document.get());
    const auto problem = m_document->setControlledDevice(deviceId);
    QVERIFY2(!problem, qPrintable(problem ? problem->message() : QString()));

    FollowMeSettings expected = m_demo;
    expected.controlledDeviceId = deviceId;
    QCOMPARE(m_document->settings(), expected);
    QCOMPARE(watch.controlled.count(), 1);
    QCOMPARE(watch.controlled.at(0).at(0).toString(), deviceId);
    QCOMPARE(watch.changed.count(), 1);
    QCOMPARE(watch.rule.count(), 0);
    QCOMPARE(watch.reset.count(), 0);
    QCOMPARE(watch.order, (QStringList {u"controlledDeviceChanged"_s, u"changed"_s}));
}

void TestSettingsDocument::setControlledDeviceSameAgainIsSilent()
{
    Watch watch(m_document.get());
    QVERIFY(!m_document->setControlledDevice(u"desk"_s)); // already the demo's choice
    QCOMPARE(watch.total(), 0);
    QVERIFY(!m_document->setControlledDevice(u"softphone"_s));
    QVERIFY(!m_document->setControlledDevice(u"softphone"_s));
    QCOMPARE(watch.controlled.count(), 1);
    QCOMPARE(watch.changed.count(), 1);
    QCOMPARE(m_document->settings().controlledDeviceId, u"softphone"_s);
}

void TestSettingsDocument::setControlledDeviceRefused_data()
{
    using Code = ValidationError::Code;
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<ValidationError::Code>("code");

    QTest::newRow("unknown id") << u"nope"_s << Code::UnknownId;
    QTest::newRow("malformed id") << u"not an id"_s << Code::UnknownId;
    QTest::newRow("external number") << u"private-mobile"_s << Code::Invalid;
}

void TestSettingsDocument::setControlledDeviceRefused()
{
    QFETCH(QString, deviceId);
    QFETCH(ValidationError::Code, code);
    Watch watch(m_document.get());
    const auto checked = m_document->checkControlledDevice(deviceId);
    QVERIFY2(checked, "the check accepts a refused controlled device");
    const auto problem = m_document->setControlledDevice(deviceId);
    QVERIFY2(problem, "a refused controlled device was accepted");
    QCOMPARE(checked->message(), problem->message());
    QCOMPARE(ValidationError::codeKey(problem->code), ValidationError::codeKey(code));
    QCOMPARE(problem->field, u"controlledDevice"_s);
    QVERIFY(problem->message().contains(u"controlledDevice"_s));
    QCOMPARE(m_document->settings(), m_demo);
    QCOMPARE(m_document->settings().controlledDeviceId, u"desk"_s);
    QCOMPARE(watch.total(), 0);
}

QTEST_GUILESS_MAIN(TestSettingsDocument)
#include "tst_settingsdocument.moc"
