#pragma once

#include "FollowMeSettings.h"
#include "ValidationError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

// Reads and writes the settings document (docs/settings-format.md). Reading is all or nothing:
// the first problem is reported with the field it concerns, and no partly read settings escape.
class SettingsCodec
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCodec)

public:
    static constexpr int formatVersion = 1;
    static constexpr qsizetype maxDocumentBytes = 1024 * 1024;
    static constexpr int maxDevices = 100;
    static constexpr int maxIdLength = 64;
    static constexpr int maxNameLength = 100;
    static constexpr int maxNumberLength = 64;

    static std::optional<FollowMeSettings> decode(const QByteArray &json,
                                                  ValidationError *error = nullptr);
    static std::optional<FollowMeSettings> fromJson(const QJsonObject &object,
                                                    ValidationError *error = nullptr);
    static std::optional<RingRule> ruleFromJson(const QJsonValue &value, const QString &field,
                                                ValidationError *error = nullptr);
    // One entry of "unanswered", e.g. {"action": "number", "number": "+49 30 1234"}.
    static std::optional<UnansweredCall> unansweredFromJson(const QJsonValue &value,
                                                            const QString &field,
                                                            ValidationError *error = nullptr);

    static QByteArray encode(const FollowMeSettings &settings);
    static QJsonObject toJson(const FollowMeSettings &settings);
    static QJsonObject ruleToJson(const RingRule &rule);
    static QJsonObject unansweredToJson(const UnansweredCall &call);

    // The checks that need the whole document (bounds, unique ids, the controlled device, the
    // unanswered calls), for settings built in code as much as for parsed ones.
    static std::optional<ValidationError> validate(const FollowMeSettings &settings);
    static std::optional<ValidationError> validateRule(const RingRule &rule, const QString &field);
    static std::optional<ValidationError> validateDeviceId(const QString &id, const QString &field);
    static std::optional<ValidationError> validateUnanswered(const UnansweredCall &call,
                                                             const QString &field);
};
