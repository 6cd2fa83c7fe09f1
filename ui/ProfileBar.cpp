#include "ProfileBar.h"

#include "ClientMessage.h"
#include "ElidingComboBox.h"
#include "PlanEditor.h"
#include "ProfileEditing.h"
#include "ProfileText.h"
#include "ScheduleDialog.h"
#include "SettingsDocument.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

ProfileBar::ProfileBar(PlanEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(u"profileBar"_s);
    m_label = new QLabel(this);
    m_picker = new ElidingComboBox(this);
    m_picker->setObjectName(u"profilePicker"_s);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setMinimumContentsLength(18);
    m_label->setBuddy(m_picker);
    connect(m_picker, &QComboBox::activated, this, &ProfileBar::choose);

    m_menu = new QMenu(this);
    m_menu->setObjectName(u"profileMenu"_s);
    m_newAction = m_menu->addAction(QString(), this, &ProfileBar::askNewProfile);
    m_renameAction = m_menu->addAction(QString(), this, &ProfileBar::askRename);
    m_removeMenu = m_menu->addMenu(QString());
    m_removeMenu->setObjectName(u"removeProfileMenu"_s);
    m_showMenu = m_menu->addMenu(QString());
    m_showMenu->setObjectName(u"showProfileMenu"_s);
    m_menu->addSeparator();
    m_quietAction = m_menu->addAction(QString(), this, [this] { doNotDisturbFor(60); });
    m_followAction = m_menu->addAction(QString(), this, &ProfileBar::followSchedule);
    m_menu->addSeparator();
    m_scheduleAction = m_menu->addAction(QString(), this, &ProfileBar::editSchedule);
    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(u"profileMenuButton"_s);
    m_menuButton->setMenu(m_menu);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_state = new QLabel(this);
    m_state->setObjectName(u"profileState"_s);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_state->setFocusPolicy(Qt::NoFocus);

    // The state under the picker it speaks of, not under the label.
    auto *pickerRow = new QHBoxLayout;
    pickerRow->setContentsMargins(0, 0, 0, 0);
    pickerRow->addWidget(m_picker);
    pickerRow->addWidget(m_menuButton);
    pickerRow->addStretch(1);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_label, 0, 0);
    grid->addLayout(pickerRow, 0, 1);
    grid->addWidget(m_state, 1, 1);
    // Says when the plan below is not the one in force.
    m_viewNote = new QLabel(this);
    m_viewNote->setObjectName(u"profileViewNote"_s);
    m_viewNote->setWordWrap(true);
    m_viewNote->hide();
    m_showActive = new QToolButton(this);
    m_showActive->setObjectName(u"showActiveProfile"_s);
    m_showActive->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_showActive->hide();
    connect(m_showActive, &QToolButton::clicked, this, [this] { emit showProfileRequested({}); });
    auto *noteRow = new QHBoxLayout;
    noteRow->setContentsMargins(0, 0, 0, 0);
    noteRow->addWidget(m_viewNote, 1);
    noteRow->addWidget(m_showActive);
    grid->addLayout(noteRow, 2, 1);
    grid->setColumnStretch(1, 1);

    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &ProfileBar::sync);
    connect(editor->document(), &SettingsDocument::profilesChanged, this, &ProfileBar::sync);
    connect(editor->document(), &SettingsDocument::settingsReset, this, &ProfileBar::sync);
    connect(editor->document(), &SettingsDocument::deviceChanged, this, &ProfileBar::sync);
    retranslate();
}

void ProfileBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

int ProfileBar::labelWidthHint() const
{
    return m_label->sizeHint().width();
}

void ProfileBar::setLabelWidth(int width)
{
    m_label->setMinimumWidth(width);
}

void ProfileBar::retranslate()
{
    m_label->setText(tr("&Profile:"));
    m_picker->setAccessibleName(tr("Profile"));
    m_state->setAccessibleName(tr("Active profile"));
    m_menuButton->setText(tr("Profiles"));
    m_menuButton->setToolTip(tr("Make, rename or delete profiles"));
    m_newAction->setText(tr("&New profile…"));
    m_removeMenu->setTitle(tr("&Delete profile"));
    m_showMenu->setTitle(tr("S&how and edit"));
    m_showActive->setText(tr("Show the active plan"));
    m_quietAction->setText(tr("Do not disturb for one &hour"));
    m_followAction->setText(tr("&Follow the schedule"));
    m_scheduleAction->setText(tr("Edit the &schedule…"));
    sync();
}

void ProfileBar::sync()
{
    const FollowMeSettings &settings = m_editor->document()->settings();
    const QString active = settings.activeProfileId();
    QList<QPair<QString, QString>> wanted;
    for (const QString &id : settings.profileIds())
        wanted.append({ProfileText::name(settings, id), id});
    wanted.append(
        {ProfileText::name(settings, RingProfile::doNotDisturbId), RingProfile::doNotDisturbId});
    bool same = m_picker->count() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = m_picker->itemText(i) == wanted.at(i).first
            && m_picker->itemData(i).toString() == wanted.at(i).second;
    const QSignalBlocker blocker(m_picker);
    if (!same) {
        m_picker->clear();
        for (const auto &[text, id] : std::as_const(wanted))
            m_picker->addItem(text, id);
    }
    m_picker->setCurrentIndex(m_picker->findData(active));
    m_picker->setToolTip(m_picker->currentText());

    const QDateTime now = m_editor->now();
    QString state = ProfileText::current(settings, now);
    if (const QString by = ProfileText::chosenBy(settings); !by.isEmpty())
        state = tr("%1. %2.", "the active profile until when, who chose it").arg(state, by);
    if (settings.doNotDisturb())
        state += u' ' + ProfileText::doNotDisturbEffect(settings);
    if (settings.scheduleLocked)
        state += u' ' + tr("Your administrator manages your schedule.");
    m_picker->setEnabled(!settings.scheduleLocked);
    const bool other = !m_shown.isEmpty() && m_shown != settings.activeProfileId();
    if (other)
        m_viewNote->setText(tr("Below: “%1”, which is not active. Changes to it take effect when "
                               "it is.")
                                .arg(ProfileText::name(settings, m_shown)));
    m_viewNote->setVisible(other);
    m_showActive->setVisible(other);
    m_state->setText(state);
    // With one plan chosen by hand the line would only repeat the picker.
    m_state->setVisible(state != m_picker->currentText());
    m_picker->setAccessibleDescription(state);
    syncMenu();
    scheduleTick();
}

