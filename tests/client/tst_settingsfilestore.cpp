// Tests for SettingsFileStore: reading a settings file all or nothing, writing only valid
// settings and never a half-written file, and saving a watched document once per burst of edits.

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "RingRule.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"
#include "SettingsFileStore.h"
#include "TestFiles.h"
#include "ValidationError.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// Found by argument-dependent lookup from QTest::qCompare, so a failing QCOMPARE shows values.
inline char *toString(const FollowMeSettings &settings)
{
    return QTest::toString(QString::fromUtf8(
        QJsonDocument(SettingsCodec::toJson(settings)).toJson(QJsonDocument::Compact)));
}

namespace {

QString demoPath()
{
    return QString::fromUtf8(FOLLOWME_SOURCE_DIR "/resources/demo/demo-settings.json");
}

using Edit = std::function<void(FollowMeSettings &)>;

FollowMeSettings demoSettings()
{
    const auto settings = SettingsCodec::decode(readAll(demoPath()));
    return settings ? *settings : FollowMeSettings {};
}

// Everything in a directory, hidden and temporary files included.
QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// A rule that differs from every rule in the demo document, made different per step.
RingRule distinctRule(int step)
{
    RingRule rule;
    rule.enabled = true;
    rule.delay = 1 + step;
    rule.timeout = 41 + step;
    return rule;
}

} // namespace

class TestSettingsFileStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // load()
    void loadDemo();
    void loadMissingFile();
    void loadDirectory();
    void loadInvalid_data();
    void loadInvalid();
    void loadAtSizeLimit();
    void loadTooLarge();

    // save()
    void saveRoundTrip();
    void saveReplacesExistingFile();
    void saveInvalid_data();
    void saveInvalid();
    void saveInvalidCreatesNothing();
    void saveIntoRegularFileAsParent();
    void saveLeavesNoTemporaryFiles();

    // watch()
    void watchWritesAfterDelay();
    void watchBurstWritesOnce();
    void watchLaterBurstWritesAgain();
    void flushWritesAtOnce();
    void flushWithNothingPending();
    void destructionWritesPendingChange();
    void destructionWithNothingPendingWritesNothing();
    void refusedEditWritesNothing_data();
    void refusedEditWritesNothing();
    void watchReportsSaveFailure();
    void watchAnotherDocumentDropsTheFirst();

private:
    QString filePath(const QString &name = u"settings.json"_s) const
    {
        return m_dir->filePath(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    FollowMeSettings m_demo;
};

void TestSettingsFileStore::initTestCase()
{
    m_demo = demoSettings();
    QVERIFY2(!m_demo.devices.isEmpty(), "the demo document could not be read");
    QVERIFY2(!SettingsCodec::validate(m_demo), "the demo document is not valid");
}

void TestSettingsFileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettingsFileStore::cleanup()
{
    m_dir.reset();
}

// ---- load() -------------------------------------------------------------------------------------

void TestSettingsFileStore::loadDemo()
{
    ValidationError error {ValidationError::Code::Locked, u"untouched"_s, u"untouched"_s};
    const auto settings = SettingsFileStore::load(demoPath(), &error);
    QVERIFY(settings);
    QCOMPARE(settings->devices.size(), 6);
    QCOMPARE(settings->controlledDeviceId, u"desk"_s);
    QCOMPARE(settings->devices.at(2).id, u"mobile"_s);
    QCOMPARE(settings->devices.at(2).rule(CallKind::External).delay, 10);
    QCOMPARE(settings->devices.at(4).userConfigurable, false);
    QCOMPARE(*settings, m_demo);
    // Also without an error to report into.
    QVERIFY(SettingsFileStore::load(demoPath()));
}

void TestSettingsFileStore::loadMissingFile()
{
    const QString path = filePath(u"does-not-exist.json"_s);
    ValidationError error;
    const auto settings = SettingsFileStore::load(path, &error);
    QVERIFY(!settings);
    QCOMPARE(error.code, ValidationError::Code::Unreadable);
    QVERIFY2(error.message().contains(path), qPrintable(error.message()));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!SettingsFileStore::load(path)); // no error object: still refused, no crash
}

void TestSettingsFileStore::loadDirectory()
{
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder.json"_s));
    ValidationError error;
    QVERIFY(!SettingsFileStore::load(filePath(u"folder.json"_s), &error));
    QCOMPARE(error.code, ValidationError::Code::Unreadable);
}

