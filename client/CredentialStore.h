#pragma once

#include <QObject>
#include <QString>

// Where the user's token is kept. Asynchronous, because platform keychains are; tests use an
// in-memory store instead of the real one.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Answers with loaded() (an empty secret when there is none) or failed().
    virtual void load(const QString &account) = 0;
    // Answers with stored() or failed(). An empty secret removes the entry.
    virtual void store(const QString &account, const QString &secret) = 0;
    // Where secrets end up, in words for the Connection page.
    virtual QString description() const = 0;

signals:
    void loaded(const QString &account, const QString &secret);
    void stored(const QString &account);
    void failed(const QString &account, const QString &reason);
};
