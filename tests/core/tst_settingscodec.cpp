// Tests for SettingsCodec: reading the demo document, JSON round trips, and one refusal (with its
// code and field path) for every class of bad input.

#include "CallKind.h"
#include "CoreTestSupport.h"
#include "DeviceKind.h"
#include "SettingsCodec.h"
#include "ValidationError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using CoreTestSupport::demoJson;
using CoreTestSupport::demoObject;

namespace {

using Edit = std::function<void(QJsonObject &)>;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The demo document with one edit applied to its top-level object.
QByteArray editedDemo(const Edit &edit)
{
    QJsonObject root = demoObject();
    edit(root);
    return compact(root);
}

// The demo document with one edit applied to devices[index].
QByteArray editedDevice(int index, const Edit &edit)
{
    return editedDemo([&](QJsonObject &root) {
        QJsonArray devices = root.value(u"devices"_s).toArray();
        QJsonObject device = devices.at(index).toObject();
        edit(device);
        devices.replace(index, device);
        root.insert(u"devices"_s, devices);
    });
}

// The demo document with one edit applied to devices[index].rules.
QByteArray editedRules(int index, const Edit &edit)
{
    return editedDevice(index, [&](QJsonObject &device) {
        QJsonObject rules = device.value(u"rules"_s).toObject();
        edit(rules);
        device.insert(u"rules"_s, rules);
    });
}

// The demo document with one edit applied to devices[index].rules.<kind>.
QByteArray editedRule(int index, const QString &kind, const Edit &edit)
{
    return editedRules(index, [&](QJsonObject &rules) {
        QJsonObject rule = rules.value(kind).toObject();
        edit(rule);
        rules.insert(kind, rule);
    });
}

Edit setting(const QString &key, const QJsonValue &value)
{
    return [key, value](QJsonObject &object) {
        object.insert(key, value);
    };
}

Edit removing(const QString &key)
{
    return [key](QJsonObject &object) {
        object.remove(key);
    };
}

// A document with `count` controllable devices with distinct ids and no controlled device.
QByteArray withDeviceCount(int count)
{
    return editedDemo([count](QJsonObject &root) {
        const QJsonObject model = root.value(u"devices"_s).toArray().at(1).toObject();
        QJsonArray devices;
        for (int i = 0; i < count; ++i) {
            QJsonObject device = model;
            device.insert(u"id"_s, u"device-%1"_s.arg(i));
            devices.append(device);
        }
        root.insert(u"devices"_s, devices);
        root.insert(u"controlledDevice"_s, QJsonValue::Null);
    });
}

// The demo document padded with trailing whitespace (valid JSON) to exactly `size` bytes.
QByteArray demoPaddedTo(qsizetype size)
{
    QByteArray json = demoJson();
    json.append(QByteArray(size - json.size(), ' '));
    return json;
}

// The demo text with `before` (which must occur exactly once) replaced; empty, and so refused as
// malformed, when it does not occur exactly once.
QByteArray textReplacedInDemo(const char *before, const char *after)
{
    QByteArray json = demoJson();
    if (json.count(before) != 1)
        return {};
    return json.replace(before, after);
}

} // namespace

class TestSettingsCodec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void limits();
    void keys();
    void codeKeys();
    void decodesDemo();
    void roundTripDemo();
    void roundTripBuiltInCode();
    void toJsonShape();
    void emptySettings();
    void ignoresUnknownMembers();
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void duplicateNamesEarlierDevice();
    void ruleFromJson_data();
    void ruleFromJson();
    void validateBuiltInCode();
};

void TestSettingsCodec::initTestCase()
{
    QVERIFY2(!demoJson().isEmpty(), qPrintable(u"cannot read "_s + CoreTestSupport::demoPath()));
}

void TestSettingsCodec::limits()
{
    QCOMPARE(SettingsCodec::formatVersion, 1);
    QCOMPARE(SettingsCodec::maxDocumentBytes, qsizetype(1024 * 1024));
    QCOMPARE(SettingsCodec::maxDevices, 100);
    QCOMPARE(SettingsCodec::maxIdLength, 64);
    QCOMPARE(SettingsCodec::maxNameLength, 100);
    QCOMPARE(SettingsCodec::maxNumberLength, 64);
}

