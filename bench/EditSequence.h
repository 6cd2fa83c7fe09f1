// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The setRule edits one session sends: each with a new request id, and alternating the delay of
// one device's external rule between two values, so every edit really changes the rule (an
// edit that changes nothing is acked without a commit or a push).
class EditSequence
{
public:
    EditSequence(const QString &idPrefix, const QString &device);

    // The next edit's text; lastId() is its request id.
    QString next();
    QString lastId() const { return m_lastId; }

private:
    QString m_prefix;
    QString m_device;
    QString m_lastId;
    int m_count = 0;
};
