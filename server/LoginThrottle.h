#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

// Slows down failed logins per address (docs/protocol.md 3.1): each failed hello is answered
// after a wait that doubles with every failure in a row (0.25 s, 0.5 s, … up to 8 s), and an
// address with 20 failures within 10 minutes is refused outright with rate_limited. Answers
// to parallel attempts from one address queue behind each other, so opening many connections
// at once does not bypass the wait.
class LoginThrottle
{
public:
    using Milliseconds = std::chrono::milliseconds;

    struct Policy
    {
        Milliseconds firstDelay {250};
        Milliseconds maxDelay {8000};
        int failureLimit = 20;
        Milliseconds window {10 * 60 * 1000};
    };

    LoginThrottle();
    explicit LoginThrottle(const Policy &policy);

    const Policy &policy() const { return m_policy; }

    // `now` is any monotonic clock reading; the server passes its steady clock.
    bool isBlocked(const QString &address, Milliseconds now);
    // Records a failure; returns how long to wait before answering it.
    Milliseconds recordFailure(const QString &address, Milliseconds now);
    // A successful login ends the run of failures in a row (the 10-minute count stays).
    void recordSuccess(const QString &address);

private:
    struct Entry
    {
        int failuresInARow = 0;
        QList<Milliseconds> failures; // within the window, oldest first
        Milliseconds answerAt {0};
    };

    void forgetExpired(Entry &entry, Milliseconds now) const;
    void prune(Milliseconds now);

    Policy m_policy;
    QHash<QString, Entry> m_entries;
};
