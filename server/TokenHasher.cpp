#include "TokenHasher.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, '\0');
    QRandomGenerator *generator = QRandomGenerator::system();
    for (char &byte : bytes)
        byte = static_cast<char>(generator->bounded(256));
    return bytes;
}

QByteArray saltedHash(const QByteArray &salt, const QString &token)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(token.toUtf8());
    return hash.result();
}

} // namespace

QString TokenHasher::generate()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

TokenHasher::Hashed TokenHasher::hash(const QString &token)
{
    Hashed hashed;
    hashed.lookup = lookupKey(token);
    hashed.salt = randomBytes(16);
    hashed.hash = saltedHash(hashed.salt, token);
    return hashed;
}

QString TokenHasher::lookupKey(const QString &token)
{
    const QByteArray input = QByteArrayLiteral("followme-token-lookup:") + token.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(4).toHex());
}

bool TokenHasher::matches(const QString &token, const QByteArray &salt, const QByteArray &hash)
{
    const QByteArray candidate = saltedHash(salt, token);
    if (candidate.size() != hash.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < candidate.size(); ++i)
        difference |= static_cast<unsigned char>(candidate.at(i) ^ hash.at(i));
    return difference == 0;
}
