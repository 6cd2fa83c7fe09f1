#include "RefusalText.h"

// Whole sentences per code, each naming the device: languages place the device, the call kind
// and the verb differently, so no sentence is put together from pieces.

QString RefusalText::ruleEdit(Protocol::ErrorCode code, const QString &deviceName, CallKind kind)
{
    using Code = Protocol::ErrorCode;
    const QString calls = CallKinds::callsTitle(kind);
    switch (code) {
    case Code::Invalid:
        return tr("The server did not accept the new values for “%1”; the change to %2 was "
                  "undone.")
            .arg(deviceName, calls);
    case Code::Locked:
        return tr("Your administrator has locked “%1”; the change to %2 was undone.")
            .arg(deviceName, calls);
    case Code::Forbidden:
        return tr("You may not change “%1”; the change to %2 was undone.").arg(deviceName, calls);
    case Code::NotFound:
        return tr("“%1” is no longer one of your devices; the change to %2 was undone.")
            .arg(deviceName, calls);
    case Code::Unsupported:
        return tr("The server cannot make this change to “%1”; the change to %2 was undone.")
            .arg(deviceName, calls);
    case Code::TooLarge:
        return tr("The change to %2 for “%1” was too large for the server and was undone.")
            .arg(deviceName, calls);
    case Code::Malformed:
        return tr("The server could not read the change to %2 for “%1”; it was undone.")
            .arg(deviceName, calls);
    case Code::Unauthorized:
        return tr("The server no longer accepts your token; the change to %2 for “%1” was "
                  "undone.")
            .arg(deviceName, calls);
    case Code::RateLimited:
        return tr("Too many changes in a short time: the change to %2 for “%1” was undone. Try "
                  "again in a moment.")
            .arg(deviceName, calls);
    case Code::Internal:
        break;
    }
    // Internal is passing trouble of the server (protocol.md §4.3): the edit is kept and sent
    // again, so the sentence says so rather than that it was undone.
    return tr("The server could not save the change to %2 for “%1” just now; FollowMe keeps it "
              "and sends it again.")
        .arg(deviceName, calls);
}

QString RefusalText::controlledDevice(Protocol::ErrorCode code, const QString &deviceName)
{
    using Code = Protocol::ErrorCode;
    switch (code) {
    case Code::Invalid:
        return tr("“%1” cannot be the device this client controls; your choice was undone.")
            .arg(deviceName);
    case Code::Locked:
        return tr("Your administrator decides which device this client controls; your choice of "
                  "“%1” was undone.")
            .arg(deviceName);
    case Code::Forbidden:
        return tr("You may not choose “%1” as the device this client controls; your choice was "
                  "undone.")
            .arg(deviceName);
    case Code::NotFound:
        return tr("“%1” is no longer one of your devices; your choice of the device this client "
                  "controls was undone.")
            .arg(deviceName);
    case Code::Unsupported:
        return tr("The server cannot let this client control “%1”; your choice was undone.")
            .arg(deviceName);
    case Code::TooLarge:
        return tr("Your choice of “%1” as the device this client controls was too large for the "
                  "server and was undone.")
            .arg(deviceName);
    case Code::Malformed:
        return tr("The server could not read your choice of “%1” as the device this client "
                  "controls; it was undone.")
            .arg(deviceName);
    case Code::Unauthorized:
        return tr("The server no longer accepts your token; your choice of “%1” as the device "
                  "this client controls was undone.")
            .arg(deviceName);
    case Code::RateLimited:
        return tr("Too many changes in a short time: your choice of “%1” as the device this "
                  "client controls was undone. Try again in a moment.")
            .arg(deviceName);
    case Code::Internal:
        break;
    }
    return tr("The server could not save your choice of “%1” as the device this client "
              "controls just now; FollowMe keeps it and sends it again.")
        .arg(deviceName);
}

QString RefusalText::connection(Protocol::ErrorCode code)
{
    switch (code) {
    case Protocol::ErrorCode::Unauthorized:
        return tr("The server refused your token.");
    case Protocol::ErrorCode::Unsupported:
        return tr("The server does not speak this client's protocol version.");
    case Protocol::ErrorCode::RateLimited:
        return tr("The server asks this client to wait before connecting again.");
    default:
        return tr("The server turned the connection down.");
    }
}

QString RefusalText::profileEdit(Protocol::ErrorCode code, const QString &profileName)
{
    using Code = Protocol::ErrorCode;
    switch (code) {
    case Code::Internal:
        return tr("The server could not save your change of profiles just now; FollowMe keeps "
                  "it and tries again.");
    case Code::NotFound:
        return tr("The profile “%1” no longer exists; your change was undone.").arg(profileName);
    case Code::Locked:
    case Code::Forbidden:
        return tr("Your administrator manages this; your change of profiles was undone.");
    case Code::Unauthorized:
        return tr("The server no longer accepts your token; your change of profiles was undone.");
    case Code::RateLimited:
        return tr("Too many changes in a short time: your change of profiles was undone. Try "
                  "again in a moment.");
    case Code::Invalid:
    case Code::Unsupported:
    case Code::TooLarge:
    case Code::Malformed:
        break;
    }
    return tr("The server did not accept your change of profiles; it was undone.");
}
