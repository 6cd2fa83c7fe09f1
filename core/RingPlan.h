#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "RingWindow.h"

#include <QList>
#include <QString>

// What happens, second by second, when a call of one kind arrives: which devices ring when.
class RingPlan
{
public:
    struct Entry
    {
        int deviceIndex = -1; // into FollowMeSettings::devices
        QString deviceId;
        RingWindow window;
    };

    RingPlan(const FollowMeSettings &settings, CallKind kind);

    CallKind callKind() const { return m_kind; }
    // One entry for each enabled device, in the settings' device order.
    const QList<Entry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    // The moment the last device stops ringing; 0 when no device rings at all.
    int lastRingEnd() const;
    // The devices (by index) that ring during the given second.
    QList<int> ringingAt(int second) const;

private:
    CallKind m_kind;
    QList<Entry> m_entries;
};