void TestSettingsCodec::keys()
{
    QCOMPARE(CallKinds::key(CallKind::External), u"external"_s);
    QCOMPARE(CallKinds::key(CallKind::Internal), u"internal"_s);
    QCOMPARE(CallKinds::key(CallKind::Teams), u"teams"_s);
    QCOMPARE(CallKinds::all().size(), CallKinds::count);
    for (CallKind kind : CallKinds::all()) {
        QCOMPARE(CallKinds::fromKey(CallKinds::key(kind)), kind);
        QCOMPARE(CallKinds::fromIndex(CallKinds::index(kind)), kind);
    }
    QVERIFY(!CallKinds::fromKey(u"External"_s));
    QVERIFY(!CallKinds::fromKey(u"fax"_s));
    QVERIFY(!CallKinds::fromKey(QString()));

    QCOMPARE(DeviceKinds::key(DeviceKind::DeskPhone), u"desk_phone"_s);
    QCOMPARE(DeviceKinds::key(DeviceKind::Softphone), u"softphone"_s);
    QCOMPARE(DeviceKinds::key(DeviceKind::MobileApp), u"mobile_app"_s);
    QCOMPARE(DeviceKinds::key(DeviceKind::Dect), u"dect"_s);
    QCOMPARE(DeviceKinds::key(DeviceKind::ExternalNumber), u"external"_s);
    QCOMPARE(DeviceKinds::all().size(), 5);
    for (DeviceKind kind : DeviceKinds::all()) {
        QCOMPARE(DeviceKinds::fromKey(DeviceKinds::key(kind)), kind);
        QCOMPARE(DeviceKinds::isControllable(kind), kind != DeviceKind::ExternalNumber);
    }
    QVERIFY(!DeviceKinds::fromKey(u"desk phone"_s));
    QVERIFY(!DeviceKinds::fromKey(u"Dect"_s));
}

void TestSettingsCodec::codeKeys()
{
    using Code = ValidationError::Code;
    QCOMPARE(ValidationError::codeKey(Code::Unreadable), u"unreadable"_s);
    QCOMPARE(ValidationError::codeKey(Code::Malformed), u"malformed"_s);
    QCOMPARE(ValidationError::codeKey(Code::TooLarge), u"too_large"_s);
    QCOMPARE(ValidationError::codeKey(Code::Unsupported), u"unsupported"_s);
    QCOMPARE(ValidationError::codeKey(Code::Missing), u"missing"_s);
    QCOMPARE(ValidationError::codeKey(Code::WrongType), u"wrong_type"_s);
    QCOMPARE(ValidationError::codeKey(Code::OutOfRange), u"out_of_range"_s);
    QCOMPARE(ValidationError::codeKey(Code::Invalid), u"invalid"_s);
    QCOMPARE(ValidationError::codeKey(Code::Duplicate), u"duplicate"_s);
    QCOMPARE(ValidationError::codeKey(Code::UnknownId), u"unknown_id"_s);
    QCOMPARE(ValidationError::codeKey(Code::UnknownCallKind), u"unknown_call_kind"_s);
    QCOMPARE(ValidationError::codeKey(Code::Locked), u"locked"_s);

    const ValidationError withField {Code::OutOfRange, u"devices[0].rules.teams.delay"_s,
                                     u"too big"_s};
    QCOMPARE(withField.message(), u"devices[0].rules.teams.delay: too big"_s);
    const ValidationError withoutField {Code::Malformed, QString(), u"not JSON"_s};
    QCOMPARE(withoutField.message(), u"not JSON"_s);
}

void TestSettingsCodec::decodesDemo()
{
    ValidationError error;
    const auto settings = SettingsCodec::decode(demoJson(), &error);
    QVERIFY2(settings, qPrintable(error.message()));

    QCOMPARE(settings->controlledDeviceId, u"desk"_s);
    QCOMPARE(settings->devices.size(), 6);

    const QStringList ids {u"desk"_s, u"softphone"_s, u"mobile"_s,
                           u"dect"_s, u"reception"_s, u"private-mobile"_s};
    const QList<DeviceKind> kinds {DeviceKind::DeskPhone, DeviceKind::Softphone,
                                   DeviceKind::MobileApp, DeviceKind::Dect,
                                   DeviceKind::DeskPhone, DeviceKind::ExternalNumber};
    for (int i = 0; i < ids.size(); ++i) {
        QCOMPARE(settings->devices.at(i).id, ids.at(i));
        QCOMPARE(settings->devices.at(i).kind, kinds.at(i));
        QCOMPARE(settings->indexOf(ids.at(i)), i);
    }

    const Device &desk = settings->devices.at(0);
    QCOMPARE(desk.name, u"Desk phone"_s);
    QCOMPARE(desk.number, u"201"_s);
    QVERIFY(desk.userConfigurable);
    QVERIFY(!desk.isLocked());
    QVERIFY(desk.workspace.isEmpty()); // "workspace": null
    QVERIFY(!desk.viaWorkspace());
    QCOMPARE(desk.rule(CallKind::External), (RingRule {true, 0, 25}));
    QCOMPARE(desk.rule(CallKind::Internal), (RingRule {true, 0, 30}));
    QCOMPARE(desk.rule(CallKind::Teams), (RingRule {true, 0, 20}));

    const Device &mobile = settings->devices.at(2);
    QCOMPARE(mobile.rule(CallKind::External), (RingRule {true, 10, 25}));
    QCOMPARE(mobile.rule(CallKind::Internal), (RingRule {true, 15, 20}));
    QCOMPARE(mobile.rule(CallKind::Teams), (RingRule {false, 5, 15}));

    const Device &dect = settings->devices.at(3);
    QCOMPARE(dect.number, u"2201"_s);
    QCOMPARE(dect.workspace, u"Warehouse"_s);
    QVERIFY(dect.viaWorkspace());

    const Device &reception = settings->devices.at(4);
    QCOMPARE(reception.name, u"Reception phone"_s);
    QVERIFY(!reception.userConfigurable);
    QVERIFY(reception.isLocked());
    QCOMPARE(reception.workspace, u"Front desk"_s);
    QCOMPARE(reception.rule(CallKind::Teams), (RingRule {true, 0, 40}));

    const Device &privateMobile = settings->devices.at(5);
    QCOMPARE(privateMobile.name, u"Private mobile"_s);
    QCOMPARE(privateMobile.number, u"+49 151 23456789"_s);
    QCOMPARE(privateMobile.rule(CallKind::External), (RingRule {true, 30, 15}));
    QCOMPARE(privateMobile.rule(CallKind::Internal), (RingRule {false, 30, 15}));

    QCOMPARE(settings->device(u"dect"_s), &settings->devices.at(3));
    QCOMPARE(settings->device(u"nope"_s), nullptr);
    QCOMPARE(settings->indexOf(u"nope"_s), -1);
    QVERIFY(!SettingsCodec::validate(*settings));
}

