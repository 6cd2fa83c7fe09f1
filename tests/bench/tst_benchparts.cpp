// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of followme-bench its figures rest on: TCP_NODELAY really set on both ends of a
// WebSocket (as the kernel reports it), the database's page size read from its file, the
// 100-device settings document FollowMe can read, and the table's ratios and goals.
#include "FsyncFloor.h"
#include "LatencyStats.h"
#include "LowDelayWebSocketServer.h"
#include "ManyDevicesFile.h"
#include "ResultTable.h"
#include "SettingsCodec.h"
#include "SocketLowDelay.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

class tst_BenchParts : public QObject
{
    Q_OBJECT

private slots:
    void lowDelayOnBothEnds();
    void pageSizeFromTheDatabase();
    void hundredDevicesReadBack();
    void ratiosAndGoals();
};

void tst_BenchParts::lowDelayOnBothEnds()
{
    LowDelayWebSocketServer server;
    const quint16 port = server.listen();
    QVERIFY(port != 0);
    QWebSocket *accepted = nullptr;
    connect(&server, &LowDelayWebSocketServer::connected, this,
            [&](QWebSocket *socket) { accepted = socket; });
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(port)));
    QVERIFY(connected.wait(10000));
    QTRY_VERIFY(accepted != nullptr);

    // The client's socket is reachable under the QWebSocket (Qt 6.4's client sets it itself;
    // the benchmark makes sure on every version).
    QVERIFY(SocketLowDelay::enable(&client));
    QVERIFY(SocketLowDelay::isEnabled(&client));
    // The server's sockets are set before the handshake, where Qt's own server leaves it off.
    QCOMPARE(server.lowDelaySockets(), 1);
}

void tst_BenchParts::pageSizeFromTheDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"pages.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pages"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA page_size = 8192"_s));
        QVERIFY(query.exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(query.exec(u"INSERT INTO t VALUES (1)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"pages"_s);
    QCOMPARE(FsyncFloor::pageSizeOf(path), 8192);
    // No file to read: SQLite's default.
    QCOMPARE(FsyncFloor::pageSizeOf(dir.filePath(u"missing.sqlite"_s)), 4096);

    FsyncFloor floor(dir.path(), 8192);
    QVERIFY(floor.isOpen());
    QVERIFY(floor.writeOnce() >= 0);
    QCOMPARE(QFile(dir.filePath(u"fsync-floor.bin"_s)).size(), 8192);
}

void tst_BenchParts::hundredDevicesReadBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString demo = QStringLiteral(FOLLOWME_SOURCE_DIR "/resources/demo/demo-settings.json");
    const QString path = dir.filePath(u"devices-100.json"_s);
    QVERIFY(ManyDevicesFile::write(demo, 100, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    ValidationError error;
    const auto settings = SettingsCodec::decode(file.readAll(), &error);
    QVERIFY2(settings.has_value(), qPrintable(error.message()));
    QCOMPARE(settings->devices.size(), 100);
    QSet<QString> ids;
    for (const Device &device : settings->devices)
        ids.insert(device.id);
    QCOMPARE(ids.size(), 100);
    // The demo's own devices come first, as they are.
    QFile demoFile(demo);
    QVERIFY(demoFile.open(QIODevice::ReadOnly));
    const auto original = SettingsCodec::decode(demoFile.readAll());
    QVERIFY(original.has_value());
    QCOMPARE(settings->devices.first(), original->devices.first());
    QCOMPARE(settings->controlledDeviceId, original->controlledDeviceId);
}

void tst_BenchParts::ratiosAndGoals()
{
    LatencyStats samples;
    for (int i = 1; i <= 10; ++i)
        samples.add(i * 100.0);
    const Summary followMe = Summary::ofSamples(samples, Summary::Unit::Microseconds);
    QCOMPARE(followMe.center, 500.0);
    QCOMPARE(followMe.low, 100.0);
    QCOMPARE(followMe.high, 900.0);

    ResultTable table;
    const Summary floor = Summary::ofValue(400, Summary::Unit::Microseconds);
    table.add({u"within"_s, followMe, floor, ResultTable::Goal::ratioAtMost(1.3)});
    table.add({u"beyond"_s, followMe, floor, ResultTable::Goal::ratioAtMost(1.2)});
    table.add({u"rate"_s, followMe, floor, ResultTable::Goal::ratioAtLeast(10)});
    table.add({u"bound"_s, followMe, floor, ResultTable::Goal::valueAtMost(1000)});
    table.addMissing(u"absent"_s, u"not built"_s);
    QString text;
    QTextStream out(&text);
    table.print(out);
    QVERIFY2(text.contains(u"| within | 500 µs (100–900) | 400 µs | 1.25× | ≤ 1.3× | yes |"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"| beyond | 500 µs (100–900) | 400 µs | 1.25× | ≤ 1.2× | no |"_s));
    QVERIFY(text.contains(u"| rate | 500 µs (100–900) | 400 µs | 1.25× | ≥ 10× | no |"_s));
    QVERIFY(text.contains(u"| bound | 500 µs (100–900) | 400 µs | 1.25× | ≤ 1.00 ms | yes |"_s));
    QVERIFY(text.contains(u"| absent | not built | — | — | — | — |"_s));
}

QTEST_GUILESS_MAIN(tst_BenchParts)
#include "tst_benchparts.moc"
