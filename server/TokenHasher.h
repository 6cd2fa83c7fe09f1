#pragma once

#include <QByteArray>
#include <QString>

// How tokens are stored: never in plain text. Each token gets its own random salt and is kept
// as SHA-256(salt + token). The lookup key (a 32-bit prefix of an unsalted hash) only narrows a
// login down to a few rows; it is far too short to confirm a guess.
class TokenHasher
{
public:
    struct Hashed
    {
        QString lookup;
        QByteArray salt;
        QByteArray hash;
    };

    // A new random token: 32 bytes from the system's CSPRNG, base64url (43 characters).
    static QString generate();
    static Hashed hash(const QString &token);
    static QString lookupKey(const QString &token);
    // Compares in constant time, so the answer's timing reveals nothing about the hash.
    static bool matches(const QString &token, const QByteArray &salt, const QByteArray &hash);
};
