#pragma once

#include "CredentialStore.h"

#include <QHash>
#include <QList>
#include <QStringList>

// A credential store the test answers by hand, in any order: for a keychain that answers late.
// With `holdLoads` false it answers loads on the next event loop turn, as a quick keychain would;
// stores are always answered that way (or fail with `storeFailure`).
class ScriptedCredentialStore : public CredentialStore
{
public:
    void load(const QString &account, QObject *context, Callback done) override
    {
        loads.append(account);
        if (!holdLoads) {
            answerLater(context, std::move(done), answerFor(account));
            return;
        }
        m_held.append({account, QPointer<QObject>(context), std::move(done)});
    }
    void store(const QString &account, const QString &secret, QObject *context,
               Callback done) override
    {
        stores.append(account);
        if (!storeFailure.isEmpty()) {
            answerLater(context, std::move(done),
                        {account, secret, Place::Nowhere, {}, storeFailure});
            return;
        }
        secrets.insert(account, secret);
        answerLater(context, std::move(done), {account, secret, Place::Keychain, {}, {}});
    }

    // Answers the oldest held load of `account` with what is stored for it; false if none.
    bool answerLoad(const QString &account)
    {
        for (qsizetype i = 0; i < m_held.size(); ++i) {
            if (m_held.at(i).account != account)
                continue;
            const Held held = m_held.takeAt(i);
            answerNow(held.context, held.done, answerFor(account));
            return true;
        }
        return false;
    }
    qsizetype heldLoads() const { return m_held.size(); }

    QHash<QString, QString> secrets;
    bool holdLoads = true;
    QString storeFailure;
    QStringList loads;
    QStringList stores;

private:
    struct Held
    {
        QString account;
        QPointer<QObject> context;
        Callback done;
    };
    Answer answerFor(const QString &account) const
    {
        const QString secret = secrets.value(account);
        return {account, secret, secret.isEmpty() ? Place::Nowhere : Place::Keychain, {}, {}};
    }

    QList<Held> m_held;
};
