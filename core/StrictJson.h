#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

// Reads JSON text the way docs/protocol.md §2.1 demands, for the wire and for the files the
// client keeps: RFC 8259 exactly (well-formed UTF-8, no raw control characters in strings, only
// the standard escapes, paired surrogates), no duplicate member names, at most maxDepth nested
// arrays and objects, numbers that fit a 64-bit integer or a double, and no byte order mark
// (a file reader that allows one strips it first: SettingsCodec::decode). QJsonDocument::fromJson
// can't be used for this: it accepts raw control characters and unknown escapes, and drops a U+FEFF
// at the start of a string.
//
// Parsing is done by simdjson (Debian: libsimdjson-dev; see docs/dependencies.md), which
// validates all of RFC 8259; this class adds the protocol's own rules while it builds the
// QJsonObject the codecs read.
class StrictJson
{
    Q_DECLARE_TR_FUNCTIONS(StrictJson)

public:
    static constexpr int maxDepth = 32; // the outermost object counts as 1

    // The object the text holds, or nullopt with the reason in *error (in words, for people).
    static std::optional<QJsonObject> parseObject(QByteArrayView text, QString *error);
};
