#pragma once

#include <QTimer>
#include <QWidget>

class ElidingComboBox;
class PlanEditor;
class QAction;
class QLabel;
class QMenu;
class QToolButton;
struct WeekSchedule;
struct ClientMessage;

// The profile picker above the call kind tabs: which ring plan is active ("Office", "Home
// office", Do not disturb), why and until when ("Office — until 17:00, then Home office"), and a
// menu to make, rename and delete profiles, turn Do not disturb on for an hour, or go back to the
// schedule. Every change goes through the PlanEditor, so it can be undone and is sent like any
// edit; the line is kept true as the clock passes a switch.
class ProfileBar : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileBar(PlanEditor *editor, QWidget *parent = nullptr);

    ElidingComboBox *picker() const { return m_picker; }
    QLabel *stateLabel() const { return m_state; }
    QToolButton *menuButton() const { return m_menuButton; }
    QMenu *menu() const { return m_menu; }

    // The width its label wants, and the width to give it (to line up with labels above).
    int labelWidthHint() const;
    void setLabelWidth(int width);
    // The texts again, in the current language (also on its own LanguageChange).
    void retranslate();

    // The menu's commands without their dialogs (the tests', and the dialogs' once answered).
    void addProfile(const QString &name);
    void renameActiveProfile(const QString &name);
    void removeProfile(const QString &profileId);
    void doNotDisturbFor(int minutes);
    void followSchedule();
    // The schedule the editor gives, as one undoable step.
    void setSchedule(const WeekSchedule &schedule);
    // A profile id for a new profile named `name`, unique among the user's.
    QString newProfileId(const QString &name) const;

    // The profile the page shows below (empty: the active one), which the bar then names.
    void setShownProfile(const QString &profileId);
    QLabel *viewNote() const { return m_viewNote; }

signals:
    // A change was refused; the reason, in the user's language.
    void refused(const QString &reason);
    // The user wants to see and edit this profile's rules (empty: the active one's).
    void showProfileRequested(const QString &profileId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void sync();
    void syncMenu();
    void choose(int index);
    void askNewProfile();
    void askRename();
    void editSchedule();
    void run(const ClientMessage &edit);
    void scheduleTick();

    PlanEditor *m_editor;
    QLabel *m_label;
    ElidingComboBox *m_picker;
    QLabel *m_state;
    QToolButton *m_menuButton;
    QMenu *m_menu;
    QAction *m_newAction;
    QAction *m_renameAction;
    QMenu *m_removeMenu;
    QMenu *m_showMenu;
    QLabel *m_viewNote;
    QToolButton *m_showActive;
    QString m_shown;
    QAction *m_quietAction;
    QAction *m_followAction;
    QAction *m_scheduleAction;
    QTimer m_tick;
};