void TestSettingsCodec::roundTripDemo()
{
    const auto first = SettingsCodec::decode(demoJson());
    QVERIFY(first);
    const QByteArray encoded = SettingsCodec::encode(*first);
    QVERIFY(!encoded.isEmpty());

    ValidationError error;
    const auto second = SettingsCodec::decode(encoded, &error);
    QVERIFY2(second, qPrintable(error.message()));
    QCOMPARE(*second, *first);
    // Encoding is deterministic: the same settings give the same bytes.
    QCOMPARE(SettingsCodec::encode(*second), encoded);
    // And the encoded object says the same as the demo file, member for member.
    QCOMPARE(QJsonDocument::fromJson(encoded).object(), demoObject());
}

static FollowMeSettings builtInCode()
{
    Device softphone;
    softphone.id = u"soft_1"_s;
    softphone.name = u"Büro-Softphone"_s;
    softphone.kind = DeviceKind::Softphone;
    softphone.number = u"301"_s;
    softphone.userConfigurable = true;
    softphone.rule(CallKind::External) = {true, 0, 1};
    softphone.rule(CallKind::Internal) = {false, 300, 600};
    softphone.rule(CallKind::Teams) = {true, 12, 34};

    Device mobile;
    mobile.id = u"ext.2"_s;
    mobile.name = u"Handy"_s;
    mobile.kind = DeviceKind::ExternalNumber;
    mobile.number = u"+41 79 000 00 00"_s;
    mobile.userConfigurable = false;
    mobile.workspace = u"Home office"_s;
    mobile.rule(CallKind::External) = {true, 20, 40};
    mobile.rule(CallKind::Internal) = {true, 7, 8};
    mobile.rule(CallKind::Teams) = {false, 0, 20};

    FollowMeSettings settings;
    settings.devices = {softphone, mobile};
    settings.controlledDeviceId = u"soft_1"_s;
    return settings;
}

void TestSettingsCodec::roundTripBuiltInCode()
{
    const FollowMeSettings settings = builtInCode();
    QVERIFY(!SettingsCodec::validate(settings));

    ValidationError error;
    const auto viaObject = SettingsCodec::fromJson(SettingsCodec::toJson(settings), &error);
    QVERIFY2(viaObject, qPrintable(error.message()));
    QCOMPARE(*viaObject, settings);

    const auto viaBytes = SettingsCodec::decode(SettingsCodec::encode(settings), &error);
    QVERIFY2(viaBytes, qPrintable(error.message()));
    QCOMPARE(*viaBytes, settings);

    // A change anywhere survives the trip too (the comparison is not vacuous).
    FollowMeSettings changed = settings;
    changed.devices[1].rule(CallKind::Internal).timeout = 9;
    const auto changedBack = SettingsCodec::decode(SettingsCodec::encode(changed));
    QVERIFY(changedBack);
    QCOMPARE(*changedBack, changed);
    QVERIFY(*changedBack != settings);
}

