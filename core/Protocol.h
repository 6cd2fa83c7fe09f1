#pragma once

#include <QString>

#include <optional>

// Constants and codes of sync protocol v1 (docs/protocol.md), shared by client and server.
class Protocol
{
public:
    static constexpr int version = 1;
    static constexpr qsizetype maxMessageBytes = 64 * 1024;
    static constexpr quint16 defaultPort = 8765;
    static constexpr int maxRequestIdLength = 64;

    enum class ErrorCode {
        Invalid,
        Locked,
        Forbidden,
        NotFound,
        Unsupported,
        TooLarge,
        Malformed,
        Unauthorized,
        RateLimited,
        Internal,
    };

    // WebSocket close codes beyond RFC 6455's.
    enum CloseCode : quint16 {
        CloseProtocolViolation = 4000,
        CloseUnauthorized = 4001,
        CloseUnsupportedVersion = 4002,
        CloseRateLimited = 4029,
    };

    static QString errorKey(ErrorCode code);
    static std::optional<ErrorCode> errorFromKey(const QString &key);
    // Whether a client may reconnect by itself after the server closed with this code.
    static bool mayReconnectAfter(quint16 closeCode);
};
