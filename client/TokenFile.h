#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// The tokens where no keychain works: a JSON object of account → token in one file that only
// the user can read (mode 0600 on Unix; on Windows the per-user AppData folder is the user's
// alone), always replaced as a whole (AtomicFile), so it is never half written.
class TokenFile
{
    Q_DECLARE_TR_FUNCTIONS(TokenFile)

public:
    explicit TokenFile(const QString &path);

    // Where FollowMe keeps it: tokens.json in the application's config folder.
    static QString defaultPath();

    QString path() const { return m_path; }

    // The account's token, empty when there is none (or no file); nullopt with `error` set when
    // the file exists but can't be read.
    std::optional<QString> read(const QString &account, QString *error) const;
    // An empty token removes the account (and the file with the last one).
    bool write(const QString &account, const QString &token, QString *error) const;

private:
    QString m_path;
};
