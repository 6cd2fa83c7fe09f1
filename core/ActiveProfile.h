#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Which profile is active, since when and why, and a profile chosen by hand over the schedule.
struct ActiveProfile
{
    // Who made the last switch: the schedule (the server's clock), the user, or the
    // administrator.
    enum class By { Schedule, User, Administrator };

    // A profile chosen by hand that wins over the schedule until `until` (UTC); an invalid
    // `until`: until it is changed.
    struct Override
    {
        QString profileId;
        QDateTime until;
        By by = By::User;
        // Where a timed override goes back to when the schedule has no say then (there is none,
        // or it leaves that time alone): the profile active before it. Empty: stay.
        QString resumeProfileId;

        bool holdsAt(const QDateTime &now) const { return !until.isValid() || now < until; }
        friend bool operator==(const Override &a, const Override &b)
        {
            return a.profileId == b.profileId && a.until == b.until && a.by == b.by
                && a.resumeProfileId == b.resumeProfileId;
        }
    };

    QString profileId; // empty: RingProfile::standardId, the document has no profiles
    By by = By::User;
    QDateTime since; // UTC; invalid: not known
    std::optional<Override> override;

    static QString byKey(By by);
    static std::optional<By> byFromKey(const QString &key);

    friend bool operator==(const ActiveProfile &a, const ActiveProfile &b)
    {
        return a.profileId == b.profileId && a.by == b.by && a.since == b.since
            && a.override == b.override;
    }
    friend bool operator!=(const ActiveProfile &a, const ActiveProfile &b) { return !(a == b); }
};
