// SPDX-License-Identifier: GPL-3.0-or-later
// PostgresLocation: what --db postgresql://… becomes for Qt's QPSQL driver, and how the URL is
// shown in logs and messages (never with its password).
#include "PostgresLocation.h"

#include <QSqlDatabase>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_PostgresLocation : public QObject
{
    Q_OBJECT

private slots:
    void partsReachTheDriver();
    void displayNameHasNoPassword_data();
    void displayNameHasNoPassword();
    void unusableUrlsAreRefused_data();
    void unusableUrlsAreRefused();
};

void tst_PostgresLocation::partsReachTheDriver()
{
    QString error;
    const auto location = PostgresLocation::parse(
        u"postgresql://followme:s%40cret@db.example.com:5433/ring?sslmode=verify-full&"
        u"application_name=it's"_s,
        &error);
    QVERIFY2(location, qPrintable(error));
    // A connection that is never opened: QPSQL need not be installed for this.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"tst_postgreslocation"_s);
    location->applyTo(db);
    QCOMPARE(db.hostName(), u"db.example.com"_s);
    QCOMPARE(db.port(), 5433);
    QCOMPARE(db.databaseName(), u"ring"_s);
    QCOMPARE(db.userName(), u"followme"_s);
    QCOMPARE(db.password(), u"s@cret"_s);
    QCOMPARE(db.connectOptions(), u"sslmode='verify-full';application_name='it\\'s'"_s);
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"tst_postgreslocation"_s);
}

void tst_PostgresLocation::displayNameHasNoPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("host and port") << u"postgresql://followme:pw@db.example.com:5433/ring"_s
                                   << u"postgresql://followme@db.example.com:5433/ring"_s;
    QTest::newRow("socket folder")
        << u"postgresql://followme@/ring?host=/run/postgresql&port=5432&password=pw"_s
        << u"postgresql://followme@/ring?host=/run/postgresql&port=5432"_s;
    // Everything from a service file: the "//" stays.
    QTest::newRow("service only") << u"postgresql:///ring?service=followme"_s
                                  << u"postgresql:///ring?service=followme"_s;
}

void tst_PostgresLocation::displayNameHasNoPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QString error;
    const auto location = PostgresLocation::parse(url, &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->displayName(), shown);
}

void tst_PostgresLocation::unusableUrlsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("not a port") << u"postgresql://followme@/db?port=http"_s;
    QTest::newRow("port out of range") << u"postgresql://followme@/db?port=70000"_s;
    QTest::newRow("parameter without a name") << u"postgresql://followme@/db?=x"_s;
    QTest::newRow("a ';' in a value") << u"postgresql://followme@/db?application_name=a;b"_s;
    QTest::newRow("another scheme") << u"mysql://followme@host/db"_s;
}

void tst_PostgresLocation::unusableUrlsAreRefused()
{
    QFETCH(QString, url);
    QString error;
    QVERIFY(!PostgresLocation::parse(url, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PostgresLocation)
#include "tst_postgreslocation.moc"