void TestSettingsFileStore::loadInvalid_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<ValidationError::Code>("code");
    QTest::addColumn<QString>("field");

    const QByteArray demo = readAll(demoPath());
    QVERIFY(!demo.isEmpty());

    QTest::newRow("empty file") << QByteArray() << ValidationError::Code::Malformed << QString();
    QTest::newRow("not JSON") << QByteArray("{ \"version\": 1, ")
                              << ValidationError::Code::Malformed << QString();
    QTest::newRow("truncated demo")
        << demo.left(demo.size() / 2) << ValidationError::Code::Malformed << QString();
    QTest::newRow("array") << QByteArray("[1, 2]") << ValidationError::Code::Malformed << QString();

    QByteArray delay = demo;
    delay.replace("\"delay\": 0,", "\"delay\": 999,"); // every such rule; devices[0] comes first
    QVERIFY(delay != demo);
    QTest::newRow("delay 999") << delay << ValidationError::Code::OutOfRange
                               << u"devices[0].rules.external.delay"_s;

    QByteArray duplicate = demo;
    duplicate.replace("\"id\": \"softphone\"", "\"id\": \"desk\"");
    QVERIFY(duplicate != demo);
    QTest::newRow("duplicate id") << duplicate << ValidationError::Code::Duplicate
                                  << u"devices[1].id"_s;

    QByteArray version = demo;
    version.replace("\"version\": 1", "\"version\": 2");
    QVERIFY(version != demo);
    QTest::newRow("version 2") << version << ValidationError::Code::Unsupported << u"version"_s;
}

void TestSettingsFileStore::loadInvalid()
{
    QFETCH(QByteArray, content);
    QFETCH(ValidationError::Code, code);
    QFETCH(QString, field);

    const QString path = filePath();
    QVERIFY(writeAll(path, content));

    ValidationError error;
    const auto settings = SettingsFileStore::load(path, &error);
    QVERIFY(!settings);
    QCOMPARE(error.code, code);
    QCOMPARE(error.field, field);
    QVERIFY(!error.reason.isEmpty());

    // The store reports exactly what the codec says about the same bytes.
    ValidationError codecError;
    QVERIFY(!SettingsCodec::decode(content, &codecError));
    QCOMPARE(error.code, codecError.code);
    QCOMPARE(error.field, codecError.field);
    QCOMPARE(error.reason, codecError.reason);

    // Loading never touches the file.
    QCOMPARE(readAll(path), content);
}

void TestSettingsFileStore::loadAtSizeLimit()
{
    // Valid JSON padded with whitespace to exactly the limit is still read.
    QByteArray content = readAll(demoPath());
    QVERIFY(content.size() < SettingsCodec::maxDocumentBytes);
    content.append(QByteArray(SettingsCodec::maxDocumentBytes - content.size(), ' '));
    QCOMPARE(content.size(), SettingsCodec::maxDocumentBytes);
    const QString path = filePath();
    QVERIFY(writeAll(path, content));

    ValidationError error;
    const auto settings = SettingsFileStore::load(path, &error);
    QVERIFY2(settings, qPrintable(error.message()));
    QCOMPARE(*settings, m_demo);
}

void TestSettingsFileStore::loadTooLarge()
{
    // The same, one byte over the limit, is refused as too large (not as truncated JSON).
    QByteArray content = readAll(demoPath());
    content.append(QByteArray(SettingsCodec::maxDocumentBytes + 1 - content.size(), ' '));
    QCOMPARE(content.size(), SettingsCodec::maxDocumentBytes + 1);
    const QString path = filePath();
    QVERIFY(writeAll(path, content));

    ValidationError error;
    QVERIFY(!SettingsFileStore::load(path, &error));
    QCOMPARE(error.code, ValidationError::Code::TooLarge);

    // Far over the limit, too.
    content.append(QByteArray(3 * SettingsCodec::maxDocumentBytes, ' '));
    QVERIFY(writeAll(path, content));
    error = {};
    QVERIFY(!SettingsFileStore::load(path, &error));
    QCOMPARE(error.code, ValidationError::Code::TooLarge);
}

// ---- save() -------------------------------------------------------------------------------------

