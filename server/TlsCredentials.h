// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>

#include <optional>

// The server's TLS certificate (chain) and private key, read from PEM files and checked at start
// so that a bad pair is a clear error there instead of a failed handshake for every client.
class TlsCredentials
{
    Q_DECLARE_TR_FUNCTIONS(TlsCredentials)

public:
    // The server-side TLS configuration, or nothing with `error` saying which file is wrong.
    static std::optional<QSslConfiguration> load(const QString &certificatePath,
                                                 const QString &keyPath, QString *error);

private:
    // True if a client can complete a TLS handshake with `configuration` (over loopback).
    static bool handshakeWorks(const QSslConfiguration &configuration, QString *error);
};
