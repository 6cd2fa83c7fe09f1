#pragma once

#include "Protocol.h"

#include <QString>

// A refusal as it travels in an "error" message.
struct ProtocolError
{
    Protocol::ErrorCode code = Protocol::ErrorCode::Malformed;
    QString message;
    QString requestId; // empty when the refused message's id could not be read
};
