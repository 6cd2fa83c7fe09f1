#include "KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCredentials, "followme.credentials")

namespace {

// A keychain that is there but refused us (the user said no) is an answer, not a missing
// keychain: its token must not silently move into a file.
bool keychainMissing(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound
        && error != QKeychain::AccessDenied && error != QKeychain::AccessDeniedByUser;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString &fallbackPath, QObject *parent)
    : CredentialStore(parent)
    , m_service(QCoreApplication::applicationName() + u" sync token"_s)
    , m_file(fallbackPath)
{ }

void KeychainCredentialStore::load(const QString &account, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    job->setAutoDelete(true);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, account, context = QPointer<QObject>(context),
         done = std::move(done)](QKeychain::Job *finished) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (read->error() == QKeychain::NoError) {
                answerNow(context, done, {account, read->textData(), Place::Keychain, {}, {}});
            } else if (read->error() == QKeychain::EntryNotFound) {
                // Stored while there was no keychain, maybe.
                answerNow(context, done, loadFromFile(account, {}));
            } else if (keychainMissing(read->error())) {
                qCInfo(lcCredentials)
                    << "no keychain, reading" << m_file.path() << "instead:" << read->errorString();
                answerNow(context, done, loadFromFile(account, read->errorString()));
            } else {
                answerNow(context, done, {account, {}, Place::Nowhere, {}, read->errorString()});
            }
        });
    job->start();
}

void KeychainCredentialStore::store(const QString &account, const QString &secret, QObject *context,
                                    Callback done)
{
    QKeychain::Job *job = nullptr;
    if (secret.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(secret);
        job = write;
    }
    job->setKey(account);
    job->setAutoDelete(true);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, account, secret, context = QPointer<QObject>(context),
         done = std::move(done)](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                // In the keychain now: no copy may stay behind in the file.
                QString problem;
                if (!m_file.write(account, QString(), &problem))
                    qCWarning(lcCredentials) << "an old copy stays behind:" << problem;
                answerNow(
                    context, done,
                    {account, secret, secret.isEmpty() ? Place::Nowhere : Place::Keychain, {}, {}});
            } else if (keychainMissing(error)) {
                qCInfo(lcCredentials) << "no keychain, writing" << m_file.path()
                                      << "instead:" << finished->errorString();
                answerNow(context, done, storeInFile(account, secret, finished->errorString()));
            } else {
                answerNow(context, done,
                          {account, secret, Place::Nowhere, {}, finished->errorString()});
            }
        });
    job->start();
}

CredentialStore::Answer KeychainCredentialStore::loadFromFile(const QString &account,
                                                              const QString &keychainProblem) const
{
    QString error;
    const auto token = m_file.read(account, &error);
    if (!token) {
        if (!keychainProblem.isEmpty())
            error = tr("no keychain (%1), and %2").arg(keychainProblem, error);
        return {account, {}, Place::Nowhere, {}, error};
    }
    if (token->isEmpty())
        return {account, {}, Place::Nowhere, {}, {}};
    return {account, *token, Place::File, m_file.path(), {}};
}

CredentialStore::Answer KeychainCredentialStore::storeInFile(const QString &account,
                                                             const QString &secret,
                                                             const QString &keychainProblem) const
{
    QString error;
    if (!m_file.write(account, secret, &error)) {
        if (!keychainProblem.isEmpty())
            error = tr("no keychain (%1), and %2").arg(keychainProblem, error);
        return {account, secret, Place::Nowhere, {}, error};
    }
    if (secret.isEmpty())
        return {account, {}, Place::Nowhere, {}, {}};
    return {account, secret, Place::File, m_file.path(), {}};
}
