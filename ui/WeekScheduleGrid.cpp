#include "WeekScheduleGrid.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>

using namespace Qt::StringLiterals;

WeekScheduleGrid::WeekScheduleGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"weekScheduleGrid"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    for (QList<QString> &day : m_minutes)
        day = QList<QString>(WeekSchedule::minutesPerDay);
    setAccessibleName(tr("Week schedule"));
}

void WeekScheduleGrid::setRanges(const QList<WeekSchedule::Range> &ranges)
{
    for (QList<QString> &day : m_minutes)
        day.fill(QString());
    for (const WeekSchedule::Range &range : ranges) {
        if (range.day < 1 || range.day > 7)
            continue;
        QList<QString> &day = m_minutes[range.day - 1];
        for (int minute = std::max(range.start, 0);
             minute < std::min(range.end, WeekSchedule::minutesPerDay); ++minute)
            day[minute] = range.profileId;
    }
    update();
    describeCursor();
}

QList<WeekSchedule::Range> WeekScheduleGrid::ranges() const
{
    QList<WeekSchedule::Range> ranges;
    for (int day = 1; day <= 7; ++day) {
        const QList<QString> &minutes = m_minutes.at(day - 1);
        int start = 0;
        for (int minute = 1; minute <= WeekSchedule::minutesPerDay; ++minute) {
            if (minute < WeekSchedule::minutesPerDay && minutes.at(minute) == minutes.at(start))
                continue;
            if (!minutes.at(start).isEmpty())
                ranges.append({day, start, minute, minutes.at(start)});
            start = minute;
        }
    }
    return ranges;
}

void WeekScheduleGrid::setBrush(const QString &profileId)
{
    m_brush = profileId;
}

void WeekScheduleGrid::setProfiles(const QList<std::pair<QString, QString>> &idsAndNames)
{
    m_profiles = idsAndNames;
    update();
    describeCursor();
}

void WeekScheduleGrid::setDefaultProfile(const QString &profileId)
{
    m_default = profileId;
    update();
    describeCursor();
}

QString WeekScheduleGrid::profileAt(int day, int minute) const
{
    if (day < 1 || day > 7 || minute < 0 || minute >= WeekSchedule::minutesPerDay)
        return {};
    return m_minutes.at(day - 1).at(minute);
}

void WeekScheduleGrid::setCursor(int day, int slot)
{
    m_cursorDay = std::clamp(day, 1, 7);
    m_cursorSlot = std::clamp(slot, 0, slotsPerDay - 1);
    update();
    describeCursor();
}

int WeekScheduleGrid::labelWidth() const
{
    int width = 0;
    for (int day = 1; day <= 7; ++day)
        width = std::max(width, fontMetrics().horizontalAdvance(WeekSchedule::dayName(day)));
    return width + fontMetrics().averageCharWidth() * 2;
}

int WeekScheduleGrid::headerHeight() const
{
    return fontMetrics().height() + 4;
}

QRect WeekScheduleGrid::cellRect(int day, int slot) const
{
    const int left = labelWidth();
    const int top = headerHeight();
    const double cellWidth = double(width() - left - 1) / slotsPerDay;
    const double rowHeight = double(height() - top - 1) / 7;
    const int x0 = left + int(slot * cellWidth);
    const int x1 = left + int((slot + 1) * cellWidth);
    const int y0 = top + int((day - 1) * rowHeight);
    const int y1 = top + int(day * rowHeight);
    return QRect(QPoint(x0, y0), QPoint(x1 - 1, y1 - 1));
}

std::optional<std::pair<int, int>> WeekScheduleGrid::cellAt(const QPoint &position) const
{
    const int left = labelWidth();
    const int top = headerHeight();
    if (position.x() < left || position.y() < top)
        return std::nullopt;
    const double cellWidth = double(width() - left - 1) / slotsPerDay;
    const double rowHeight = double(height() - top - 1) / 7;
    const int slot = int((position.x() - left) / cellWidth);
    const int day = int((position.y() - top) / rowHeight) + 1;
    if (slot < 0 || slot >= slotsPerDay || day < 1 || day > 7)
        return std::nullopt;
    return std::pair {day, slot};
}

QSize WeekScheduleGrid::sizeHint() const
{
    return {labelWidth() + slotsPerDay * fontMetrics().averageCharWidth() * 2,
            headerHeight() + 7 * (fontMetrics().height() * 2)};
}

QSize WeekScheduleGrid::minimumSizeHint() const
{
    return {labelWidth() + slotsPerDay * 8, headerHeight() + 7 * (fontMetrics().height() + 6)};
}

QColor WeekScheduleGrid::colorOf(const QString &profileId) const
{
    if (profileId.isEmpty()) {
        const QColor base = palette().color(QPalette::Base);
        if (m_default.isEmpty())
            return base;
        // Half way between the default's colour and the background: there, but not painted.
        const QColor own = colorOf(m_default);
        return QColor((own.red() + base.red() * 2) / 3, (own.green() + base.green() * 2) / 3,
                      (own.blue() + base.blue() * 2) / 3);
    }
    if (profileId == RingProfile::doNotDisturbId)
        return palette().color(QPalette::Mid);
    // One hue per profile in the order of the list, light enough for dark text on a light
    // palette and dark text stays readable in the legend beside.
    int index = 0;
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).first == profileId)
            index = i;
    }
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    return QColor::fromHsl((205 + index * 67) % 360, 150, dark ? 90 : 175);
}

QString WeekScheduleGrid::nameOf(const QString &profileId) const
{
    if (profileId.isEmpty())
        return m_default.isEmpty() ? tr("left as it is")
                                   : tr("%1 (the default)").arg(nameOf(m_default));
    for (const auto &[id, name] : m_profiles) {
        if (id == profileId)
            return name;
    }
    return profileId;
}

