#pragma once

#include "CredentialStore.h"
#include "TokenFile.h"

// The platform's credential store through QtKeychain: the macOS Keychain, the Windows
// Credential Manager, the Secret Service (GNOME Keyring, KWallet) on Linux. Where none works (a
// bare Linux session without a Secret Service: QtKeychain then only says "Unknown error"), the
// token goes into a TokenFile only the user can read, and each answer says which of the two
// holds it. QtKeychain's own "insecure fallback" is not used: on Linux it is never reached when
// libsecret is installed but no service runs, and elsewhere it would write into QSettings.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(const QString &fallbackPath = TokenFile::defaultPath(),
                                     QObject *parent = nullptr);

    void load(const QString &account, QObject *context, Callback done) override;
    void store(const QString &account, const QString &secret, QObject *context,
               Callback done) override;

    QString fallbackPath() const { return m_file.path(); }

private:
    Answer loadFromFile(const QString &account, const QString &keychainProblem) const;
    Answer storeInFile(const QString &account, const QString &secret,
                       const QString &keychainProblem) const;

    QString m_service;
    TokenFile m_file;
};
