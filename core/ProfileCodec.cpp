#include "ProfileCodec.h"

#include "SettingsCodec.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString dayKeys[] = {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};

ValidationError problem(ValidationError::Code code, const QString &field, const QString &reason)
{
    return ValidationError {code, field, reason};
}

std::optional<ValidationError> wrongType(const QString &field, const QString &reason)
{
    return problem(ValidationError::Code::WrongType, field, reason);
}

// "08:00" … "24:00" as minutes after midnight.
std::optional<int> minutesFromText(const QString &text)
{
    if (text == u"24:00"_s)
        return WeekSchedule::minutesPerDay;
    const QTime time = QTime::fromString(text, u"HH:mm"_s);
    if (!time.isValid() || text.size() != 5)
        return std::nullopt;
    return time.hour() * 60 + time.minute();
}

// A wall-clock date and time, "2026-12-24T00:00", without a zone: the schedule's applies.
bool wallClockFromText(const QString &text, QDate *date, QTime *time)
{
    const QDateTime parsed = QDateTime::fromString(text, u"yyyy-MM-ddTHH:mm"_s);
    if (!parsed.isValid() || text.size() != 16)
        return false;
    *date = parsed.date();
    *time = parsed.time();
    return true;
}

QString wallClockText(const QDate &date, const QTime &time)
{
    return date.toString(u"yyyy-MM-dd"_s) + u'T' + time.toString(u"HH:mm"_s);
}

