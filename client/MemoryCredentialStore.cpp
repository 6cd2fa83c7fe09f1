#include "MemoryCredentialStore.h"

#include <QTimer>

void MemoryCredentialStore::load(const QString &account)
{
    const QString secret = m_secrets.value(account);
    QTimer::singleShot(0, this, [this, account, secret] { emit loaded(account, secret); });
}

void MemoryCredentialStore::store(const QString &account, const QString &secret)
{
    if (secret.isEmpty())
        m_secrets.remove(account);
    else
        m_secrets.insert(account, secret);
    QTimer::singleShot(0, this, [this, account] { emit stored(account); });
}

QString MemoryCredentialStore::description() const
{
    return tr("kept in memory for this session only");
}
