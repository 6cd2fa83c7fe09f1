#pragma once

#include "ScheduleFollower.h"
#include "SettingsDocument.h"
#include "SettingsFileStore.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class SettingsWindow;
class Translator;

// The client working on a settings file instead of a server (followme --offline FILE): the
// document, the store that writes edits back to the file, the schedule kept on time (no server
// does it here), and the window showing it.
class OfflineSession
{
    Q_DECLARE_TR_FUNCTIONS(OfflineSession)

public:
    OfflineSession(const QString &path, Translator *translator);
    ~OfflineSession();

    std::optional<ValidationError> open();
    void show();
    SettingsWindow *window() const { return m_window.get(); }
    // Writes what is not written yet; the reason if that failed, so it is not lost unseen.
    std::optional<QString> finish();

private:
    QString m_path;
    Translator *m_translator;
    SettingsDocument m_document;
    SettingsFileStore m_store;
    std::unique_ptr<ScheduleFollower> m_schedule;
    std::unique_ptr<SettingsWindow> m_window;
};