void TestSettingsCodec::toJsonShape()
{
    const QJsonObject root = SettingsCodec::toJson(builtInCode());
    QCOMPARE(root.value(u"version"_s).toInt(-1), 1);
    QCOMPARE(root.value(u"controlledDevice"_s).toString(), u"soft_1"_s);
    const QJsonArray devices = root.value(u"devices"_s).toArray();
    QCOMPARE(devices.size(), 2);

    const QJsonObject soft = devices.at(0).toObject();
    QCOMPARE(soft.value(u"id"_s).toString(), u"soft_1"_s);
    QCOMPARE(soft.value(u"name"_s).toString(), u"Büro-Softphone"_s);
    QCOMPARE(soft.value(u"kind"_s).toString(), u"softphone"_s);
    QCOMPARE(soft.value(u"number"_s).toString(), u"301"_s);
    QCOMPARE(soft.value(u"userConfigurable"_s), QJsonValue(true));
    QVERIFY(soft.value(u"workspace"_s).isNull()); // present and null, not absent
    const QJsonObject rules = soft.value(u"rules"_s).toObject();
    QCOMPARE(rules.keys(), (QStringList {u"external"_s, u"internal"_s, u"teams"_s}));
    const QJsonObject internal = rules.value(u"internal"_s).toObject();
    QCOMPARE(internal.value(u"enabled"_s), QJsonValue(false));
    QCOMPARE(internal.value(u"delay"_s), QJsonValue(300));
    QCOMPARE(internal.value(u"timeout"_s), QJsonValue(600));
    QCOMPARE(rules.value(u"teams"_s).toObject(),
             (QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 12}, {u"timeout"_s, 34}}));

    const QJsonObject mobile = devices.at(1).toObject();
    QCOMPARE(mobile.value(u"kind"_s).toString(), u"external"_s);
    QCOMPARE(mobile.value(u"userConfigurable"_s), QJsonValue(false));
    QCOMPARE(mobile.value(u"workspace"_s).toString(), u"Home office"_s);
    QCOMPARE(mobile.value(u"number"_s).toString(), u"+41 79 000 00 00"_s);

    FollowMeSettings uncontrolled = builtInCode();
    uncontrolled.controlledDeviceId.clear();
    const QJsonObject uncontrolledRoot = SettingsCodec::toJson(uncontrolled);
    QVERIFY(uncontrolledRoot.contains(u"controlledDevice"_s));
    QVERIFY(uncontrolledRoot.value(u"controlledDevice"_s).isNull());
}

void TestSettingsCodec::emptySettings()
{
    const FollowMeSettings empty;
    QVERIFY(!SettingsCodec::validate(empty));
    const auto back = SettingsCodec::decode(SettingsCodec::encode(empty));
    QVERIFY(back);
    QCOMPARE(*back, empty);
    QVERIFY(back->devices.isEmpty());
    QVERIFY(back->controlledDeviceId.isEmpty());
}

void TestSettingsCodec::ignoresUnknownMembers()
{
    const auto demo = SettingsCodec::decode(demoJson());
    QVERIFY(demo);

    const QByteArray json = editedDemo([](QJsonObject &root) {
        root.insert(u"comment"_s, u"written by a PBX"_s);
        root.insert(u"extensions"_s, QJsonObject {{u"x"_s, 1}});
        QJsonArray devices = root.value(u"devices"_s).toArray();
        QJsonObject device = devices.at(2).toObject();
        device.insert(u"color"_s, u"#ff0000"_s);
        QJsonObject rules = device.value(u"rules"_s).toObject();
        QJsonObject rule = rules.value(u"teams"_s).toObject();
        rule.insert(u"note"_s, u"members inside a rule object are ignored too"_s);
        rules.insert(u"teams"_s, rule);
        device.insert(u"rules"_s, rules);
        devices.replace(2, device);
        root.insert(u"devices"_s, devices);
    });
    ValidationError error;
    const auto settings = SettingsCodec::decode(json, &error);
    QVERIFY2(settings, qPrintable(error.message()));
    QCOMPARE(*settings, *demo);
}

void TestSettingsCodec::accepted_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("demo") << demoJson();
    QTest::newRow("exactly maxDocumentBytes") << demoPaddedTo(SettingsCodec::maxDocumentBytes);
    QTest::newRow("no devices") << QByteArray(R"({"version": 1, "devices": []})");
    QTest::newRow("controlledDevice absent") << editedDemo(removing(u"controlledDevice"_s));
    QTest::newRow("controlledDevice null") << editedDemo(setting(u"controlledDevice"_s, {}));
    QTest::newRow("controlledDevice empty string")
        << editedDemo(setting(u"controlledDevice"_s, u""_s));
    QTest::newRow("controlled device in a workspace")
        << editedDemo(setting(u"controlledDevice"_s, u"dect"_s));
    QTest::newRow("controlled device managed by the administrator")
        << editedDemo(setting(u"controlledDevice"_s, u"reception"_s));
    QTest::newRow("workspace absent") << editedDevice(3, removing(u"workspace"_s));
    QTest::newRow("maxDevices devices") << withDeviceCount(SettingsCodec::maxDevices);
    QTest::newRow("id of maxIdLength")
        << editedDevice(2, setting(u"id"_s, QString(SettingsCodec::maxIdLength, u'a')));
    QTest::newRow("id with every allowed character")
        << editedDevice(2, setting(u"id"_s, u"azAZ09-_."_s));
    QTest::newRow("name of maxNameLength")
        << editedDevice(2, setting(u"name"_s, QString(SettingsCodec::maxNameLength, u'n')));
    QTest::newRow("number of maxNumberLength")
        << editedDevice(2, setting(u"number"_s, QString(SettingsCodec::maxNumberLength, u'1')));
    QTest::newRow("empty number") << editedDevice(2, setting(u"number"_s, u""_s));
    QTest::newRow("delay 300, timeout 600") << editedRule(1, u"teams"_s, [](QJsonObject &rule) {
        rule.insert(u"delay"_s, 300);
        rule.insert(u"timeout"_s, 600);
    });
    QTest::newRow("delay 0, timeout 1") << editedRule(1, u"teams"_s, [](QJsonObject &rule) {
        rule.insert(u"delay"_s, 0);
        rule.insert(u"timeout"_s, 1);
    });
    // RFC 8259 §8.1: one byte order mark before the document is ignored (editors write one).
    QTest::newRow("byte order mark before the document") << "\xEF\xBB\xBF" + demoJson();
    // dect's external rule is the only one with delay 5 and timeout 30.
    QTest::newRow("delay written as 5.0")
        << textReplacedInDemo(R"("delay": 5, "timeout": 30)", R"("delay": 5.0, "timeout": 30)");
    // mobile's external rule is the only one with delay 10 and timeout 25.
    QTest::newRow("delay written as 1e1")
        << textReplacedInDemo(R"("delay": 10, "timeout": 25)", R"("delay": 1e1, "timeout": 25)");
}

