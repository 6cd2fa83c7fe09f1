#include "DeviceRulesView.h"

#include "DeviceRuleModel.h"
#include "Icons.h"
#include "RingBounds.h"
#include "ToggleSwitch.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

enum GridColumn {
    SwitchColumn,
    IconColumn,
    NameColumn,
    LockColumn,
    DelayColumn,
    TimeoutColumn,
    PendingColumn
};

// Row 0 holds the column headings; device rows follow.
constexpr int firstDeviceGridRow = 1;

int iconExtent(const QWidget *widget)
{
    return widget->style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, widget);
}

} // namespace

DeviceRulesView::DeviceRulesView(QWidget *parent)
    : QWidget(parent)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(NameColumn, 1);

    m_deviceHeader = new QLabel(this);
    m_delayHeader = new QLabel(this);
    m_timeoutHeader = new QLabel(this);
    for (QLabel *header : {m_deviceHeader, m_delayHeader, m_timeoutHeader}) {
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
    }
    m_grid->addWidget(m_deviceHeader, 0, IconColumn, 1, 2);
    m_grid->addWidget(m_delayHeader, 0, DelayColumn);
    m_grid->addWidget(m_timeoutHeader, 0, TimeoutColumn);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();
    retranslate();
}

void DeviceRulesView::setModel(DeviceRuleModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &DeviceRulesView::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DeviceRulesView::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &DeviceRulesView::rebuild);
        connect(model, &QAbstractItemModel::layoutChanged, this, &DeviceRulesView::rebuild);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    updateRows(topLeft.row(), bottomRight.row());
                });
    }
    rebuild();
}

void DeviceRulesView::rebuild()
{
    for (const Row &row : std::as_const(m_rows)) {
        delete row.enabled;
        delete row.icon;
        delete row.name;
        delete row.detail;
        delete row.lock;
        delete row.delay;
        delete row.timeout;
        delete row.pending;
        delete row.nameBlock; // the grid does not own a nested layout's deletion
    }
    // Rows that are gone leave no spacing behind.
    for (int gridRow = firstDeviceGridRow; gridRow < m_grid->rowCount(); ++gridRow)
        m_grid->setRowMinimumHeight(gridRow, 0);
    m_ringing.clear();
    m_rows.clear();
    m_grid->removeWidget(m_emptyLabel);

    const int count = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < count; ++row) {
        m_rows.append(createRow(row));
        updateRow(row);
    }
    m_emptyLabel->setVisible(count == 0);
    if (count == 0)
        m_grid->addWidget(m_emptyLabel, firstDeviceGridRow, SwitchColumn, 1, PendingColumn + 1);
    // Keep rows at the top when the view is taller than its content.
    m_grid->setRowStretch(m_lastStretchRow, 0);
    m_lastStretchRow = firstDeviceGridRow + 2 * std::max(count, 1);
    m_grid->setRowStretch(m_lastStretchRow, 1);
    retranslate();
}

DeviceRulesView::Row DeviceRulesView::createRow(int row)
{
    Row widgets;
    const int gridRow = firstDeviceGridRow + 2 * row;

    widgets.enabled = new ToggleSwitch(this);
    connect(widgets.enabled, &QAbstractButton::toggled, this, [this, row](bool checked) {
        editRule(row, DeviceRuleModel::EnabledColumn, checked);
        if (m_model)
            m_model->endEditRun(); // every switch flip is a step of its own
    });

    widgets.icon = new QLabel(this);
    widgets.name = new QLabel(this);
    QFont nameFont = widgets.name->font();
    nameFont.setBold(true);
    widgets.name->setFont(nameFont);
    widgets.detail = new QLabel(this);
    widgets.detail->setForegroundRole(QPalette::PlaceholderText);
    widgets.lock = new QLabel(this);
    widgets.lock->setPixmap(Icons::lock().pixmap(iconExtent(this) * 2 / 3));
    widgets.pending = new QLabel(this);
    widgets.pending->setForegroundRole(QPalette::PlaceholderText);

    auto makeSpinBox = [this, row](int column, int minimum, int maximum) {
        auto *spin = new QSpinBox(this);
        spin->setRange(minimum, maximum);
        spin->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
        spin->setAlignment(Qt::AlignRight);
        // Typed values count when complete (Enter, leaving the field): typing "120" must not
        // send 1 and 12 on the way. Arrow keys and the wheel still apply at once.
        spin->setKeyboardTracking(false);
        connect(spin, &QSpinBox::valueChanged, this,
                [this, row, column](int value) { editRule(row, column, value); });
        // Leaving the spinner ends its run of edits: one undo step per run.
        connect(spin, &QSpinBox::editingFinished, this, [this] {
            if (m_model)
                m_model->endEditRun();
        });
        return spin;
    };
    widgets.delay =
        makeSpinBox(DeviceRuleModel::DelayColumn, RingBounds::minDelay, RingBounds::maxDelay);
    widgets.timeout =
        makeSpinBox(DeviceRuleModel::TimeoutColumn, RingBounds::minTimeout, RingBounds::maxTimeout);

    widgets.nameBlock = new QVBoxLayout;
    widgets.nameBlock->setSpacing(0);
    widgets.nameBlock->addWidget(widgets.name);
    widgets.nameBlock->addWidget(widgets.detail);

    m_grid->addWidget(widgets.enabled, gridRow, SwitchColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.icon, gridRow, IconColumn, Qt::AlignVCenter);
    m_grid->addLayout(widgets.nameBlock, gridRow, NameColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.lock, gridRow, LockColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.delay, gridRow, DelayColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.timeout, gridRow, TimeoutColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.pending, gridRow, PendingColumn, Qt::AlignVCenter);
    // A little air between device rows, scaled with the font.
    m_grid->setRowMinimumHeight(gridRow + 1, fontMetrics().height() / 2);
    return widgets;
}

