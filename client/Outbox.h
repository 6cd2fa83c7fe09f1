#pragma once

#include "ClientMessage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The user's edits the server has not acknowledged yet, kept in a file so that quitting the
// client offline loses nothing. Each edit is a protocol message with its own request id, which
// the server uses to ignore a resend. Edits not yet sent are merged: a held-down spinner is one
// edit, not fifty.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    struct Entry
    {
        ClientMessage message;
        bool sent = false; // sent on the current connection (not kept in the file)
        // Sent at some time, so the server may have committed it under this id: a later edit
        // must not be merged into it (a resend would then be ignored). Edits read back from
        // the file count as sent.
        bool mayBeCommitted = false;
    };

    explicit Outbox(const QString &path = {}); // no path: kept in memory only

    // The server the edits are meant for. Edits are never sent to another one: an outbox file
    // of another server is set aside (FILE.other-server) on load.
    void setOwner(const QString &owner) { m_owner = owner; }
    QString owner() const { return m_owner; }
    QString path() const { return m_path; }

    // Reads the file; a missing file is an empty outbox. On a damaged file the outbox stays
    // empty and the file is kept aside (FILE.damaged) rather than overwritten.
    std::optional<QString> load();
    // Replaces the file (AtomicFile); the system's reason on failure, the file then unchanged.
    std::optional<QString> save() const;
    // How often save() wrote the file, for tests that check writes are batched.
    int writeCount() const { return m_writes; }

    const QList<Entry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }

    // Adds an edit of one rule, or merges it into the newest unsent edit of the same rule.
    void addRuleChange(const QString &deviceId, CallKind kind, const RuleChange &change);
    void setControlledDevice(const QString &deviceId);
    // A profile edit, as one entry of its own with a new request id: rule changes are not
    // merged across it (they apply to whichever profile is active when they are committed).
    void addProfileEdit(const ClientMessage &edit);

    std::optional<ClientMessage> take(const QString &requestId);
    void markSent(const QString &requestId);
    void markAllUnsent();
    // To be sent again on this link (the server could not save it just now); the edit, or
    // nullptr when there is none. It may still have been committed: a later edit never merges
    // into it.
    const ClientMessage *markUnsent(const QString &requestId);
    // Removes and returns the edits for which `drop` says true.
    QList<ClientMessage> removeIf(const std::function<bool(const ClientMessage &)> &drop);

private:
    static QString newRequestId();

    QString m_path;
    QString m_owner;
    QList<Entry> m_entries;
    mutable int m_writes = 0;
};