void TestSettingsCodec::accepted()
{
    QFETCH(QByteArray, json);
    ValidationError error;
    const auto settings = SettingsCodec::decode(json, &error);
    QVERIFY2(settings, qPrintable(error.message()));
    QVERIFY(!SettingsCodec::validate(*settings));
    // What was accepted is written back so that it reads the same.
    const auto back = SettingsCodec::decode(SettingsCodec::encode(*settings));
    QVERIFY(back);
    QCOMPARE(*back, *settings);
}

void TestSettingsCodec::refused_data()
{
    using Code = ValidationError::Code;
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ValidationError::Code>("code");
    QTest::addColumn<QString>("field");

    // Not a JSON object at all. No field applies.
    QTest::newRow("malformed: truncated")
        << QByteArray(R"({"version": 1, "devices": [)") << Code::Malformed << QString();
    QTest::newRow("malformed: empty") << QByteArray() << Code::Malformed << QString();
    QTest::newRow("malformed: two byte order marks")
        << "\xEF\xBB\xBF\xEF\xBB\xBF" + demoJson() << Code::Malformed << QString();
    QTest::newRow("malformed: duplicate member")
        << QByteArray(R"({"version": 1, "version": 1, "devices": []})") << Code::Malformed
        << QString();
    QTest::newRow("malformed: raw control character")
        << QByteArray("{\"version\": 1, \"devices\": [], \"controlledDevice\": \"a\x01\"}")
        << Code::Malformed << QString();
    QTest::newRow("malformed: not JSON") << QByteArray("version=1") << Code::Malformed << QString();
    QTest::newRow("malformed: trailing comma")
        << QByteArray(R"({"version": 1, "devices": [],})") << Code::Malformed << QString();
    QTest::newRow("top level: array")
        << QByteArray(R"([{"version": 1, "devices": []}])") << Code::Malformed << QString();
    QTest::newRow("top level: string")
        << QByteArray(R"("settings")") << Code::Malformed << QString();
    QTest::newRow("top level: number") << QByteArray("42") << Code::Malformed << QString();

    // Size is checked before parsing.
    QTest::newRow("too large: padded demo")
        << demoPaddedTo(SettingsCodec::maxDocumentBytes + 1) << Code::TooLarge << QString();
    QTest::newRow("too large: not even JSON")
        << QByteArray(SettingsCodec::maxDocumentBytes + 1, 'x') << Code::TooLarge << QString();

    // Version.
    QTest::newRow("version 2") << editedDemo(setting(u"version"_s, 2)) << Code::Unsupported
                               << u"version"_s;
    QTest::newRow("version 0") << editedDemo(setting(u"version"_s, 0)) << Code::Unsupported
                               << u"version"_s;
    QTest::newRow("version missing")
        << editedDemo(removing(u"version"_s)) << Code::Missing << u"version"_s;
    QTest::newRow("version a string")
        << editedDemo(setting(u"version"_s, u"1"_s)) << Code::WrongType << u"version"_s;
    QTest::newRow("version 1.5") << editedDemo(setting(u"version"_s, 1.5)) << Code::WrongType
                                 << u"version"_s;

    // Missing required members.
    QTest::newRow("devices missing")
        << editedDemo(removing(u"devices"_s)) << Code::Missing << u"devices"_s;
    QTest::newRow("id missing") << editedDevice(2, removing(u"id"_s)) << Code::Missing
                                << u"devices[2].id"_s;
    QTest::newRow("name missing") << editedDevice(2, removing(u"name"_s)) << Code::Missing
                                  << u"devices[2].name"_s;
    QTest::newRow("kind missing") << editedDevice(2, removing(u"kind"_s)) << Code::Missing
                                  << u"devices[2].kind"_s;
    QTest::newRow("number missing")
        << editedDevice(2, removing(u"number"_s)) << Code::Missing << u"devices[2].number"_s;
    QTest::newRow("userConfigurable missing") << editedDevice(2, removing(u"userConfigurable"_s))
                                              << Code::Missing << u"devices[2].userConfigurable"_s;
    QTest::newRow("rules missing")
        << editedDevice(2, removing(u"rules"_s)) << Code::Missing << u"devices[2].rules"_s;
    QTest::newRow("external rule missing") << editedRules(1, removing(u"external"_s))
                                           << Code::Missing << u"devices[1].rules.external"_s;
    QTest::newRow("internal rule missing") << editedRules(1, removing(u"internal"_s))
                                           << Code::Missing << u"devices[1].rules.internal"_s;
    QTest::newRow("teams rule missing")
        << editedRules(1, removing(u"teams"_s)) << Code::Missing << u"devices[1].rules.teams"_s;
    QTest::newRow("enabled missing") << editedRule(3, u"internal"_s, removing(u"enabled"_s))
                                     << Code::Missing << u"devices[3].rules.internal.enabled"_s;
    QTest::newRow("delay missing") << editedRule(3, u"internal"_s, removing(u"delay"_s))
                                   << Code::Missing << u"devices[3].rules.internal.delay"_s;
    QTest::newRow("timeout missing") << editedRule(3, u"internal"_s, removing(u"timeout"_s))
                                     << Code::Missing << u"devices[3].rules.internal.timeout"_s;

    // Wrong JSON types.
    QTest::newRow("delay a string") << editedRule(1, u"teams"_s, setting(u"delay"_s, u"5"_s))
                                    << Code::WrongType << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("delay 2.5") << editedRule(1, u"teams"_s, setting(u"delay"_s, 2.5))
                               << Code::WrongType << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("delay a bool") << editedRule(1, u"teams"_s, setting(u"delay"_s, true))
                                  << Code::WrongType << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("delay null") << editedRule(1, u"teams"_s, setting(u"delay"_s, {}))
                                << Code::WrongType << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("timeout 20.5") << editedRule(0, u"external"_s, setting(u"timeout"_s, 20.5))
                                  << Code::WrongType << u"devices[0].rules.external.timeout"_s;
    QTest::newRow("timeout a string")
        << editedRule(0, u"external"_s, setting(u"timeout"_s, u"20"_s)) << Code::WrongType
        << u"devices[0].rules.external.timeout"_s;
    QTest::newRow("enabled a number") << editedRule(4, u"teams"_s, setting(u"enabled"_s, 1))
                                      << Code::WrongType << u"devices[4].rules.teams.enabled"_s;
    QTest::newRow("enabled a string") << editedRule(4, u"teams"_s, setting(u"enabled"_s, u"true"_s))
                                      << Code::WrongType << u"devices[4].rules.teams.enabled"_s;
    QTest::newRow("devices an object")
        << editedDemo(setting(u"devices"_s, QJsonObject {})) << Code::WrongType << u"devices"_s;
    QTest::newRow("devices null") << editedDemo(setting(u"devices"_s, {})) << Code::WrongType
                                  << u"devices"_s;
    QTest::newRow("device a string") << editedDemo([](QJsonObject &root) {
        QJsonArray devices = root.value(u"devices"_s).toArray();
        devices.replace(2, u"mobile"_s);
        root.insert(u"devices"_s, devices);
    }) << Code::WrongType << u"devices[2]"_s;
    QTest::newRow("id a number") << editedDevice(2, setting(u"id"_s, 7)) << Code::WrongType
                                 << u"devices[2].id"_s;
    QTest::newRow("name null") << editedDevice(2, setting(u"name"_s, {})) << Code::WrongType
                               << u"devices[2].name"_s;
    QTest::newRow("kind a number")
        << editedDevice(2, setting(u"kind"_s, 2)) << Code::WrongType << u"devices[2].kind"_s;
    QTest::newRow("number a number")
        << editedDevice(2, setting(u"number"_s, 201)) << Code::WrongType << u"devices[2].number"_s;
    QTest::newRow("userConfigurable a string")
        << editedDevice(2, setting(u"userConfigurable"_s, u"yes"_s)) << Code::WrongType
        << u"devices[2].userConfigurable"_s;
    QTest::newRow("workspace a number") << editedDevice(3, setting(u"workspace"_s, 7))
                                        << Code::WrongType << u"devices[3].workspace"_s;
    QTest::newRow("workspace a bool") << editedDevice(3, setting(u"workspace"_s, false))
                                      << Code::WrongType << u"devices[3].workspace"_s;
    QTest::newRow("rules an array") << editedDevice(2, setting(u"rules"_s, QJsonArray {}))
                                    << Code::WrongType << u"devices[2].rules"_s;
    QTest::newRow("rule a number") << editedRules(2, setting(u"internal"_s, 20)) << Code::WrongType
                                   << u"devices[2].rules.internal"_s;
    QTest::newRow("rule null") << editedRules(2, setting(u"internal"_s, {})) << Code::WrongType
                               << u"devices[2].rules.internal"_s;
    QTest::newRow("controlledDevice a number") << editedDemo(setting(u"controlledDevice"_s, 3))
                                               << Code::WrongType << u"controlledDevice"_s;
    QTest::newRow("controlledDevice an object")
        << editedDemo(setting(u"controlledDevice"_s, QJsonObject {{u"id"_s, u"desk"_s}}))
        << Code::WrongType << u"controlledDevice"_s;

    // Out of range, both sides.
    QTest::newRow("delay -1") << editedRule(1, u"teams"_s, setting(u"delay"_s, -1))
                              << Code::OutOfRange << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("delay 301") << editedRule(1, u"teams"_s, setting(u"delay"_s, 301))
                               << Code::OutOfRange << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("delay 1e12") << editedRule(1, u"teams"_s, setting(u"delay"_s, 1e12))
                                << Code::OutOfRange << u"devices[1].rules.teams.delay"_s;
    QTest::newRow("timeout 0") << editedRule(5, u"external"_s, setting(u"timeout"_s, 0))
                               << Code::OutOfRange << u"devices[5].rules.external.timeout"_s;
    QTest::newRow("timeout 601") << editedRule(5, u"external"_s, setting(u"timeout"_s, 601))
                                 << Code::OutOfRange << u"devices[5].rules.external.timeout"_s;
    QTest::newRow("timeout -1e12") << editedRule(5, u"external"_s, setting(u"timeout"_s, -1e12))
                                   << Code::OutOfRange << u"devices[5].rules.external.timeout"_s;
    // A disabled rule is checked as strictly as an enabled one.
    QTest::newRow("disabled rule, delay 301")
        << editedRule(2, u"teams"_s, setting(u"delay"_s, 301)) << Code::OutOfRange
        << u"devices[2].rules.teams.delay"_s;

    // References and identity.
    QTest::newRow("duplicate id") << editedDevice(4, setting(u"id"_s, u"desk"_s)) << Code::Duplicate
                                  << u"devices[4].id"_s;
    QTest::newRow("duplicate id, later device")
        << editedDevice(5, setting(u"id"_s, u"mobile"_s)) << Code::Duplicate << u"devices[5].id"_s;
    QTest::newRow("controlledDevice unknown")
        << editedDemo(setting(u"controlledDevice"_s, u"fax"_s)) << Code::UnknownId
        << u"controlledDevice"_s;
    QTest::newRow("controlledDevice an external number")
        << editedDemo(setting(u"controlledDevice"_s, u"private-mobile"_s)) << Code::Invalid
        << u"controlledDevice"_s;
    QTest::newRow("unknown call kind") << editedRules(1, [](QJsonObject &rules) {
        rules.insert(u"fax"_s,
                     QJsonObject {{u"enabled"_s, true}, {u"delay"_s, 0}, {u"timeout"_s, 20}});
    }) << Code::UnknownCallKind << u"devices[1].rules.fax"_s;
    QTest::newRow("call kind key in the wrong case") << editedRules(0, [](QJsonObject &rules) {
        rules.insert(u"Teams"_s, rules.take(u"teams"_s));
    }) << Code::UnknownCallKind << u"devices[0].rules.Teams"_s;
    QTest::newRow("unknown device kind") << editedDevice(2, setting(u"kind"_s, u"fax_machine"_s))
                                         << Code::Invalid << u"devices[2].kind"_s;
    QTest::newRow("device kind in the wrong case")
        << editedDevice(2, setting(u"kind"_s, u"Mobile_App"_s)) << Code::Invalid
        << u"devices[2].kind"_s;
    QTest::newRow("empty id") << editedDevice(2, setting(u"id"_s, u""_s)) << Code::Invalid
                              << u"devices[2].id"_s;
    QTest::newRow("id with a space")
        << editedDevice(2, setting(u"id"_s, u"my phone"_s)) << Code::Invalid << u"devices[2].id"_s;
    QTest::newRow("id with a non-ASCII letter")
        << editedDevice(2, setting(u"id"_s, u"büro"_s)) << Code::Invalid << u"devices[2].id"_s;
    QTest::newRow("id with a slash")
        << editedDevice(2, setting(u"id"_s, u"a/b"_s)) << Code::Invalid << u"devices[2].id"_s;

    // Counts and lengths.
    QTest::newRow("too many devices")
        << withDeviceCount(SettingsCodec::maxDevices + 1) << Code::TooLarge << u"devices"_s;
    QTest::newRow("id too long") << editedDevice(
        2, setting(u"id"_s, QString(SettingsCodec::maxIdLength + 1, u'a')))
                                 << Code::TooLarge << u"devices[2].id"_s;
    QTest::newRow("name too long")
        << editedDevice(1, setting(u"name"_s, QString(SettingsCodec::maxNameLength + 1, u'n')))
        << Code::TooLarge << u"devices[1].name"_s;
    QTest::newRow("number too long")
        << editedDevice(1, setting(u"number"_s, QString(SettingsCodec::maxNumberLength + 1, u'1')))
        << Code::TooLarge << u"devices[1].number"_s;
    QTest::newRow("workspace too long")
        << editedDevice(3, setting(u"workspace"_s, QString(SettingsCodec::maxNameLength + 1, u'w')))
        << Code::TooLarge << u"devices[3].workspace"_s;
    QTest::newRow("empty name") << editedDevice(1, setting(u"name"_s, u""_s)) << Code::Invalid
                                << u"devices[1].name"_s;
    QTest::newRow("blank name") << editedDevice(1, setting(u"name"_s, u"  \t "_s)) << Code::Invalid
                                << u"devices[1].name"_s;
}

