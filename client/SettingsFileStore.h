#pragma once

#include "FollowMeSettings.h"
#include "SaveRetry.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

class SettingsDocument;

// Keeps a settings document in a file. Writes go through AtomicFile, so the file on disk is
// always either the old complete document or the new one, and only valid settings are written.
// Edits come in bursts (a spinner held down), so saving waits for a short quiet spell. A failed
// write (a full disk) keeps the change in memory and is tried again, sooner at first, until it
// succeeds: nothing is lost while space is short, and nothing is reported saved that isn't.
class SettingsFileStore : public QObject
{
    Q_OBJECT

public:
    explicit SettingsFileStore(const QString &path, QObject *parent = nullptr);
    ~SettingsFileStore() override;

    QString path() const { return m_path; }

    // Reads and validates the file; nothing is kept from a file that fails.
    static std::optional<FollowMeSettings> load(const QString &path,
                                                ValidationError *error = nullptr);
    // Writes the settings at once. Returns the reason on failure ("No space left on device");
    // the file is then unchanged.
    static std::optional<QString> save(const QString &path, const FollowMeSettings &settings);

    // Saves the document, `delayMs` after its last change.
    void watch(SettingsDocument *document, int delayMs = 300);
    // After a failed write the next try comes `first` later, then twice as long each time up to
    // `longest` (1 s and 30 s unless set).
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
    {
        m_retry.setDelays(first, longest);
    }
    // Writes a pending change now (also done on destruction); the reason if that failed.
    std::optional<QString> flush();
    bool hasPendingChange() const { return m_pending; }
    // Whether a write is due when the delay has passed; no write happens without one.
    bool isSaveScheduled() const { return m_saveTimer.isActive(); }
    bool isRetryScheduled() const { return m_retry.isScheduled(); }

signals:
    void saved();
    void saveFailed(const QString &reason);

private:
    QString m_path;
    QPointer<SettingsDocument> m_document;
    QTimer m_saveTimer;
    SaveRetry m_retry;
    bool m_pending = false;
};