std::optional<QDateTime> instantFromText(const QString &text)
{
    const QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
    // An instant must say it is UTC (or give its offset): a bare local time is ambiguous.
    if (!instant.isValid() || instant.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return instant.toUTC();
}

std::optional<ValidationError> readString(const QJsonObject &object, const QString &key,
                                          const QString &field, QString *out, bool optional)
{
    const QJsonValue value = object.value(key);
    if (optional && (value.isUndefined() || value.isNull())) {
        out->clear();
        return std::nullopt;
    }
    if (value.isUndefined())
        return problem(ValidationError::Code::Missing, field,
                       ProfileCodec::tr("is required but missing"));
    if (!value.isString())
        return wrongType(field, ProfileCodec::tr("must be a string"));
    *out = value.toString();
    return std::nullopt;
}

std::optional<ValidationError> readProfile(const QJsonValue &value, const QString &field,
                                           const FollowMeSettings &settings, RingProfile *profile)
{
    if (!value.isObject())
        return wrongType(field, ProfileCodec::tr("must be an object"));
    const QJsonObject object = value.toObject();
    if (auto error = readString(object, u"id"_s, field + u".id"_s, &profile->id, false))
        return error;
    if (auto error = readString(object, u"name"_s, field + u".name"_s, &profile->name, false))
        return error;
    const QJsonValue rulesValue = object.value(u"rules"_s);
    if (rulesValue.isUndefined() || rulesValue.isNull())
        return std::nullopt;
    if (!rulesValue.isObject())
        return wrongType(field + u".rules"_s, ProfileCodec::tr("must be an object"));
    const QJsonObject rules = rulesValue.toObject();
    for (auto it = rules.constBegin(); it != rules.constEnd(); ++it) {
        const QString deviceField = field + u".rules."_s + it.key();
        const Device *device = settings.device(it.key());
        if (!device)
            return problem(ValidationError::Code::UnknownId, deviceField,
                           ProfileCodec::tr("no device has the id \"%1\"").arg(it.key()));
        if (!it.value().isObject())
            return wrongType(deviceField, ProfileCodec::tr("must be an object"));
        const QJsonObject kinds = it.value().toObject();
        for (auto kind = kinds.constBegin(); kind != kinds.constEnd(); ++kind) {
            if (!CallKinds::fromKey(kind.key()))
                return problem(ValidationError::Code::UnknownCallKind,
                               deviceField + u'.' + kind.key(),
                               ProfileCodec::tr("\"%1\" is not a known call kind").arg(kind.key()));
        }
        RingProfile::DeviceRules deviceRules = device->rules;
        for (CallKind kind : CallKinds::all()) {
            const QString ruleField = deviceField + u'.' + CallKinds::key(kind);
            const QJsonValue ruleValue = kinds.value(CallKinds::key(kind));
            if (ruleValue.isUndefined())
                return problem(ValidationError::Code::Missing, ruleField,
                               ProfileCodec::tr("is required but missing"));
            ValidationError ruleError;
            const auto rule = SettingsCodec::ruleFromJson(ruleValue, ruleField, &ruleError);
            if (!rule)
                return ruleError;
            deviceRules.at(CallKinds::index(kind)) = *rule;
        }
        // The administrator's values rule a locked device in every profile.
        if (!device->isLocked())
            profile->rules.insert(device->id, deviceRules);
    }
    return std::nullopt;
}

std::optional<ValidationError> readOverride(const QJsonObject &root, ActiveProfile *active);

std::optional<ValidationError> readActive(const QJsonObject &root, ActiveProfile *active)
{
    const QJsonValue value = root.value(u"activeProfile"_s);
    if (value.isUndefined() || value.isNull())
        return readOverride(root, active);
    if (!value.isObject())
        return wrongType(u"activeProfile"_s, ProfileCodec::tr("must be an object"));
    const QJsonObject object = value.toObject();
    if (auto error = readString(object, u"id"_s, u"activeProfile.id"_s, &active->profileId, false))
        return error;
    QString by;
    if (auto error = readString(object, u"by"_s, u"activeProfile.by"_s, &by, true))
        return error;
    if (!by.isEmpty()) {
        const auto parsed = ActiveProfile::byFromKey(by);
        if (!parsed)
            return problem(ValidationError::Code::Invalid, u"activeProfile.by"_s,
                           ProfileCodec::tr("must be \"schedule\", \"user\" or \"admin\""));
        active->by = *parsed;
    }
    QString since;
    if (auto error = readString(object, u"since"_s, u"activeProfile.since"_s, &since, true))
        return error;
    if (!since.isEmpty()) {
        const auto instant = instantFromText(since);
        if (!instant)
            return problem(ValidationError::Code::Invalid, u"activeProfile.since"_s,
                           ProfileCodec::tr("must be a UTC time such as 2026-12-04T07:00:00Z"));
        active->since = *instant;
    }
    return readOverride(root, active);
}

std::optional<ValidationError> readOverride(const QJsonObject &root, ActiveProfile *active)
{
    const QJsonValue overrideValue = root.value(u"override"_s);
    if (overrideValue.isUndefined() || overrideValue.isNull())
        return std::nullopt;
    if (!overrideValue.isObject())
        return wrongType(u"override"_s, ProfileCodec::tr("must be an object"));
    const QJsonObject overrideObject = overrideValue.toObject();
    ActiveProfile::Override override;
    if (auto error = readString(overrideObject, u"profile"_s, u"override.profile"_s,
                                &override.profileId, false))
        return error;
    QString until;
    if (auto error = readString(overrideObject, u"until"_s, u"override.until"_s, &until, true))
        return error;
    if (!until.isEmpty()) {
        const auto instant = instantFromText(until);
        if (!instant)
            return problem(ValidationError::Code::Invalid, u"override.until"_s,
                           ProfileCodec::tr("must be a UTC time such as 2026-12-04T17:00:00Z"));
        override.until = *instant;
    }
    QString overrideBy;
    if (auto error = readString(overrideObject, u"by"_s, u"override.by"_s, &overrideBy, true))
        return error;
    if (!overrideBy.isEmpty()) {
        const auto parsed = ActiveProfile::byFromKey(overrideBy);
        if (!parsed || *parsed == ActiveProfile::By::Schedule)
            return problem(ValidationError::Code::Invalid, u"override.by"_s,
                           ProfileCodec::tr("must be \"user\" or \"admin\""));
        override.by = *parsed;
    }
    if (auto error = readString(overrideObject, u"then"_s, u"override.then"_s,
                                &override.resumeProfileId, true))
        return error;
    active->override = override;
    return std::nullopt;
}

} // namespace

