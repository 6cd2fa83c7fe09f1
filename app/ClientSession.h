#pragma once

#include "SettingsDocument.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>

class Connection;
class FirstSettingsWait;
class SettingsWindow;
class SyncClient;
class Translator;

// The client as it normally runs: the settings live on the server, the window shows them (from
// the cache until the server answers) and every edit goes through the sync client. Only wiring:
// the Connection owns the link, the token and their settings.
class ClientSession : public QObject
{
    Q_OBJECT

public:
    // `server` and `token` come from the command line / environment and win over the saved
    // ones; a token given this way is used for this run only, never stored.
    ClientSession(Translator *translator, const QUrl &server, const QString &token,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    // How long the window waits for the server's first settings at most (150 ms); before start().
    void setFirstSettingsDeadline(std::chrono::milliseconds deadline)
    {
        m_firstSettingsDeadline = deadline;
    }
    // Connects; the window opens once the first settings are in (windowOpened).
    void start();

    // What start() brought up, for the startup check.
    SyncClient *syncClient() const;
    const SettingsDocument *document() const { return &m_document; }
    // Null until windowOpened.
    SettingsWindow *window() const { return m_window.get(); }

signals:
    void windowOpened(); // window() is there and shown

private:
    void openWindow();

    SettingsDocument m_document;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<SettingsWindow> m_window;
    std::unique_ptr<FirstSettingsWait> m_firstSettings;
    QStringList m_earlyNotices; // until the window opens
    // A server nearby answers within a few milliseconds: the window is then built and painted
    // once, with its settings. Longer than this, and it opens on the cache (if any) and shows
    // how the connecting goes.
    std::chrono::milliseconds m_firstSettingsDeadline {150};
    Translator *m_translator;
};