void TestSettingsCodec::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(ValidationError::Code, code);
    QFETCH(QString, field);

    // A sentinel, so a refusal that forgets to fill in the error is caught.
    ValidationError error {ValidationError::Code::Locked, u"sentinel"_s, u"sentinel"_s};
    const auto settings = SettingsCodec::decode(json, &error);
    QVERIFY2(!settings, "a bad document was accepted");
    QCOMPARE(ValidationError::codeKey(error.code), ValidationError::codeKey(code));
    QCOMPARE(error.field, field);
    QVERIFY(!error.reason.isEmpty());
    QVERIFY(error.reason != u"sentinel"_s);
    QVERIFY(!error.message().isEmpty());
    QVERIFY2(error.message().contains(field), qPrintable(error.message()));
    if (!field.isEmpty())
        QVERIFY2(error.message().startsWith(field + u": "_s), qPrintable(error.message()));

    // Without an error report the answer is the same.
    QVERIFY(!SettingsCodec::decode(json));
}

void TestSettingsCodec::duplicateNamesEarlierDevice()
{
    ValidationError error;
    QVERIFY(!SettingsCodec::decode(editedDevice(4, setting(u"id"_s, u"mobile"_s)), &error));
    QCOMPARE(error.code, ValidationError::Code::Duplicate);
    QCOMPARE(error.field, u"devices[4].id"_s);
    QVERIFY2(error.reason.contains(u"devices[2]"_s), qPrintable(error.reason));
}

