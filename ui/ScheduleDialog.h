#pragma once

#include "FollowMeSettings.h"
#include "WeekSchedule.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;
class WeekScheduleGrid;

// The schedule editor: the week painted on a grid (WeekScheduleGrid) with the profile chosen as
// the brush, the profile for every other time, the time zone, and dated exceptions (holidays,
// a vacation) on top. OK checks the schedule as the server will (overlapping exceptions, a zone
// it doesn't know) and says what is wrong instead of closing.
class ScheduleDialog : public QDialog
{
    Q_OBJECT

public:
    ScheduleDialog(const FollowMeSettings &settings, QWidget *parent = nullptr);

    WeekSchedule schedule() const;
    WeekScheduleGrid *grid() const { return m_grid; }
    QComboBox *brushPicker() const { return m_brush; }
    QComboBox *otherwisePicker() const { return m_otherwise; }
    QComboBox *zonePicker() const { return m_zone; }
    QTableWidget *exceptions() const { return m_exceptions; }
    QLabel *problemLabel() const { return m_problem; }

    // A new exception row: from/to local times, the profile, a label.
    void addException(const WeekSchedule::Exception &exception);

public slots:
    void accept() override;

private:
    QComboBox *profilePicker(bool withDefault);
    void removeSelectedException();

    QList<std::pair<QString, QString>> m_profiles; // id, name; Do not disturb last
    QComboBox *m_zone;
    QComboBox *m_otherwise;
    QComboBox *m_brush;
    WeekScheduleGrid *m_grid;
    QTableWidget *m_exceptions;
    QPushButton *m_addException;
    QPushButton *m_removeException;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
