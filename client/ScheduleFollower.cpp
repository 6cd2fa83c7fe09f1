#include "ScheduleFollower.h"

#include "ProfileEditing.h"
#include "SettingsDocument.h"

#include <algorithm>

ScheduleFollower::ScheduleFollower(SettingsDocument *document, Clock clock, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScheduleFollower::follow);
    // An edit of the schedule or a profile chosen by hand moves the next switch.
    connect(document, &SettingsDocument::profilesChanged, this, &ScheduleFollower::arm);
    connect(document, &SettingsDocument::settingsReset, this, &ScheduleFollower::follow);
    follow();
}

void ScheduleFollower::follow()
{
    m_document->followSchedule(m_clock());
    arm();
}

void ScheduleFollower::arm()
{
    const QDateTime now = m_clock();
    const auto wake = ProfileEditing::nextWake(m_document->settings(), now);
    m_wake = wake ? *wake : QDateTime();
    if (!wake) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(*wake), 0, longestSleepMs)));
}
