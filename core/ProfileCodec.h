#pragma once

#include "FollowMeSettings.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

// The settings document's profile members (docs/settings-format.md, "Profiles and schedule"):
// "profiles", "activeProfile", "override", "schedule" and "scheduleLocked". SettingsCodec reads the
// devices first and hands the rest to this; the server stores exactly these members per user.
class ProfileCodec
{
    Q_DECLARE_TR_FUNCTIONS(ProfileCodec)

public:
    static constexpr int maxProfiles = 20;

    // Reads the members into `settings`, whose devices are read already. Absent members leave a
    // document without profiles, as version 1 documents before them were.
    static bool read(const QJsonObject &root, FollowMeSettings *settings, ValidationError *error);
    // Writes the members into `root`; a document without profiles, override or schedule gets none
    // of them, so it is written back as it was read.
    static void write(const FollowMeSettings &settings, QJsonObject *root);
    // The whole-document checks of the members: unique ids, names, the active profile, the
    // schedule's and override's profiles, the schedule itself.
    static std::optional<ValidationError> validate(const FollowMeSettings &settings);
    static std::optional<ValidationError> validateProfileId(const QString &id,
                                                            const QString &field);
    static std::optional<ValidationError> validateName(const QString &name, const QString &field);

    static QJsonObject scheduleToJson(const WeekSchedule &schedule);
    static std::optional<WeekSchedule>
    scheduleFromJson(const QJsonValue &value, const QString &field, ValidationError *error);
    static QString dayKey(int day);
    // An instant as the document writes it: UTC, "2026-12-04T17:00:00Z".
    static QString instantText(const QDateTime &instant);
};
