#pragma once

#include "CallKind.h"
#include "Protocol.h"

#include <QCoreApplication>
#include <QString>

// What the user reads when the server refuses something, worded here from the refusal's code in
// the user's language. The server's own `message` is English prose for the log: it is never
// shown, so a German window never shows a mixed-language notice.
class RefusalText
{
    Q_DECLARE_TR_FUNCTIONS(RefusalText)

public:
    // A refused edit of the rule of `deviceName` for calls of `kind`, which was undone.
    static QString ruleEdit(Protocol::ErrorCode code, const QString &deviceName, CallKind kind);
    // A refused choice of `deviceName` as the device the client controls, which was undone.
    static QString controlledDevice(Protocol::ErrorCode code, const QString &deviceName);
    // A change of profiles or the schedule; `profileName` is the profile it concerns (empty for
    // the schedule).
    static QString profileEdit(Protocol::ErrorCode code, const QString &profileName);
    // The server turned the connection itself down (an error outside any edit, before the link
    // is up), for the Connection page's "last problem".
    static QString connection(Protocol::ErrorCode code);
};
