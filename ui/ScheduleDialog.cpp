#include "ScheduleDialog.h"

#include "ProfileText.h"
#include "WeekScheduleGrid.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum ExceptionColumn { FromColumn, ToColumn, ProfileColumn, LabelColumn, ColumnCount };

QIcon swatch(const QColor &color, int side)
{
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::gray);
    painter.setBrush(color);
    painter.drawRect(0, 0, side - 1, side - 1);
    return QIcon(pixmap);
}

} // namespace

ScheduleDialog::ScheduleDialog(const FollowMeSettings &settings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"scheduleDialog"_s);
    setWindowTitle(tr("Schedule"));
    for (const QString &id : settings.profileIds())
        m_profiles.append({id, ProfileText::name(settings, id)});
    m_profiles.append(
        {RingProfile::doNotDisturbId, ProfileText::name(settings, RingProfile::doNotDisturbId)});
    const WeekSchedule &current = settings.schedule;

    m_zone = new QComboBox(this);
    m_zone->setObjectName(u"scheduleZone"_s);
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    const QByteArray zone =
        current.timeZone.isEmpty() ? QTimeZone::systemTimeZoneId() : current.timeZone;
    m_zone->setCurrentText(QString::fromUtf8(zone));

    m_otherwise = profilePicker(true);
    m_otherwise->setObjectName(u"scheduleOtherwise"_s);
    m_otherwise->setCurrentIndex(std::max(0, m_otherwise->findData(current.otherwise)));

    m_grid = new WeekScheduleGrid(this);
    m_grid->setProfiles(m_profiles);
    m_grid->setRanges(current.ranges);
    m_grid->setDefaultProfile(m_otherwise->currentData().toString());
    connect(m_otherwise, &QComboBox::currentIndexChanged, this,
            [this] { m_grid->setDefaultProfile(m_otherwise->currentData().toString()); });

    m_brush = profilePicker(false);
    m_brush->setObjectName(u"scheduleBrush"_s);
    const int side = fontMetrics().height() - 4;
    // The grid's colours beside the names: the picker is the grid's key.
    for (int i = 0; i < m_brush->count(); ++i)
        m_brush->setItemIcon(i, swatch(m_grid->colorOf(m_brush->itemData(i).toString()), side));
    m_brush->addItem(swatch(m_grid->colorOf({}), side), tr("Clear (the default)"), QString());
    connect(m_brush, &QComboBox::currentIndexChanged, this,
            [this] { m_grid->setBrush(m_brush->currentData().toString()); });
    m_grid->setBrush(m_brush->currentData().toString());

    m_exceptions = new QTableWidget(0, ColumnCount, this);
    m_exceptions->setObjectName(u"scheduleExceptions"_s);
    m_exceptions->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Profile"), tr("Label")});
    m_exceptions->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    m_exceptions->verticalHeader()->hide();
    m_exceptions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_exceptions->setAccessibleName(tr("Exceptions"));
    for (const WeekSchedule::Exception &exception : current.exceptions)
        addException(exception);
    m_addException = new QPushButton(tr("&Add exception"), this);
    m_removeException = new QPushButton(tr("&Remove exception"), this);
    connect(m_addException, &QPushButton::clicked, this, [this] {
        const QDate today = QDate::currentDate();
        addException(
            {today, QTime(0, 0), today.addDays(1), QTime(0, 0), RingProfile::doNotDisturbId, {}});
    });
    connect(m_removeException, &QPushButton::clicked, this,
            &ScheduleDialog::removeSelectedException);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"scheduleProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScheduleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Time zone:"), m_zone);
    form->addRow(tr("&Otherwise:"), m_otherwise);
    form->addRow(tr("&Paint with:"), m_brush);
    auto *hint = new QLabel(tr("Drag over the week to paint it with the chosen profile (right "
                               "button: clear). Keyboard: arrow keys move, Space paints, Shift "
                               "with an arrow paints along, Delete clears."),
                            this);
    hint->setWordWrap(true);
    auto *exceptionButtons = new QHBoxLayout;
    exceptionButtons->addWidget(m_addException);
    exceptionButtons->addWidget(m_removeException);
    exceptionButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_grid, 2);
    auto *exceptionsTitle = new QLabel(tr("&Exceptions (holidays, vacation):"), this);
    exceptionsTitle->setBuddy(m_exceptions);
    layout->addWidget(exceptionsTitle);
    layout->addWidget(m_exceptions, 1);
    layout->addLayout(exceptionButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setTabOrder(m_brush, m_grid);
    resize(900, 620);
}

QComboBox *ScheduleDialog::profilePicker(bool withDefault)
{
    auto *box = new QComboBox(this);
    if (withDefault)
        box->addItem(tr("Leave the profile as it is"), QString());
    for (const auto &[id, name] : m_profiles)
        box->addItem(name, id);
    return box;
}

void ScheduleDialog::addException(const WeekSchedule::Exception &exception)
{
    const int row = m_exceptions->rowCount();
    m_exceptions->insertRow(row);
    auto dateTimeEdit = [this](const QDate &date, const QTime &time) {
        // Wall-clock times of the schedule's zone, not of this machine's: shown in UTC, which has
        // no skipped or repeated hour to move them.
        auto *edit = new QDateTimeEdit(QDateTime(date, time, QTimeZone::utc()), m_exceptions);
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setCalendarPopup(true);
        return edit;
    };
    m_exceptions->setCellWidget(row, FromColumn,
                                dateTimeEdit(exception.fromDate, exception.fromTime));
    m_exceptions->setCellWidget(row, ToColumn, dateTimeEdit(exception.toDate, exception.toTime));
    QComboBox *profile = profilePicker(false);
    profile->setParent(m_exceptions);
    profile->setCurrentIndex(std::max(0, profile->findData(exception.profileId)));
    m_exceptions->setCellWidget(row, ProfileColumn, profile);
    auto *label = new QLineEdit(exception.label, m_exceptions);
    label->setPlaceholderText(tr("e.g. Christmas"));
    m_exceptions->setCellWidget(row, LabelColumn, label);
    m_exceptions->resizeColumnsToContents();
}

void ScheduleDialog::removeSelectedException()
{
    const int row = m_exceptions->currentRow();
    if (row >= 0)
        m_exceptions->removeRow(row);
}

WeekSchedule ScheduleDialog::schedule() const
{
    WeekSchedule schedule;
    schedule.timeZone = m_zone->currentText().trimmed().toUtf8();
    schedule.otherwise = m_otherwise->currentData().toString();
    schedule.ranges = m_grid->ranges();
    for (int row = 0; row < m_exceptions->rowCount(); ++row) {
        const auto *from = qobject_cast<QDateTimeEdit *>(m_exceptions->cellWidget(row, FromColumn));
        const auto *to = qobject_cast<QDateTimeEdit *>(m_exceptions->cellWidget(row, ToColumn));
        const auto *profile =
            qobject_cast<QComboBox *>(m_exceptions->cellWidget(row, ProfileColumn));
        const auto *label = qobject_cast<QLineEdit *>(m_exceptions->cellWidget(row, LabelColumn));
        schedule.exceptions.append({from->date(), from->time(), to->date(), to->time(),
                                    profile->currentData().toString(), label->text().trimmed()});
    }
    // Nothing painted, no default, no exception: no schedule at all, whatever the zone.
    if (schedule.isEmpty())
        schedule.timeZone.clear();
    return schedule;
}

void ScheduleDialog::accept()
{
    if (const auto problem = schedule().problem()) {
        m_problem->setText(*problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}