void TestSettingsFileStore::saveRoundTrip()
{
    FollowMeSettings settings = m_demo;
    settings.devices[2].rule(CallKind::Teams) = distinctRule(0);
    settings.controlledDeviceId = u"softphone"_s;
    QVERIFY(settings != m_demo);

    const QString path = filePath();
    const auto failure = SettingsFileStore::save(path, settings);
    QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
    QCOMPARE(readAll(path), SettingsCodec::encode(settings));

    ValidationError error;
    const auto loaded = SettingsFileStore::load(path, &error);
    QVERIFY2(loaded, qPrintable(error.message()));
    QCOMPARE(*loaded, settings);

    // Settings without a controlled device, and with no devices at all, round-trip too.
    FollowMeSettings empty;
    QVERIFY(!SettingsFileStore::save(path, empty));
    const auto loadedEmpty = SettingsFileStore::load(path);
    QVERIFY(loadedEmpty);
    QCOMPARE(*loadedEmpty, empty);
}

void TestSettingsFileStore::saveReplacesExistingFile()
{
    const QString path = filePath();
    QVERIFY(writeAll(path, QByteArray(5000, 'x'))); // longer than what replaces it
    FollowMeSettings settings = m_demo;
    settings.devices.resize(1);
    QVERIFY(!SettingsFileStore::save(path, settings));
    QCOMPARE(readAll(path), SettingsCodec::encode(settings));
    const auto loaded = SettingsFileStore::load(path);
    QVERIFY(loaded);
    QCOMPARE(*loaded, settings);
}

void TestSettingsFileStore::saveInvalid_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("field");

    QTest::newRow("delay 999") << Edit([](FollowMeSettings &s) {
        s.devices[0].rule(CallKind::External).delay = 999;
    }) << u"devices[0].rules.external.delay"_s;
    QTest::newRow("negative delay")
        << Edit([](FollowMeSettings &s) { s.devices[3].rule(CallKind::Teams).delay = -1; })
        << u"devices[3].rules.teams.delay"_s;
    QTest::newRow("timeout 0") << Edit([](FollowMeSettings &s) {
        s.devices[1].rule(CallKind::Internal).timeout = 0;
    }) << u"devices[1].rules.internal.timeout"_s;
    QTest::newRow("duplicate ids")
        << Edit([](FollowMeSettings &s) { s.devices[2].id = s.devices[0].id; })
        << u"devices[2].id"_s;
    QTest::newRow("empty id") << Edit([](FollowMeSettings &s) { s.devices[1].id.clear(); })
                              << u"devices[1].id"_s;
    QTest::newRow("unknown controlled device")
        << Edit([](FollowMeSettings &s) { s.controlledDeviceId = u"nowhere"_s; })
        << u"controlledDevice"_s;
}

void TestSettingsFileStore::saveInvalid()
{
    QFETCH(Edit, edit);
    QFETCH(QString, field);

    const QString path = filePath();
    QVERIFY(!SettingsFileStore::save(path, m_demo));
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());

    FollowMeSettings settings = m_demo;
    edit(settings);
    const auto failure = SettingsFileStore::save(path, settings);
    QVERIFY(failure);
    QVERIFY2(failure->contains(field), qPrintable(*failure));
    QCOMPARE(readAll(path), before);
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"settings.json"_s});
}

void TestSettingsFileStore::saveInvalidCreatesNothing()
{
    FollowMeSettings settings = m_demo;
    settings.devices[0].rule(CallKind::External).delay = 999;
    QVERIFY(SettingsFileStore::save(filePath(), settings));
    QVERIFY(!QFileInfo::exists(filePath()));
    QCOMPARE(entriesOf(m_dir->path()), QStringList());
}

void TestSettingsFileStore::saveIntoRegularFileAsParent()
{
    const QString blocker = filePath(u"blocker"_s);
    QVERIFY(writeAll(blocker, "not a directory"));

    const QString path = blocker + u"/settings.json"_s;
    const auto failure = SettingsFileStore::save(path, m_demo);
    QVERIFY(failure);
    QVERIFY2(failure->contains(blocker), qPrintable(*failure));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(readAll(blocker), QByteArray("not a directory"));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"blocker"_s});
}

