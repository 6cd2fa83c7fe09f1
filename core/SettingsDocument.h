#pragma once

#include "CallKind.h"
#include "ClientMessage.h"
#include "FollowMeSettings.h"
#include "RuleChange.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>

#include <optional>

// The settings the client is showing, observable. Every edit of the user (a spinner, the chart,
// undo) goes through here and is checked the same way: an edit that is out of range, names an
// unknown device or touches a locked one is refused and changes nothing. Accepted edits are
// announced as intents (ruleEdited, controlledDeviceEdited) carrying exactly what changed, for
// the sync to send as they are. Settings from the server come in through reset() and update(),
// which never announce an intent: they are not the user's edits.
class SettingsDocument : public QObject
{
    Q_OBJECT

public:
    explicit SettingsDocument(QObject *parent = nullptr);

    const FollowMeSettings &settings() const { return m_settings; }

    // Replaces everything, e.g. after loading a file. Refuses settings that do not validate.
    std::optional<ValidationError> reset(const FollowMeSettings &settings);

    // Takes settings that came from elsewhere (the server), locked devices included. When the
    // devices are the same ones in the same order, only what changed is announced, so views
    // keep their state (a focused spinner stays focused, and greys out if its device was
    // locked); otherwise this is a reset.
    std::optional<ValidationError> update(const FollowMeSettings &settings);

    // The user's own edits: refused for locked or unknown devices and out-of-range values.
    // checkRule() says whether setRule() would accept an edit, without making it; so does
    // checkControlledDevice() for setControlledDevice().
    std::optional<ValidationError> checkRule(const QString &deviceId, CallKind kind,
                                             const RingRule &rule) const;
    // Changes the given fields of one rule; the others keep their value.
    std::optional<ValidationError> editRule(const QString &deviceId, CallKind kind,
                                            const RuleChange &change);
    // The same edit, given as the whole rule the user wants.
    std::optional<ValidationError> setRule(const QString &deviceId, CallKind kind,
                                           const RingRule &rule);
    // An empty id: the client controls no device.
    std::optional<ValidationError> checkControlledDevice(const QString &deviceId) const;
    std::optional<ValidationError> setControlledDevice(const QString &deviceId);
    // A profile edit (docs/protocol.md 4.5: choose, add, rename, remove a profile, change a
    // profile's rule, set the schedule) made as the server makes it (ProfileEditing) at `now`,
    // then announced as profileEdited. The refusal's reason is for the user.
    std::optional<ValidationError> editProfiles(const ClientMessage &edit, const QDateTime &now);
    // What the schedule and the override want at `now` (an --offline file, which no server
    // keeps on time), taken like settings from elsewhere: no intent.
    void followSchedule(const QDateTime &now);

    // Edits made here that the server has not confirmed yet, for the views to mark.
    bool isRulePending(const QString &deviceId, CallKind kind) const;
    bool isControlledDevicePending() const { return m_controlledDevicePending; }
    void setPending(const QSet<QString> &ruleKeys, bool controlledDevice);
    static QString ruleKey(const QString &deviceId, CallKind kind);

signals:
    void settingsReset();
    // A device's name, kind, number, lock or workspace changed.
    void deviceChanged(int deviceIndex);
    void pendingChanged();
    // A rule or the controlled device changed, whoever changed it: for the views.
    void ruleChanged(int deviceIndex, CallKind kind);
    void controlledDeviceChanged(const QString &deviceId);
    // The profiles, the active one or the schedule changed, whoever changed them.
    void profilesChanged();
    // The user's intents, after the change is made: only the fields that changed. Never emitted
    // by reset() or update().
    void ruleEdited(const QString &deviceId, CallKind kind, const RuleChange &change);
    void controlledDeviceEdited(const QString &deviceId);
    // The edit as it was made (without a request id), for the sync to send.
    void profileEdited(const ClientMessage &edit);
    // After any accepted change that altered something.
    void changed();

private:
    // Takes `settings` (valid) and announces what changed, as update() does.
    void announce(const FollowMeSettings &settings);

    FollowMeSettings m_settings;
    QSet<QString> m_pendingRules;
    bool m_controlledDevicePending = false;
};
