#include "MemoryCredentialStore.h"

void MemoryCredentialStore::load(const QString &account, QObject *context, Callback done)
{
    const QString secret = m_secrets.value(account);
    answerLater(context, std::move(done),
                {account, secret, secret.isEmpty() ? Place::Nowhere : Place::Memory, {}, {}});
}

void MemoryCredentialStore::store(const QString &account, const QString &secret, QObject *context,
                                  Callback done)
{
    if (secret.isEmpty())
        m_secrets.remove(account);
    else
        m_secrets.insert(account, secret);
    answerLater(context, std::move(done),
                {account, secret, secret.isEmpty() ? Place::Nowhere : Place::Memory, {}, {}});
}
