// SPDX-License-Identifier: GPL-3.0-or-later
// Unsafe or broken configurations are refused at start with exit code 2 and a message naming the
// problem, before the database is touched: --demo on a network address without its explicit
// flag, a TLS key and certificate that are missing, unreadable, invalid or do not belong
// together, and a listen address that is taken.
#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1; // -1: it started listening (and was stopped) or hung
    QString output;
    QString errors;
};

// Runs followme-server until it exits, or until it prints its "listening on" line (then stops it
// with SIGTERM: it started, which these refusals must prevent).
Run runServer(const QStringList &arguments)
{
    QProcess process;
    process.start(ServerProcess::serverExecutable(), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    QDeadlineTimer deadline(20000);
    while (process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(50);
        run.output += QString::fromUtf8(process.readAllStandardOutput());
        if (run.output.contains(u"listening on"_s)) {
            process.terminate();
            break;
        }
    }
    process.waitForFinished(10000);
    run.output += QString::fromUtf8(process.readAllStandardOutput());
    run.errors = QString::fromUtf8(process.readAllStandardError());
    if (!run.output.contains(u"listening on"_s) && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

bool makeCertificate(const QString &openssl, const QString &certificate, const QString &key)
{
    QProcess generate;
    generate.start(openssl,
                   {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                    key, u"-out"_s, certificate, u"-days"_s, u"2"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s});
    return generate.waitForFinished(60000) && generate.exitCode() == 0;
}

} // namespace

class tst_ServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoOnANetworkAddressIsRefused_data();
    void demoOnANetworkAddressIsRefused();
    void demoOnANetworkAddressWithTheFlagWarns();
    void badTlsFilesAreRefused_data();
    void badTlsFilesAreRefused();
    void aTakenListenAddressIsRefused();

private:
    QString database() const { return m_dir.filePath(u"server.sqlite"_s); }

    QTemporaryDir m_dir;
};

void tst_ServerConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_ServerConfig::demoOnANetworkAddressIsRefused_data()
{
    QTest::addColumn<QString>("listen");
    QTest::newRow("0.0.0.0") << u"0.0.0.0:0"_s;
    QTest::newRow("*") << u"*:0"_s;
    QTest::newRow("[::]") << u"[::]:0"_s;
}

void tst_ServerConfig::demoOnANetworkAddressIsRefused()
{
    QFETCH(QString, listen);
    QFile::remove(database());
    const Run run = runServer({u"--db"_s, database(), u"--listen"_s, listen, u"--demo"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(u"--demo-on-network-anyone-is-admin"_s), qPrintable(run.errors));
    QVERIFY(!QFile::exists(database()));
}

void tst_ServerConfig::demoOnANetworkAddressWithTheFlagWarns()
{
    const Run run = runServer({u"--db"_s, database(), u"--listen"_s, u"0.0.0.0:0"_s, u"--demo"_s,
                               u"--demo-on-network-anyone-is-admin"_s});
    QVERIFY2(run.output.contains(u"listening on 0.0.0.0:"_s), qPrintable(run.errors));
    QVERIFY2(run.errors.contains(u"WARNING"_s) && run.errors.contains(u"anyone"_s),
             qPrintable(run.errors));
}

void tst_ServerConfig::badTlsFilesAreRefused_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message"); // part of what stderr must say

    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    const QString certificate = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    const QString otherCertificate = m_dir.filePath(u"other-cert.pem"_s);
    const QString otherKey = m_dir.filePath(u"other-key.pem"_s);
    QVERIFY(makeCertificate(openssl, certificate, key));
    QVERIFY(makeCertificate(openssl, otherCertificate, otherKey));
    const QString garbage = m_dir.filePath(u"garbage.pem"_s);
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    file.close();
    const QString unreadable = m_dir.filePath(u"unreadable.pem"_s);
    QVERIFY(QFile::copy(key, unreadable));
    QVERIFY(QFile::setPermissions(unreadable, QFileDevice::Permissions()));
    const QString missing = m_dir.filePath(u"missing.pem"_s);

    QTest::newRow("key of another certificate")
        << certificate << otherKey << u"do not work together"_s;
    QTest::newRow("missing certificate") << missing << key << missing;
    QTest::newRow("missing key") << certificate << missing << missing;
    QTest::newRow("invalid key") << certificate << garbage << u"holds no unencrypted PEM"_s;
    QTest::newRow("invalid certificate") << garbage << key << u"holds no PEM certificate"_s;
    // root reads any file: then the row proves nothing, but the refusal must not be skipped.
    if (!QFile(unreadable).open(QIODevice::ReadOnly))
        QTest::newRow("unreadable key") << certificate << unreadable << unreadable;
}

void tst_ServerConfig::badTlsFilesAreRefused()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, message);
    QFile::remove(database());
    const Run run = runServer({u"--db"_s, database(), u"--listen"_s, u"127.0.0.1:0"_s,
                               u"--tls-cert"_s, certificate, u"--tls-key"_s, key});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(message), qPrintable(run.errors));
    QVERIFY(!QFile::exists(database()));
}

void tst_ServerConfig::aTakenListenAddressIsRefused()
{
    ServerProcess first;
    QVERIFY(first.start(m_dir.filePath(u"first.sqlite"_s)));
    const QString taken = u"127.0.0.1:%1"_s.arg(first.port());
    const Run run = runServer({u"--db"_s, database(), u"--listen"_s, taken});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(u"cannot listen on %1"_s.arg(taken)), qPrintable(run.errors));
    QCOMPARE(first.terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"
