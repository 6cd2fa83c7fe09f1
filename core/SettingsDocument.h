#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QObject>

#include <optional>

// The settings the client is showing, observable. Every edit, whoever makes it (a spinner, the
// chart, later the server), goes through here and is checked the same way: an edit that is out
// of range, names an unknown device or touches a locked one is refused and changes nothing.
class SettingsDocument : public QObject
{
    Q_OBJECT

public:
    explicit SettingsDocument(QObject *parent = nullptr);

    const FollowMeSettings &settings() const { return m_settings; }

    // Replaces everything, e.g. after loading a file. Refuses settings that do not validate.
    std::optional<ValidationError> reset(const FollowMeSettings &settings);

    std::optional<ValidationError> setRule(const QString &deviceId, CallKind kind,
                                           const RingRule &rule);
    std::optional<ValidationError> setControlledDevice(const QString &deviceId);

signals:
    void settingsReset();
    void ruleChanged(int deviceIndex, CallKind kind);
    void controlledDeviceChanged(const QString &deviceId);
    // After any accepted change that altered something.
    void changed();

private:
    FollowMeSettings m_settings;
};