void TestSettingsCodec::ruleFromJson_data()
{
    using Code = ValidationError::Code;
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<ValidationError::Code>("code");
    QTest::addColumn<QString>("field");

    const auto rule = [](const QJsonValue &enabled, const QJsonValue &delay,
                         const QJsonValue &timeout) {
        return QJsonValue(
            QJsonObject {{u"enabled"_s, enabled}, {u"delay"_s, delay}, {u"timeout"_s, timeout}});
    };
    QTest::newRow("valid") << rule(true, 10, 25) << true << Code::Invalid << QString();
    QTest::newRow("not an object") << QJsonValue(u"rule"_s) << false << Code::WrongType << u"r"_s;
    QTest::newRow("enabled wrong") << rule(0, 10, 25) << false << Code::WrongType << u"r.enabled"_s;
    QTest::newRow("delay too big")
        << rule(true, 301, 25) << false << Code::OutOfRange << u"r.delay"_s;
    QTest::newRow("timeout too small")
        << rule(true, 10, 0) << false << Code::OutOfRange << u"r.timeout"_s;
}

void TestSettingsCodec::ruleFromJson()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    QFETCH(ValidationError::Code, code);
    QFETCH(QString, field);

    ValidationError error;
    const auto rule = SettingsCodec::ruleFromJson(value, u"r"_s, &error);
    QCOMPARE(bool(rule), ok);
    if (ok) {
        QCOMPARE(*rule, (RingRule {true, 10, 25}));
        QCOMPARE(QJsonValue(SettingsCodec::ruleToJson(*rule)), value);
    } else {
        QCOMPARE(ValidationError::codeKey(error.code), ValidationError::codeKey(code));
        QCOMPARE(error.field, field);
    }
}