void ProfileBar::syncMenu()
{
    const FollowMeSettings &settings = m_editor->document()->settings();
    const QString active = settings.activeProfileId();
    const bool quiet = settings.doNotDisturb();
    m_renameAction->setText(quiet ? tr("&Rename profile…")
                                  : tr("&Rename “%1”…").arg(ProfileText::name(settings, active)));
    m_renameAction->setEnabled(!quiet);
    m_removeMenu->clear();
    for (const RingProfile &profile : settings.profiles) {
        if (profile.id == active)
            continue;
        const QString id = profile.id;
        m_removeMenu->addAction(ProfileText::name(settings, id), this,
                                [this, id] { removeProfile(id); });
    }
    m_removeMenu->setEnabled(!m_removeMenu->isEmpty());
    // Any profile's rules can be looked at and changed, the active one's or another's.
    m_showMenu->clear();
    const QString shown = m_shown.isEmpty() ? active : m_shown;
    for (const QString &id : settings.profileIds()) {
        const QString name = ProfileText::name(settings, id);
        QAction *action = m_showMenu->addAction(
            id == active ? tr("%1 (active)", "a profile in a menu").arg(name) : name, this,
            [this, id, active] { emit showProfileRequested(id == active ? QString() : id); });
        action->setCheckable(true);
        action->setChecked(id == shown);
    }
    m_quietAction->setEnabled(!quiet);
    m_followAction->setEnabled(!settings.schedule.isEmpty() && settings.active.override
                               && !settings.scheduleLocked);
    // The administrator's lock: the user's changes would be refused.
    m_scheduleAction->setEnabled(!settings.scheduleLocked);
    m_quietAction->setEnabled(!quiet && !settings.scheduleLocked);
}

void ProfileBar::setShownProfile(const QString &profileId)
{
    m_shown = profileId;
    sync();
}

void ProfileBar::scheduleTick()
{
    // The line names times ("until 17:00"): it is made again at the next minute, when a switch
    // may have come and gone.
    const QDateTime now = m_editor->now();
    const qint64 toNextMinute = 60'000 - (now.time().second() * 1000 + now.time().msec());
    m_tick.start(int(std::clamp<qint64>(toNextMinute, 1000, 60'000)));
}

void ProfileBar::choose(int index)
{
    const QString id = m_picker->itemData(index).toString();
    if (id == m_editor->document()->settings().activeProfileId())
        return;
    run(ClientMessage::setActiveProfile({}, id));
}

void ProfileBar::run(const ClientMessage &edit)
{
    if (const auto problem = m_editor->editProfiles(edit)) {
        emit refused(problem->reason);
        sync();
    }
}

QString ProfileBar::newProfileId(const QString &name) const
{
    QString base;
    for (QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            base += c;
        else if (!base.isEmpty() && !base.endsWith(u'-'))
            base += u'-';
    }
    while (base.endsWith(u'-'))
        base.chop(1);
    base = base.left(40);
    if (base.isEmpty() || base == RingProfile::doNotDisturbId)
        base = u"profile"_s;
    const FollowMeSettings &settings = m_editor->document()->settings();
    QString id = base;
    for (int n = 2; ProfileEditing::isKnown(settings, id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

void ProfileBar::addProfile(const QString &name)
{
    run(ClientMessage::addProfile({}, newProfileId(name), name.trimmed()));
}

void ProfileBar::renameActiveProfile(const QString &name)
{
    run(ClientMessage::renameProfile({}, m_editor->document()->settings().activeProfileId(),
                                     name.trimmed()));
}

void ProfileBar::removeProfile(const QString &profileId)
{
    run(ClientMessage::removeProfile({}, profileId));
}

void ProfileBar::doNotDisturbFor(int minutes)
{
    run(ClientMessage::setActiveProfile({}, RingProfile::doNotDisturbId,
                                        m_editor->now().addSecs(qint64(minutes) * 60)));
}

void ProfileBar::followSchedule()
{
    run(ClientMessage::setActiveProfile({}, {}));
}

void ProfileBar::setSchedule(const WeekSchedule &schedule)
{
    run(ClientMessage::setSchedule({}, schedule));
}

void ProfileBar::editSchedule()
{
    ScheduleDialog dialog(m_editor->document()->settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        setSchedule(dialog.schedule());
}

void ProfileBar::askNewProfile()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("New profile"),
        tr("Name of the new profile (it starts as a copy of the active one):"), QLineEdit::Normal,
        QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        addProfile(name);
}

void ProfileBar::askRename()
{
    const FollowMeSettings &settings = m_editor->document()->settings();
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename profile"), tr("New name:"), QLineEdit::Normal,
                              ProfileText::name(settings, settings.activeProfileId()), &ok);
    if (ok && !name.trimmed().isEmpty())
        renameActiveProfile(name);
}
