#pragma once

#include "CallKind.h"
#include "ProtocolError.h"
#include "RuleChange.h"
#include "WeekSchedule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// A message from a client to the server (docs/protocol.md, sections 3 and 4). Decoding checks
// everything that can be checked without the server's state: types, ids, call kinds, bounds.
struct ClientMessage
{
    Q_DECLARE_TR_FUNCTIONS(ClientMessage)

public:
    enum class Type {
        Hello,
        SetRule,
        SetControlledDevice,
        // Profiles (docs/protocol.md, section 4.5).
        SetActiveProfile,
        AddProfile,
        RenameProfile,
        RemoveProfile,
        SetProfileRule,
        SetSchedule,
        // Not a message of the wire: the server's own clock asking for the schedule to be
        // applied now (ProfileClock).
        FollowSchedule,
    };

    Type type = Type::Hello;
    // hello
    int protocol = 0;
    QString token;
    QString client;
    // edits
    QString requestId;
    QString deviceId; // setControlledDevice: empty for none
    CallKind callKind = CallKind::External;
    RuleChange change;
    // profiles
    QString profileId; // setActiveProfile: empty to follow the schedule
    QString name;
    QDateTime until; // setActiveProfile: invalid for "until it is changed"
    WeekSchedule schedule;

    static ClientMessage hello(const QString &token, const QString &client);
    static ClientMessage setRule(const QString &requestId, const QString &deviceId, CallKind kind,
                                 const RuleChange &change);
    static ClientMessage setControlledDevice(const QString &requestId, const QString &deviceId);
    static ClientMessage setActiveProfile(const QString &requestId, const QString &profileId,
                                          const QDateTime &until = {});
    static ClientMessage addProfile(const QString &requestId, const QString &profileId,
                                    const QString &name);
    static ClientMessage renameProfile(const QString &requestId, const QString &profileId,
                                       const QString &name);
    static ClientMessage removeProfile(const QString &requestId, const QString &profileId);
    static ClientMessage setProfileRule(const QString &requestId, const QString &profileId,
                                        const QString &deviceId, CallKind kind,
                                        const RuleChange &change);
    static ClientMessage setSchedule(const QString &requestId, const WeekSchedule &schedule);
    static ClientMessage followSchedule(const QString &requestId);

    // A message that changes the user's profiles or schedule rather than one rule or the
    // controlled device.
    bool isProfileEdit() const;

    QJsonObject toJson() const;
    QByteArray encode() const;

    // The message's JSON object, read by the protocol's rules (size, StrictJson); a refusal is
    // too_large or malformed.
    static std::optional<QJsonObject> readObject(const QByteArray &text, ProtocolError *error);
    // The object's "id" when it is one a refusal can carry back (a string of at most
    // maxRequestIdLength code units), else empty.
    static QString readableId(const QJsonObject &object);
    // The request id an edit or admin message must carry; false with an `invalid` refusal
    // (without an id) when it is missing, empty, not a string or too long.
    static bool readRequestId(const QJsonObject &object, QString *out, ProtocolError *error);

    static std::optional<ClientMessage> decode(const QByteArray &text, ProtocolError *error);
    static std::optional<ClientMessage> fromJson(const QJsonObject &object, ProtocolError *error);
};