void TestSettingsFileStore::saveLeavesNoTemporaryFiles()
{
    const QString path = filePath();
    FollowMeSettings settings = m_demo;
    for (int step = 0; step < 5; ++step) {
        settings.devices[0].rule(CallKind::External) = distinctRule(step);
        QVERIFY(!SettingsFileStore::save(path, settings));
        QCOMPARE(entriesOf(m_dir->path()), QStringList {u"settings.json"_s});
    }
    // A refused save in between leaves nothing behind either.
    FollowMeSettings invalid = settings;
    invalid.devices[0].id.clear();
    QVERIFY(SettingsFileStore::save(path, invalid));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"settings.json"_s});
    const auto loaded = SettingsFileStore::load(path);
    QVERIFY(loaded);
    QCOMPARE(*loaded, settings);
}

// ---- watch() ------------------------------------------------------------------------------------

void TestSettingsFileStore::watchWritesAfterDelay()
{
    constexpr int delayMs = 300;
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QCOMPARE(store.path(), filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    QSignalSpy failed(&store, &SettingsFileStore::saveFailed);
    store.watch(&document, delayMs);
    QVERIFY(!store.hasPendingChange());

    QElapsedTimer clock;
    clock.start();
    QVERIFY(!document.setRule(u"mobile"_s, CallKind::Internal, distinctRule(0)));
    QVERIFY(store.hasPendingChange());
    QVERIFY(!QFileInfo::exists(filePath())); // not yet

    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY2(clock.elapsed() >= delayMs - 50, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!store.hasPendingChange());

    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(*loaded, document.settings());
    QCOMPARE(loaded->devices.at(2).rule(CallKind::Internal), distinctRule(0));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"settings.json"_s});

    // Nothing more is written while nothing changes: no write is due.
    QVERIFY(!store.isSaveScheduled());
    QCOMPARE(saved.count(), 1);
}

void TestSettingsFileStore::watchBurstWritesOnce()
{
    constexpr int delayMs = 500;
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    QSignalSpy changed(&document, &SettingsDocument::changed);
    store.watch(&document, delayMs);

    // A spinner held down: 20 edits, with the event loop running between them.
    for (int step = 0; step < 20; ++step) {
        QVERIFY(!document.setRule(u"desk"_s, CallKind::External, distinctRule(step)));
        QCoreApplication::processEvents();
    }
    QCOMPARE(changed.count(), 20);
    QCOMPARE(saved.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY(!store.isSaveScheduled());
    QCOMPARE(saved.count(), 1);

    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(loaded->devices.at(0).rule(CallKind::External), distinctRule(19));
    QCOMPARE(*loaded, document.settings());
}

void TestSettingsFileStore::watchLaterBurstWritesAgain()
{
    constexpr int delayMs = 100;
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    store.watch(&document, delayMs);

    QVERIFY(!document.setRule(u"desk"_s, CallKind::Teams, distinctRule(1)));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY(!document.setControlledDevice(u"mobile"_s));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 5000);

    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(loaded->controlledDeviceId, u"mobile"_s);
    QCOMPARE(*loaded, document.settings());
}

void TestSettingsFileStore::flushWritesAtOnce()
{
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    store.watch(&document, 60000);

    QVERIFY(!document.setRule(u"dect"_s, CallKind::Teams, distinctRule(2)));
    QVERIFY(store.hasPendingChange());
    store.flush();
    QCOMPARE(saved.count(), 1); // synchronously, without the event loop
    QVERIFY(!store.hasPendingChange());

    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(*loaded, document.settings());

    // The flushed change is not written a second time.
    store.flush();
    QCOMPARE(saved.count(), 1);
}

void TestSettingsFileStore::flushWithNothingPending()
{
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    QSignalSpy failed(&store, &SettingsFileStore::saveFailed);

    store.flush(); // nothing watched yet
    store.watch(&document, 50);
    store.flush(); // watched, unchanged
    QCOMPARE(saved.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!QFileInfo::exists(filePath()));

    // The same after a change was saved: the file is not rewritten.
    QVERIFY(!document.setRule(u"desk"_s, CallKind::Internal, distinctRule(3)));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QVERIFY(writeAll(filePath(), "marker"));
    store.flush();
    QVERIFY(!store.isSaveScheduled());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(readAll(filePath()), QByteArray("marker"));
}

void TestSettingsFileStore::destructionWritesPendingChange()
{
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    auto store = std::make_unique<SettingsFileStore>(filePath());
    QSignalSpy saved(store.get(), &SettingsFileStore::saved);
    store->watch(&document, 60000);

    QVERIFY(!document.setRule(u"softphone"_s, CallKind::External, distinctRule(4)));
    QVERIFY(store->hasPendingChange());
    QVERIFY(!QFileInfo::exists(filePath()));
    store.reset();
    QCOMPARE(saved.count(), 1);

    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(*loaded, document.settings());
    QCOMPARE(loaded->devices.at(1).rule(CallKind::External), distinctRule(4));
}