void DeviceRulesView::editRule(int row, int column, const QVariant &value)
{
    if (!m_model)
        return;
    if (!m_model->setData(m_model->index(row, column), value, Qt::EditRole))
        updateRow(row); // refused: show the model's value again
}

void DeviceRulesView::setRingingRows(const QSet<int> &rows)
{
    if (rows == m_ringing)
        return;
    const QSet<int> changed = (rows - m_ringing) + (m_ringing - rows);
    m_ringing = rows;
    for (int row : changed) {
        if (row >= 0 && row < m_rows.size())
            updateRow(row);
    }
}

void DeviceRulesView::updateRows(int first, int last)
{
    for (int row = std::max(first, 0); row <= last && row < m_rows.size(); ++row)
        updateRow(row);
}

void DeviceRulesView::updateRow(int row)
{
    const Row &widgets = m_rows.at(row);
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString number = index.data(DeviceRuleModel::NumberRole).toString();
    const QString workspace = index.data(DeviceRuleModel::WorkspaceRole).toString();
    const bool locked = index.data(DeviceRuleModel::LockedRole).toBool();
    const bool enabled = index.data(DeviceRuleModel::RuleEnabledRole).toBool();
    const int delay = index.data(DeviceRuleModel::DelayRole).toInt();
    const int timeout = index.data(DeviceRuleModel::TimeoutRole).toInt();
    const auto kind = static_cast<DeviceKind>(index.data(DeviceRuleModel::DeviceKindRole).toInt());

    {
        const QSignalBlocker blockSwitch(widgets.enabled);
        const QSignalBlocker blockDelay(widgets.delay);
        const QSignalBlocker blockTimeout(widgets.timeout);
        widgets.enabled->setChecked(enabled);
        widgets.delay->setValue(delay);
        widgets.timeout->setValue(timeout);
    }

    widgets.icon->setPixmap(
        Icons::device(kind).pixmap(iconExtent(this), locked ? QIcon::Disabled : QIcon::Normal));
    widgets.name->setText(name);
    const QString detail = workspace.isEmpty()
        ? number
        : tr("%1 · via workspace %2", "number, then the workspace the device comes through")
              .arg(number, workspace);
    widgets.detail->setText(detail);

    // Locked: greyed out and not editable, by mouse or keyboard, but still listed.
    widgets.enabled->setEnabled(!locked);
    widgets.delay->setEnabled(!locked && enabled);
    widgets.timeout->setEnabled(!locked && enabled);
    widgets.icon->setEnabled(!locked);
    widgets.name->setEnabled(!locked);
    widgets.detail->setEnabled(!locked);
    widgets.lock->setVisible(locked);
    const bool ringing = m_ringing.contains(row);
    const bool pending = index.data(DeviceRuleModel::PendingRole).toBool();
    widgets.name->setForegroundRole(ringing ? QPalette::Highlight : QPalette::WindowText);
    widgets.pending->setText(ringing ? tr("Ringing") : tr("Sending…"));
    widgets.pending->setForegroundRole(ringing ? QPalette::Highlight : QPalette::PlaceholderText);
    widgets.pending->setToolTip(ringing ? QString() : tr("Not yet confirmed by the server"));
    widgets.pending->setVisible(ringing || pending);

    const QString lockedTip = index.data(Qt::ToolTipRole).toString();
    for (QWidget *widget :
         {static_cast<QWidget *>(widgets.enabled), static_cast<QWidget *>(widgets.icon),
          static_cast<QWidget *>(widgets.name), static_cast<QWidget *>(widgets.detail),
          static_cast<QWidget *>(widgets.lock), static_cast<QWidget *>(widgets.delay),
          static_cast<QWidget *>(widgets.timeout)})
        widget->setToolTip(lockedTip);

    widgets.enabled->setAccessibleName(tr("%1 rings").arg(name));
    widgets.enabled->setAccessibleDescription(lockedTip);
    widgets.delay->setAccessibleName(tr("Delay for %1").arg(name));
    widgets.delay->setAccessibleDescription(tr("Seconds before %1 starts ringing").arg(name));
    widgets.timeout->setAccessibleName(tr("Timeout for %1").arg(name));
    widgets.timeout->setAccessibleDescription(tr("Seconds %1 rings").arg(name));
    widgets.lock->setAccessibleName(tr("Managed by your administrator"));
}

void DeviceRulesView::retranslate()
{
    m_deviceHeader->setText(tr("Device"));
    m_delayHeader->setText(tr("Delay"));
    m_timeoutHeader->setText(tr("Timeout"));
    m_emptyLabel->setText(tr("No devices are assigned to you yet. Your administrator assigns "
                             "devices in the phone system."));
    for (const Row &row : std::as_const(m_rows)) {
        row.delay->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
        row.timeout->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
    }
    // The status column keeps the width of its longest text, so rows don't shift (or get cut
    // off) when "Sending…" or "Ringing" comes and goes.
    const QFontMetrics metrics(font());
    m_grid->setColumnMinimumWidth(PendingColumn,
                                  std::max(metrics.horizontalAdvance(tr("Sending…")),
                                           metrics.horizontalAdvance(tr("Ringing"))));
    for (int row = 0; row < m_rows.size(); ++row)
        updateRow(row);
    emit contentChanged();
}

void DeviceRulesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateRows(0, rowCount() - 1); // re-tint the icons
    QWidget::changeEvent(event);
}
