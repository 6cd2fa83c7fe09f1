#pragma once

#include "RingProfile.h"
#include "WeekSchedule.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QWidget>

#include <array>
#include <optional>

// The week as a grid to paint the schedule on: a row per day (Monday first), a column per half
// hour. Dragging with the mouse paints the cells it crosses with the brush profile (the right
// button, or the brush "otherwise", clears them to the schedule's default); the keyboard moves a
// cursor cell with the arrow keys (Home/End: the day's start and end), Space paints it, Shift with
// an arrow paints as it moves, Delete clears. Minutes are kept as they were outside the cells
// painted, so a range that does not start on a half hour survives an edit elsewhere.
class WeekScheduleGrid : public QWidget
{
    Q_OBJECT

public:
    static constexpr int slotMinutes = 30;
    static constexpr int slotsPerDay = WeekSchedule::minutesPerDay / slotMinutes;

    explicit WeekScheduleGrid(QWidget *parent = nullptr);

    // The weekly ranges; the rest of the schedule (zone, default, exceptions) is not the grid's.
    void setRanges(const QList<WeekSchedule::Range> &ranges);
    QList<WeekSchedule::Range> ranges() const;

    // The profile painted; empty clears to the default.
    void setBrush(const QString &profileId);
    QString brush() const { return m_brush; }
    // How each profile is drawn and named in the grid.
    void setProfiles(const QList<std::pair<QString, QString>> &idsAndNames);

    // The schedule's profile for every other time, drawn paler in the cells left to it.
    void setDefaultProfile(const QString &profileId);

    // The cursor cell (day 1–7, slot 0–47), for the keyboard and a screen reader.
    int cursorDay() const { return m_cursorDay; }
    int cursorSlot() const { return m_cursorSlot; }
    void setCursor(int day, int slot);
    // The profile of a minute of the week ("" for the default).
    QString profileAt(int day, int minute) const;
    // How a profile's cells are filled ("" for the default).
    QColor colorOf(const QString &profileId) const;
    // Where a cell is drawn, for the tests' mouse.
    QRect cellRect(int day, int slot) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rangesChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    void paintCell(int day, int slot, const QString &profileId);
    std::optional<std::pair<int, int>> cellAt(const QPoint &position) const;
    QString nameOf(const QString &profileId) const;
    void describeCursor();
    int labelWidth() const;
    int headerHeight() const;

    // Per day, the profile of every minute ("" for the default).
    std::array<QList<QString>, 7> m_minutes;
    QString m_brush;
    QString m_default;
    QList<std::pair<QString, QString>> m_profiles;
    int m_cursorDay = 1;
    int m_cursorSlot = 16;
    bool m_painting = false;
    QString m_dragProfile;
};
