#pragma once

#include <QCoreApplication>
#include <QStringList>

// The folders FollowMe keeps the user's own data in: QSettings' file, the tokens' fallback file,
// unsent edits and the offline cache. Phone numbers and ring plans are no business of other
// local users, so the folders are the user's alone (0700) and the settings file too (0600).
// On Linux and the BSDs; Windows and macOS keep these folders per user by themselves.
class UserFolders
{
    Q_DECLARE_TR_FUNCTIONS(UserFolders)

public:
    // Creates the folders with mode 0700, or takes group and others' access away from ones an
    // older version made; also tightens QSettings' file. Returns what couldn't be done (the
    // caller logs it; FollowMe works on, less private).
    static QStringList makePrivate();
    // Where they are: the organisation's config folder (holding QSettings' file and the
    // application's config folder) and the application's data folder.
    static QStringList paths();
};
