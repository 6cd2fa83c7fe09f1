#include "ProfileTray.h"

#include "ClientMessage.h"
#include "Icons.h"
#include "PlanEditor.h"
#include "ProfileText.h"
#include "SettingsDocument.h"

#include <QActionGroup>
#include <QEvent>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

ProfileTray::ProfileTray(PlanEditor *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(Icons::application(), this))
{
    m_menu->setObjectName(u"trayMenu"_s);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                    emit showWindowRequested();
            });
    SettingsDocument *document = editor->document();
    // Queued: a switch from the menu changes the profiles while its action is still firing,
    // and the menu must not delete that action under it.
    connect(document, &SettingsDocument::profilesChanged, this, &ProfileTray::rebuild,
            Qt::QueuedConnection);
    connect(document, &SettingsDocument::settingsReset, this, &ProfileTray::rebuild,
            Qt::QueuedConnection);
    rebuild();
}

ProfileTray::~ProfileTray()
{
    // A context menu has no parent (QSystemTrayIcon takes none).
    delete m_menu;
}

void ProfileTray::showIfAvailable()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_icon->show();
}

void ProfileTray::rebuild()
{
    const FollowMeSettings &settings = m_editor->document()->settings();
    const QString state = ProfileText::current(settings, m_editor->now());
    m_icon->setToolTip(tr("FollowMe: %1").arg(state));

    m_menu->clear();
    delete m_group;
    m_group = new QActionGroup(this);
    QActionGroup *group = m_group;
    auto addChoice = [&](const QString &id) {
        QAction *action = m_menu->addAction(ProfileText::name(settings, id));
        action->setCheckable(true);
        action->setChecked(id == settings.activeProfileId());
        action->setActionGroup(group);
        connect(action, &QAction::triggered, this, [this, id] {
            if (id == m_editor->document()->settings().activeProfileId())
                return;
            // Refused (the administrator locked the schedule): the check goes back, and why is
            // in the tooltip.
            if (const auto problem =
                    m_editor->editProfiles(ClientMessage::setActiveProfile({}, id))) {
                m_icon->setToolTip(problem->reason);
                QMetaObject::invokeMethod(this, &ProfileTray::rebuild, Qt::QueuedConnection);
            }
        });
        action->setEnabled(!settings.scheduleLocked);
    };
    for (const QString &id : settings.profileIds())
        addChoice(id);
    m_menu->addSeparator();
    addChoice(RingProfile::doNotDisturbId);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Show FollowMe")), &QAction::triggered, this,
            &ProfileTray::showWindowRequested);
    connect(m_menu->addAction(tr("Quit")), &QAction::triggered, this, &ProfileTray::quitRequested);
}
