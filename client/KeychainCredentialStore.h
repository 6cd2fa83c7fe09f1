#pragma once

#include "CredentialStore.h"

// The platform's credential store through QtKeychain: the macOS Keychain, the Windows
// Credential Manager, the Secret Service (GNOME Keyring, KWallet) on Linux. Where none is
// available (a bare Linux session without a Secret Service), QtKeychain's documented insecure
// fallback keeps the token in FollowMe's own settings file, readable by the user only; the
// Connection page says so (description()).
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);

    void load(const QString &account) override;
    void store(const QString &account, const QString &secret) override;
    QString description() const override;

private:
    QString m_service;
};
