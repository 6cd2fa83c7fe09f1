#pragma once

#include "CredentialStore.h"

#include <QHash>

// Keeps secrets in memory only, answering on the next event loop turn like a real keychain.
// For tests, and for a token handed over on start-up (FOLLOWME_TOKEN) that must not be saved.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    using CredentialStore::CredentialStore;

    void load(const QString &account) override;
    void store(const QString &account, const QString &secret) override;
    QString description() const override;

private:
    QHash<QString, QString> m_secrets;
};
