#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// Where the user's token is kept. Asynchronous, because platform keychains are; tests use a
// scripted store instead of the real one.
//
// Every request has an answer of its own, through its own callback, tied to its account: a
// caller that has moved on (to another server) can tell a late answer from the one it waits for,
// and one whose context object is gone gets none.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Place {
        Nowhere, // load: nothing stored; store: the entry was removed
        Keychain, // the platform's credential store
        File, // the fallback file, readable by the user only (location)
    };
    Q_ENUM(Place)

    struct Answer
    {
        QString account;
        QString secret; // load: the secret, empty when none is stored
        Place place = Place::Nowhere;
        QString location; // Place::File: the file's path
        QString error; // not empty: the request failed, and why
        bool ok() const { return error.isEmpty(); }
    };
    using Callback = std::function<void(const Answer &answer)>;

    using QObject::QObject;

    // Answers later (never before returning) through `done`, unless `context` is gone by then.
    virtual void load(const QString &account, QObject *context, Callback done) = 0;
    // An empty secret removes the entry. Answers like load(), with where the secret went.
    virtual void store(const QString &account, const QString &secret, QObject *context,
                       Callback done) = 0;

protected:
    // Calls `done` on the next event loop turn, if `context` still exists then.
    static void answerLater(QObject *context, Callback done, Answer answer);
    // Calls `done` now, if `context` still exists (for answers that already come late).
    static void answerNow(const QPointer<QObject> &context, const Callback &done,
                          const Answer &answer);
};
