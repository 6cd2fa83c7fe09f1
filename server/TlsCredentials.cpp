// SPDX-License-Identifier: GPL-3.0-or-later
#include "TlsCredentials.h"

#include <QEventLoop>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace {

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = TlsCredentials::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

std::optional<QSslConfiguration> TlsCredentials::load(const QString &certificatePath,
                                                      const QString &keyPath, QString *error)
{
    const auto certificateData = readFile(certificatePath, error);
    if (!certificateData)
        return std::nullopt;
    const auto keyData = readFile(keyPath, error);
    if (!keyData)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateData, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = tr("%1 holds no PEM certificate").arg(certificatePath);
        return std::nullopt;
    }
    QSslKey key(*keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = tr("%1 holds no unencrypted PEM RSA or EC private key").arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    QString reason;
    if (!handshakeWorks(configuration, &reason)) {
        *error = tr("the key %1 and the certificate %2 do not work together: %3")
                     .arg(keyPath, certificatePath, reason);
        return std::nullopt;
    }
    return configuration;
}

bool TlsCredentials::handshakeWorks(const QSslConfiguration &configuration, QString *error)
{
    // Qt checks that the key belongs to the certificate only when a handshake starts (OpenSSL's
    // "key values mismatch"), so one is made here, before any client depends on it.
    QSslServer server;
    server.setSslConfiguration(configuration);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        *error = server.errorString();
        return false;
    }
    QEventLoop loop;
    bool works = false;
    bool failed = false;
    *error = tr("the test handshake timed out");
    QObject::connect(&server, &QSslServer::pendingConnectionAvailable, &loop, [&] {
        works = true;
        loop.quit();
    });
    QObject::connect(&server, &QSslServer::errorOccurred, &loop,
                     [&](QSslSocket *socket, QAbstractSocket::SocketError) {
                         // The first error says why ("key values mismatch"); later ones only follow
                         // it.
                         if (!failed)
                             *error = socket->errorString();
                         failed = true;
                         loop.quit();
                     });
    QSslSocket client;
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setSslConfiguration(clientConfiguration);
    client.connectToHostEncrypted(u"127.0.0.1"_s, server.serverPort());
    QTimer::singleShot(std::chrono::seconds(10), &loop, &QEventLoop::quit);
    loop.exec();
    client.abort();
    return works;
}
