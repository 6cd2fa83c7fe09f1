#pragma once

#include <QString>

// Why a settings document or an edit was refused: a machine-readable code, the field it is
// about (a path such as "devices[2].rules.external.delay") and a translated reason.
struct ValidationError
{
    enum class Code {
        Unreadable, // the file could not be read
        Malformed, // not JSON, or not a JSON object
        TooLarge, // over a size or count limit
        Unsupported, // a format or version this build does not know
        Missing, // a required field is absent
        WrongType, // a field has the wrong JSON type
        OutOfRange, // a number outside its bounds
        Invalid, // a value that is malformed in itself (an empty id, …)
        Duplicate, // a device id used twice
        UnknownId, // a reference to a device that does not exist
        UnknownCallKind, // a rule for a call kind this build does not know
        Locked, // an edit to a device the administrator manages
    };

    Code code = Code::Invalid;
    QString field;
    QString reason;

    // "field: reason", or the reason alone when no field applies.
    QString message() const;
    static QString codeKey(Code code);
};
