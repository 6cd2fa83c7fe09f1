#pragma once

#include <QObject>

class PlanEditor;
class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;

// The system tray's FollowMe (where the platform has a tray): its tooltip says which profile is
// active and until when, and its menu switches profiles and Do not disturb without opening the
// window, through the same PlanEditor as the page (so Undo takes a switch back).
class ProfileTray : public QObject
{
    Q_OBJECT

public:
    ProfileTray(PlanEditor *editor, QObject *parent = nullptr);
    ~ProfileTray() override;

    // Shown where the desktop has a tray (not headless, not every Linux desktop).
    void showIfAvailable();
    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    // The menu and tooltip again, in the current language (a QObject gets no LanguageChange).
    void retranslate() { rebuild(); }

signals:
    void showWindowRequested();
    void quitRequested();

private:
    void rebuild();

    PlanEditor *m_editor;
    QMenu *m_menu;
    QActionGroup *m_group = nullptr;
    QSystemTrayIcon *m_icon;
};