void TestSettingsFileStore::destructionWithNothingPendingWritesNothing()
{
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    {
        SettingsFileStore store(filePath());
        store.watch(&document, 60000);
    }
    QVERIFY(!QFileInfo::exists(filePath()));

    // The document going first does not trouble the store either.
    auto doomed = std::make_unique<SettingsDocument>();
    QVERIFY(!doomed->reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    store.watch(doomed.get(), 60000);
    QVERIFY(!doomed->setRule(u"desk"_s, CallKind::External, distinctRule(5)));
    doomed.reset();
    store.flush();
    QCOMPARE(saved.count(), 0);
    QVERIFY(!QFileInfo::exists(filePath()));
}

void TestSettingsFileStore::refusedEditWritesNothing_data()
{
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<RingRule>("rule");
    QTest::addColumn<ValidationError::Code>("code");

    QTest::newRow("locked device")
        << u"reception"_s << distinctRule(6) << ValidationError::Code::Locked;
    QTest::newRow("unknown device")
        << u"nowhere"_s << distinctRule(6) << ValidationError::Code::UnknownId;
    RingRule outOfRange = distinctRule(6);
    outOfRange.delay = 999;
    QTest::newRow("delay 999") << u"desk"_s << outOfRange << ValidationError::Code::OutOfRange;
}

void TestSettingsFileStore::refusedEditWritesNothing()
{
    QFETCH(QString, deviceId);
    QFETCH(RingRule, rule);
    QFETCH(ValidationError::Code, code);

    constexpr int delayMs = 50;
    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    QSignalSpy failed(&store, &SettingsFileStore::saveFailed);
    store.watch(&document, delayMs);

    const auto problem = document.setRule(deviceId, CallKind::External, rule);
    QVERIFY(problem);
    QCOMPARE(problem->code, code);
    QVERIFY(!store.hasPendingChange());

    // An accepted edit that changes nothing is no reason to write either.
    QVERIFY(!document.setRule(u"desk"_s, CallKind::External,
                              m_demo.devices.at(0).rule(CallKind::External)));
    QVERIFY(!store.hasPendingChange());

    QVERIFY(!store.isSaveScheduled());
    store.flush();
    QCOMPARE(saved.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!QFileInfo::exists(filePath()));
}

void TestSettingsFileStore::watchReportsSaveFailure()
{
    const QString blocker = filePath(u"blocker"_s);
    QVERIFY(writeAll(blocker, "not a directory"));
    const QString path = blocker + u"/settings.json"_s;

    SettingsDocument document;
    QVERIFY(!document.reset(m_demo));
    SettingsFileStore store(path);
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    QSignalSpy failed(&store, &SettingsFileStore::saveFailed);
    store.watch(&document, 50);

    QVERIFY(!document.setRule(u"desk"_s, CallKind::External, distinctRule(7)));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QCOMPARE(saved.count(), 0);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(blocker), qPrintable(reason));
    QCOMPARE(entriesOf(m_dir->path()), QStringList {u"blocker"_s});
}

void TestSettingsFileStore::watchAnotherDocumentDropsTheFirst()
{
    SettingsDocument first;
    QVERIFY(!first.reset(m_demo));
    SettingsDocument second;
    QVERIFY(!second.reset(m_demo));
    SettingsFileStore store(filePath());
    QSignalSpy saved(&store, &SettingsFileStore::saved);
    store.watch(&first, 50);
    store.watch(&second, 50);

    // Edits of the document no longer watched must not cause a write.
    QVERIFY(!first.setRule(u"desk"_s, CallKind::External, distinctRule(8)));
    QVERIFY(!store.hasPendingChange());
    QVERIFY(!store.isSaveScheduled());
    QCOMPARE(saved.count(), 0);

    // Edits of the watched document are saved.
    QVERIFY(!second.setRule(u"desk"_s, CallKind::Teams, distinctRule(9)));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    const auto loaded = SettingsFileStore::load(filePath());
    QVERIFY(loaded);
    QCOMPARE(*loaded, second.settings());
}

QTEST_GUILESS_MAIN(TestSettingsFileStore)
#include "tst_settingsfilestore.moc"