void TestSettingsCodec::validateBuiltInCode()
{
    // validate() is the same gate for settings that never were JSON.
    FollowMeSettings settings = builtInCode();
    settings.devices[0].rule(CallKind::Teams).timeout = 601;
    auto problem = SettingsCodec::validate(settings);
    QVERIFY(problem);
    QCOMPARE(problem->code, ValidationError::Code::OutOfRange);
    QCOMPARE(problem->field, u"devices[0].rules.teams.timeout"_s);

    settings = builtInCode();
    settings.devices[1].id = settings.devices[0].id;
    settings.controlledDeviceId.clear();
    problem = SettingsCodec::validate(settings);
    QVERIFY(problem);
    QCOMPARE(problem->code, ValidationError::Code::Duplicate);
    QCOMPARE(problem->field, u"devices[1].id"_s);

    settings = builtInCode();
    settings.controlledDeviceId = u"ext.2"_s;
    problem = SettingsCodec::validate(settings);
    QVERIFY(problem);
    QCOMPARE(problem->code, ValidationError::Code::Invalid);
    QCOMPARE(problem->field, u"controlledDevice"_s);

    settings = builtInCode();
    while (settings.devices.size() <= SettingsCodec::maxDevices) {
        Device extra = settings.devices.at(0);
        extra.id = u"extra-%1"_s.arg(settings.devices.size());
        settings.devices.append(extra);
    }
    problem = SettingsCodec::validate(settings);
    QVERIFY(problem);
    QCOMPARE(problem->code, ValidationError::Code::TooLarge);
    QCOMPARE(problem->field, u"devices"_s);

    QVERIFY(!SettingsCodec::validateDeviceId(u"ok-id_1.2"_s, u"f"_s));
    QCOMPARE(SettingsCodec::validateDeviceId(u""_s, u"f"_s)->code, ValidationError::Code::Invalid);
    QCOMPARE(SettingsCodec::validateDeviceId(u"a b"_s, u"f"_s)->field, u"f"_s);
}

QTEST_APPLESS_MAIN(TestSettingsCodec)
#include "tst_settingscodec.moc"
