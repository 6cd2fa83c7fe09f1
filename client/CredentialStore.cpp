#include "CredentialStore.h"

#include <QTimer>

void CredentialStore::answerLater(QObject *context, Callback done, Answer answer)
{
    // With a context, QTimer drops the call when the context is destroyed first.
    QTimer::singleShot(0, context,
                       [done = std::move(done), answer = std::move(answer)] { done(answer); });
}

void CredentialStore::answerNow(const QPointer<QObject> &context, const Callback &done,
                                const Answer &answer)
{
    if (context)
        done(answer);
}
