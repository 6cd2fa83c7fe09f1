#pragma once

#include "CredentialStore.h"

#include <QHash>

// Keeps secrets in memory only, answering on the next event loop turn like a real keychain.
// For tests.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    using CredentialStore::CredentialStore;

    void load(const QString &account, QObject *context, Callback done) override;
    void store(const QString &account, const QString &secret, QObject *context,
               Callback done) override;

    // What is stored now, for tests.
    QHash<QString, QString> secrets() const { return m_secrets; }

private:
    QHash<QString, QString> m_secrets;
};