QString ProfileCodec::instantText(const QDateTime &instant)
{
    // Milliseconds only where there are any: a switch set to the second reads as one.
    const QDateTime utc = instant.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QString ProfileCodec::dayKey(int day)
{
    return dayKeys[qBound(1, day, 7) - 1];
}

std::optional<WeekSchedule> ProfileCodec::scheduleFromJson(const QJsonValue &value,
                                                           const QString &field,
                                                           ValidationError *error)
{
    auto fail = [error](const ValidationError &problem) -> std::optional<WeekSchedule> {
        if (error)
            *error = problem;
        return std::nullopt;
    };
    WeekSchedule schedule;
    if (value.isUndefined() || value.isNull())
        return schedule;
    if (!value.isObject())
        return fail(*wrongType(field, tr("must be an object")));
    const QJsonObject object = value.toObject();
    QString zone;
    if (auto problem = readString(object, u"timeZone"_s, field + u".timeZone"_s, &zone, false))
        return fail(*problem);
    schedule.timeZone = zone.toUtf8();
    if (auto problem =
            readString(object, u"otherwise"_s, field + u".otherwise"_s, &schedule.otherwise, true))
        return fail(*problem);

    const QJsonValue week = object.value(u"week"_s);
    if (!week.isUndefined() && !week.isArray())
        return fail(*wrongType(field + u".week"_s, tr("must be an array")));
    const QJsonArray ranges = week.toArray();
    for (int i = 0; i < ranges.size(); ++i) {
        const QString rangeField = field + u".week["_s + QString::number(i) + u']';
        if (!ranges.at(i).isObject())
            return fail(*wrongType(rangeField, tr("must be an object")));
        const QJsonObject rangeObject = ranges.at(i).toObject();
        WeekSchedule::Range range;
        QString day, from, to;
        if (auto problem = readString(rangeObject, u"day"_s, rangeField + u".day"_s, &day, false))
            return fail(*problem);
        range.day = static_cast<int>(std::find(std::begin(dayKeys), std::end(dayKeys), day)
                                     - std::begin(dayKeys))
            + 1;
        if (range.day > 7)
            return fail(problem(ValidationError::Code::Invalid, rangeField + u".day"_s,
                                tr("must be one of \"mon\" … \"sun\"")));
        if (auto problem =
                readString(rangeObject, u"from"_s, rangeField + u".from"_s, &from, false))
            return fail(*problem);
        if (auto problem = readString(rangeObject, u"to"_s, rangeField + u".to"_s, &to, false))
            return fail(*problem);
        const auto start = minutesFromText(from);
        const auto end = minutesFromText(to);
        if (!start || *start == WeekSchedule::minutesPerDay)
            return fail(problem(ValidationError::Code::Invalid, rangeField + u".from"_s,
                                tr("must be a time from 00:00 to 23:59")));
        if (!end || *end == 0)
            return fail(problem(ValidationError::Code::Invalid, rangeField + u".to"_s,
                                tr("must be a time from 00:01 to 24:00")));
        range.start = *start;
        range.end = *end;
        if (auto problem = readString(rangeObject, u"profile"_s, rangeField + u".profile"_s,
                                      &range.profileId, false))
            return fail(*problem);
        schedule.ranges.append(range);
    }

    const QJsonValue exceptionsValue = object.value(u"exceptions"_s);
    if (!exceptionsValue.isUndefined() && !exceptionsValue.isArray())
        return fail(*wrongType(field + u".exceptions"_s, tr("must be an array")));
    const QJsonArray exceptions = exceptionsValue.toArray();
    for (int i = 0; i < exceptions.size(); ++i) {
        const QString exceptionField = field + u".exceptions["_s + QString::number(i) + u']';
        if (!exceptions.at(i).isObject())
            return fail(*wrongType(exceptionField, tr("must be an object")));
        const QJsonObject exceptionObject = exceptions.at(i).toObject();
        WeekSchedule::Exception exception;
        QString from, to;
        if (auto problem =
                readString(exceptionObject, u"from"_s, exceptionField + u".from"_s, &from, false))
            return fail(*problem);
        if (auto problem =
                readString(exceptionObject, u"to"_s, exceptionField + u".to"_s, &to, false))
            return fail(*problem);
        if (!wallClockFromText(from, &exception.fromDate, &exception.fromTime))
            return fail(problem(ValidationError::Code::Invalid, exceptionField + u".from"_s,
                                tr("must be a date and time such as 2026-12-24T00:00")));
        if (!wallClockFromText(to, &exception.toDate, &exception.toTime))
            return fail(problem(ValidationError::Code::Invalid, exceptionField + u".to"_s,
                                tr("must be a date and time such as 2026-12-27T00:00")));
        if (auto problem = readString(exceptionObject, u"profile"_s, exceptionField + u".profile"_s,
                                      &exception.profileId, false))
            return fail(*problem);
        if (auto problem = readString(exceptionObject, u"label"_s, exceptionField + u".label"_s,
                                      &exception.label, true))
            return fail(*problem);
        schedule.exceptions.append(exception);
    }
    if (const auto sentence = schedule.problem())
        return fail(problem(ValidationError::Code::Invalid, field, *sentence));
    return schedule;
}

QJsonObject ProfileCodec::scheduleToJson(const WeekSchedule &schedule)
{
    QJsonArray week;
    for (const WeekSchedule::Range &range : schedule.ranges)
        week.append(QJsonObject {{u"day"_s, dayKey(range.day)},
                                 {u"from"_s, WeekSchedule::clock(range.start)},
                                 {u"to"_s, WeekSchedule::clock(range.end)},
                                 {u"profile"_s, range.profileId}});
    QJsonArray exceptions;
    for (const WeekSchedule::Exception &exception : schedule.exceptions) {
        QJsonObject object {{u"from"_s, wallClockText(exception.fromDate, exception.fromTime)},
                            {u"to"_s, wallClockText(exception.toDate, exception.toTime)},
                            {u"profile"_s, exception.profileId}};
        if (!exception.label.isEmpty())
            object.insert(u"label"_s, exception.label);
        exceptions.append(object);
    }
    return QJsonObject {
        {u"timeZone"_s, QString::fromUtf8(schedule.timeZone)},
        {u"otherwise"_s,
         schedule.otherwise.isEmpty() ? QJsonValue() : QJsonValue(schedule.otherwise)},
        {u"week"_s, week},
        {u"exceptions"_s, exceptions},
    };
}

bool ProfileCodec::read(const QJsonObject &root, FollowMeSettings *settings, ValidationError *error)
{
    auto fail = [error](const ValidationError &problem) {
        if (error)
            *error = problem;
        return false;
    };
    const QJsonValue profilesValue = root.value(u"profiles"_s);
    if (!profilesValue.isUndefined() && !profilesValue.isNull()) {
        if (!profilesValue.isArray())
            return fail(*wrongType(u"profiles"_s, tr("must be an array")));
        const QJsonArray profiles = profilesValue.toArray();
        if (profiles.size() > maxProfiles)
            return fail(problem(ValidationError::Code::TooLarge, u"profiles"_s,
                                tr("%1 profiles are more than the limit of %2")
                                    .arg(profiles.size())
                                    .arg(maxProfiles)));
        for (int i = 0; i < profiles.size(); ++i) {
            RingProfile profile;
            const QString field = u"profiles["_s + QString::number(i) + u']';
            if (auto problem = readProfile(profiles.at(i), field, *settings, &profile))
                return fail(*problem);
            settings->profiles.append(profile);
        }
    }
    if (auto problem = readActive(root, &settings->active))
        return fail(*problem);
    // Profiles without activeProfile: "standard" is the active one (validate() refuses the
    // document unless it is among them); said explicitly, so it is written back.
    if (!settings->profiles.isEmpty() && settings->active.profileId.isEmpty()
        && settings->profile(RingProfile::standardId))
        settings->active.profileId = RingProfile::standardId;
    // The active profile's rules are the devices' own: any it was given are not used.
    if (const int active = settings->profileIndex(settings->active.profileId); active >= 0)
        settings->profiles[active].rules.clear();
    ValidationError scheduleError;
    const auto schedule =
        scheduleFromJson(root.value(u"schedule"_s), u"schedule"_s, &scheduleError);
    if (!schedule)
        return fail(scheduleError);
    settings->schedule = *schedule;
    const QJsonValue locked = root.value(u"scheduleLocked"_s);
    if (!locked.isUndefined() && !locked.isNull() && !locked.isBool())
        return fail(*wrongType(u"scheduleLocked"_s, tr("must be true or false")));
    settings->scheduleLocked = locked.toBool(false);
    return true;
}

void ProfileCodec::write(const FollowMeSettings &settings, QJsonObject *root)
{
    if (!settings.profiles.isEmpty()) {
        const QString active = settings.activeProfileId();
        QJsonArray profiles;
        for (const RingProfile &profile : settings.profiles) {
            QJsonObject object {{u"id"_s, profile.id}, {u"name"_s, profile.name}};
            if (profile.id != active) {
                QJsonObject rules;
                for (const Device &device : settings.devices) {
                    if (device.isLocked())
                        continue;
                    const RingProfile::DeviceRules deviceRules =
                        profile.rules.value(device.id, device.rules);
                    QJsonObject kinds;
                    for (CallKind kind : CallKinds::all())
                        kinds.insert(
                            CallKinds::key(kind),
                            SettingsCodec::ruleToJson(deviceRules.at(CallKinds::index(kind))));
                    rules.insert(device.id, kinds);
                }
                object.insert(u"rules"_s, rules);
            }
            profiles.append(object);
        }
        root->insert(u"profiles"_s, profiles);
    }
    if (!settings.active.profileId.isEmpty()) {
        QJsonObject active {{u"id"_s, settings.active.profileId},
                            {u"by"_s, ActiveProfile::byKey(settings.active.by)}};
        if (settings.active.since.isValid())
            active.insert(u"since"_s, instantText(settings.active.since));
        root->insert(u"activeProfile"_s, active);
    }
    if (const auto &override = settings.active.override) {
        QJsonObject object {
            {u"profile"_s, override->profileId},
            {u"until"_s,
             override->until.isValid() ? QJsonValue(instantText(override->until)) : QJsonValue()},
            {u"by"_s, ActiveProfile::byKey(override->by)}};
        if (!override->resumeProfileId.isEmpty())
            object.insert(u"then"_s, override->resumeProfileId);
        root->insert(u"override"_s, object);
    }
    if (!settings.schedule.isEmpty())
        root->insert(u"schedule"_s, scheduleToJson(settings.schedule));
    if (settings.scheduleLocked)
        root->insert(u"scheduleLocked"_s, true);
}

std::optional<ValidationError> ProfileCodec::validateProfileId(const QString &id,
                                                               const QString &field)
{
    return SettingsCodec::validateDeviceId(id, field);
}

std::optional<ValidationError> ProfileCodec::validateName(const QString &name, const QString &field)
{
    if (name.trimmed().isEmpty())
        return problem(ValidationError::Code::Invalid, field, tr("must not be empty"));
    if (name.size() > SettingsCodec::maxNameLength)
        return problem(ValidationError::Code::TooLarge, field,
                       tr("is longer than %1 characters").arg(SettingsCodec::maxNameLength));
    return std::nullopt;
}

std::optional<ValidationError> ProfileCodec::validate(const FollowMeSettings &settings)
{
    if (settings.profiles.size() > maxProfiles)
        return problem(ValidationError::Code::TooLarge, u"profiles"_s,
                       tr("%1 profiles are more than the limit of %2")
                           .arg(settings.profiles.size())
                           .arg(maxProfiles));
    for (int i = 0; i < settings.profiles.size(); ++i) {
        const RingProfile &profile = settings.profiles.at(i);
        const QString field = u"profiles["_s + QString::number(i) + u']';
        if (auto error = validateProfileId(profile.id, field + u".id"_s))
            return error;
        if (profile.id == RingProfile::doNotDisturbId)
            return problem(ValidationError::Code::Invalid, field + u".id"_s,
                           tr("\"%1\" is the built-in Do not disturb").arg(profile.id));
        if (settings.profileIndex(profile.id) != i)
            return problem(ValidationError::Code::Duplicate, field + u".id"_s,
                           tr("\"%1\" is the id of another profile").arg(profile.id));
        // Only the implicit profile of a document may go without a name.
        if (!(profile.id == RingProfile::standardId && profile.name.isEmpty())) {
            if (auto error = validateName(profile.name, field + u".name"_s))
                return error;
        }
        for (auto it = profile.rules.constBegin(); it != profile.rules.constEnd(); ++it) {
            if (!settings.device(it.key()))
                return problem(ValidationError::Code::UnknownId, field + u".rules."_s + it.key(),
                               tr("no device has the id \"%1\"").arg(it.key()));
            for (CallKind kind : CallKinds::all()) {
                if (auto error = SettingsCodec::validateRule(it.value().at(CallKinds::index(kind)),
                                                             field + u".rules."_s + it.key() + u'.'
                                                                 + CallKinds::key(kind)))
                    return error;
            }
        }
    }
    auto known = [&settings](const QString &id) {
        return id == RingProfile::doNotDisturbId
            || (settings.profiles.isEmpty() ? id == RingProfile::standardId
                                            : settings.profile(id) != nullptr);
    };
    if (!settings.active.profileId.isEmpty() && !known(settings.active.profileId))
        return problem(ValidationError::Code::UnknownId, u"activeProfile.id"_s,
                       tr("no profile has the id \"%1\"").arg(settings.active.profileId));
    // Profiles without the one that is active: nothing says whose rules the devices hold.
    if (!settings.profiles.isEmpty() && !known(settings.activeProfileId()))
        return problem(ValidationError::Code::Missing, u"activeProfile"_s,
                       tr("is required when there are profiles: which one is active"));
    if (settings.doNotDisturb() && settings.profiles.isEmpty())
        return problem(ValidationError::Code::Missing, u"profiles"_s,
                       tr("Do not disturb needs the profile it keeps the rules of"));
    if (const auto &override = settings.active.override) {
        if (!known(override->profileId))
            return problem(ValidationError::Code::UnknownId, u"override.profile"_s,
                           tr("no profile has the id \"%1\"").arg(override->profileId));
        if (!override->resumeProfileId.isEmpty() && !known(override->resumeProfileId))
            return problem(ValidationError::Code::UnknownId, u"override.then"_s,
                           tr("no profile has the id \"%1\"").arg(override->resumeProfileId));
    }
    if (const auto sentence = settings.schedule.problem())
        return problem(ValidationError::Code::Invalid, u"schedule"_s, *sentence);
    if (!settings.schedule.otherwise.isEmpty() && !known(settings.schedule.otherwise))
        return problem(ValidationError::Code::UnknownId, u"schedule.otherwise"_s,
                       tr("no profile has the id \"%1\"").arg(settings.schedule.otherwise));
    for (int i = 0; i < settings.schedule.ranges.size(); ++i) {
        const QString &id = settings.schedule.ranges.at(i).profileId;
        if (!known(id))
            return problem(ValidationError::Code::UnknownId,
                           u"schedule.week["_s + QString::number(i) + u"].profile"_s,
                           tr("no profile has the id \"%1\"").arg(id));
    }
    for (int i = 0; i < settings.schedule.exceptions.size(); ++i) {
        const QString &id = settings.schedule.exceptions.at(i).profileId;
        if (!known(id))
            return problem(ValidationError::Code::UnknownId,
                           u"schedule.exceptions["_s + QString::number(i) + u"].profile"_s,
                           tr("no profile has the id \"%1\"").arg(id));
    }
    return std::nullopt;
}
