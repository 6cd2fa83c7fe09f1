#include "KeychainCredentialStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

KeychainCredentialStore::KeychainCredentialStore(QObject *parent)
    : CredentialStore(parent)
    , m_service(QCoreApplication::applicationName() + u" sync token"_s)
{ }

void KeychainCredentialStore::load(const QString &account)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    job->setInsecureFallback(true);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError)
            emit loaded(account, read->textData());
        else if (read->error() == QKeychain::EntryNotFound)
            emit loaded(account, QString());
        else
            emit failed(account, read->errorString());
    });
    job->start();
}

void KeychainCredentialStore::store(const QString &account, const QString &secret)
{
    QKeychain::Job *job = nullptr;
    if (secret.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(m_service, this);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(secret);
        job = write;
    }
    job->setKey(account);
    job->setInsecureFallback(true);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound)
            emit stored(account);
        else
            emit failed(account, finished->errorString());
    });
    job->start();
}

QString KeychainCredentialStore::description() const
{
    return tr("kept in your system's credential store; where there is none, in FollowMe's own "
              "settings file, readable by you only");
}