void WeekScheduleGrid::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &colors = palette();
    painter.fillRect(rect(), colors.color(QPalette::Window));
    painter.setPen(colors.color(QPalette::WindowText));
    // Hours every three, over the columns.
    for (int hour = 0; hour <= 24; hour += 3) {
        const int slot = std::min(hour * 60 / slotMinutes, slotsPerDay - 1);
        const QRect cell = cellRect(1, slot);
        const int x = hour == 24 ? cell.right() : cell.left();
        const QString text = WeekSchedule::clock(hour * 60);
        const int textWidth = fontMetrics().horizontalAdvance(text);
        painter.drawText(QRect(std::clamp(x - textWidth / 2, labelWidth(), width() - textWidth), 0,
                               textWidth, headerHeight()),
                         Qt::AlignCenter, text);
    }
    for (int day = 1; day <= 7; ++day) {
        const QRect first = cellRect(day, 0);
        painter.setPen(colors.color(QPalette::WindowText));
        painter.drawText(QRect(0, first.top(), labelWidth(), first.height()),
                         Qt::AlignVCenter | Qt::AlignLeft, WeekSchedule::dayName(day));
        for (int slot = 0; slot < slotsPerDay; ++slot) {
            const QRect cell = cellRect(day, slot);
            // A cell is drawn by the profile of its first minute.
            painter.fillRect(cell, colorOf(profileAt(day, slot * slotMinutes)));
        }
    }
    // Grid lines: faint per half hour, stronger per hour and between days.
    QColor faint = colors.color(QPalette::Mid);
    faint.setAlpha(70);
    for (int slot = 0; slot <= slotsPerDay; ++slot) {
        const QRect top = cellRect(1, std::min(slot, slotsPerDay - 1));
        const int x = slot == slotsPerDay ? top.right() + 1 : top.left();
        painter.setPen(slot % 2 == 0 ? colors.color(QPalette::Mid) : faint);
        painter.drawLine(x, headerHeight(), x, cellRect(7, 0).bottom() + 1);
    }
    painter.setPen(colors.color(QPalette::Mid));
    for (int day = 1; day <= 8; ++day) {
        const int y = day == 8 ? cellRect(7, 0).bottom() + 1 : cellRect(day, 0).top();
        painter.drawLine(labelWidth(), y, cellRect(1, slotsPerDay - 1).right() + 1, y);
    }
    if (hasFocus()) {
        QPen pen(colors.color(QPalette::Highlight), 2);
        painter.setPen(pen);
        painter.drawRect(cellRect(m_cursorDay, m_cursorSlot).adjusted(1, 1, -1, -1));
    }
}

void WeekScheduleGrid::paintCell(int day, int slot, const QString &profileId)
{
    QList<QString> &minutes = m_minutes[day - 1];
    bool changed = false;
    for (int minute = slot * slotMinutes; minute < (slot + 1) * slotMinutes; ++minute) {
        if (minutes.at(minute) != profileId) {
            minutes[minute] = profileId;
            changed = true;
        }
    }
    if (changed) {
        update(cellRect(day, slot));
        emit rangesChanged();
    }
}

void WeekScheduleGrid::mousePressEvent(QMouseEvent *event)
{
    const auto cell = cellAt(event->position().toPoint());
    if (!cell)
        return;
    m_painting = true;
    m_dragProfile = event->button() == Qt::RightButton ? QString() : m_brush;
    setCursor(cell->first, cell->second);
    paintCell(cell->first, cell->second, m_dragProfile);
    describeCursor();
}

void WeekScheduleGrid::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_painting)
        return;
    if (const auto cell = cellAt(event->position().toPoint())) {
        m_cursorDay = cell->first;
        m_cursorSlot = cell->second;
        paintCell(cell->first, cell->second, m_dragProfile);
        update();
    }
}

void WeekScheduleGrid::mouseReleaseEvent(QMouseEvent *)
{
    m_painting = false;
    describeCursor();
}

void WeekScheduleGrid::keyPressEvent(QKeyEvent *event)
{
    int day = m_cursorDay;
    int slot = m_cursorSlot;
    switch (event->key()) {
    case Qt::Key_Left:
        --slot;
        break;
    case Qt::Key_Right:
        ++slot;
        break;
    case Qt::Key_Up:
        --day;
        break;
    case Qt::Key_Down:
        ++day;
        break;
    case Qt::Key_Home:
        slot = 0;
        break;
    case Qt::Key_End:
        slot = slotsPerDay - 1;
        break;
    case Qt::Key_Space:
        paintCell(day, slot, m_brush);
        describeCursor();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        paintCell(day, slot, QString());
        describeCursor();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    day = std::clamp(day, 1, 7);
    slot = std::clamp(slot, 0, slotsPerDay - 1);
    // Shift paints along the way, the cell left as much as the one reached.
    if (event->modifiers() & Qt::ShiftModifier) {
        paintCell(m_cursorDay, m_cursorSlot, m_brush);
        paintCell(day, slot, m_brush);
    }
    setCursor(day, slot);
}

void WeekScheduleGrid::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    describeCursor();
    update();
}

void WeekScheduleGrid::describeCursor()
{
    const int start = m_cursorSlot * slotMinutes;
    const QString text =
        tr("%1 %2–%3: %4", "day, from, to, profile")
            .arg(QLocale().dayName(m_cursorDay), WeekSchedule::clock(start),
                 WeekSchedule::clock(start + slotMinutes), nameOf(profileAt(m_cursorDay, start)));
    if (accessibleDescription() == text)
        return;
    setAccessibleDescription(text);
    setToolTip(text);
    if (QAccessible::isActive()) {
        QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&changed);
    }
}
