#include "DeviceRulesView.h"

#include "ColorContrast.h"
#include "DeviceRuleModel.h"
#include "ElidingLabel.h"
#include "Icons.h"
#include "RingBounds.h"
#include "SecondsSpinBox.h"
#include "ToggleSwitch.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScreen>
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
    ColumnCount
};

// Names longer than this (in average characters) are elided, with the whole name in the
// tooltip; they never make the window wider than a screen.
constexpr int nameCharacters = 30;
constexpr int minimumNameCharacters = 8;

// Sets the colour of a label's text while it is enabled; disabled, the palette's greys apply.
void setTextColor(QWidget *label, const QColor &color)
{
    QPalette palette = label->palette();
    if (palette.color(QPalette::Active, QPalette::WindowText) == color
        && palette.color(QPalette::Inactive, QPalette::WindowText) == color)
        return;
    palette.setColor(QPalette::Active, QPalette::WindowText, color);
    palette.setColor(QPalette::Inactive, QPalette::WindowText, color);
    label->setPalette(palette);
}

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
    // Rows are spaced by their pitch alone, so row n starts at n * pitch, where the timeline
    // draws its bar.
    m_grid->setVerticalSpacing(0);
    m_grid->setColumnStretch(NameColumn, 1);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(u"emptyPlan"_s);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();
    m_laterRows.setInterval(0);
    connect(&m_laterRows, &QTimer::timeout, this, &DeviceRulesView::createLaterRows);
    updateTextColors();
    retranslate();
}

const DeviceRulesView::Row &DeviceRulesView::widgetsOf(int row) const
{
    // Making a row's widgets changes nothing the model or the user sees: it only comes sooner.
    const_cast<DeviceRulesView *>(this)->createRows(row + 1);
    return m_rows.at(row);
}

int DeviceRulesView::firstScreenRows() const
{
    // As many rows as the tallest window on this screen can show, at the least pitch a row can
    // have (updateRowPitch()).
    const int pitch =
        std::max(iconExtent(this), fontMetrics().height() * 2) + fontMetrics().height() / 2;
    const QScreen *shown = screen();
    return shown ? shown->availableGeometry().height() / std::max(pitch, 1) + 1 : 24;
}

void DeviceRulesView::createRows(int end)
{
    end = std::min(end, m_rowCount);
    bool made = false;
    while (m_rows.size() < end) {
        const int row = int(m_rows.size());
        const Row widgets = createRow(row);
        // A row made after the widgets below the list still comes right after the row above
        // it in the Tab order.
        if (row > 0) {
            setTabOrder(m_rows.constLast().timeout, widgets.enabled);
            setTabOrder(widgets.enabled, widgets.delay);
            setTabOrder(widgets.delay, widgets.timeout);
        }
        m_rows.append(widgets);
        // Made in a view on screen: shown now, not when the layout's queued show comes, so
        // that the layout places them at once (a hidden widget takes no place).
        if (isVisible()) {
            for (QWidget *widget :
                 {static_cast<QWidget *>(widgets.enabled), static_cast<QWidget *>(widgets.icon),
                  static_cast<QWidget *>(widgets.name), static_cast<QWidget *>(widgets.detail),
                  static_cast<QWidget *>(widgets.lock), static_cast<QWidget *>(widgets.delay),
                  static_cast<QWidget *>(widgets.timeout)})
                widget->show();
        }
        updateRow(row); // hides the lock of a device that isn't locked
        made = true;
    }
    // Placed at once: a row asked for is where it belongs when its widget is handed out.
    if (made && isVisible())
        m_grid->activate();
    if (m_rows.size() == m_rowCount)
        m_laterRows.stop();
}

void DeviceRulesView::createLaterRows()
{
    // A few per turn, so input and painting go on between them.
    constexpr int rowsPerTurn = 8;
    createRows(int(m_rows.size()) + rowsPerTurn);
    if (m_rows.size() == m_rowCount)
        emit contentChanged();
}

QPixmap DeviceRulesView::pixmap(int key)
{
    // Drawn from SVG once per look, not once per row.
    auto found = m_pixmaps.constFind(key);
    if (found == m_pixmaps.cend()) {
        const QPixmap drawn = key == lockPixmapKey
            ? Icons::lock().pixmap(iconExtent(this) * 2 / 3)
            : Icons::device(static_cast<DeviceKind>(key / 2))
                  .pixmap(iconExtent(this), key % 2 ? QIcon::Disabled : QIcon::Normal);
        found = m_pixmaps.insert(key, drawn);
    }
    return *found;
}

bool DeviceRulesView::event(QEvent *event)
{
    // The first screenful is painted: now the rest.
    if (event->type() == QEvent::Paint && m_rows.size() < m_rowCount && !m_laterRows.isActive())
        m_laterRows.start();
    return QWidget::event(event);
}

void DeviceRulesView::updateTextColors()
{
    // Quiet grey and the ringing accent, each made readable (4.5:1) on this palette's window.
    const QColor window = palette().color(QPalette::Window);
    m_quietText = ColorContrast::readableOn(palette().color(QPalette::PlaceholderText), window,
                                            ColorContrast::textRatio);
    m_ringingText = ColorContrast::readableOn(palette().color(QPalette::Highlight), window,
                                              ColorContrast::textRatio);
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
        delete row.nameBlock; // the grid does not own a nested layout's deletion
    }
    // Rows that are gone leave no height behind.
    for (int gridRow = 0; gridRow < m_grid->rowCount(); ++gridRow)
        m_grid->setRowMinimumHeight(gridRow, 0);
    m_ringing.clear();
    m_rows.clear();
    m_laterRows.stop();
    m_grid->removeWidget(m_emptyLabel);

    const int count = m_model ? m_model->rowCount() : 0;
    m_rowCount = count;
    createRows(firstScreenRows());
    m_emptyLabel->setVisible(count == 0);
    if (count == 0)
        m_grid->addWidget(m_emptyLabel, 0, SwitchColumn, 1, ColumnCount);
    // Keep rows at the top when the view is taller than its content.
    m_grid->setRowStretch(m_lastStretchRow, 0);
    m_lastStretchRow = std::max(count, 1);
    m_grid->setRowStretch(m_lastStretchRow, 1);
    updateRowPitch();
    // The rows were made with today's texts: no need to set them again (retranslate()).
    updateEmptyText();
    emit contentChanged();
}

void DeviceRulesView::updateRowPitch()
{
    // The tallest thing in a row (name over number, the icon, a spinner), with a little air
    // that grows with the font.
    int content = std::max(iconExtent(this), fontMetrics().height() * 2);
    for (const Row &row : std::as_const(m_rows)) {
        content = std::max({content, row.delay->sizeHint().height(),
                            row.enabled->sizeHint().height(), row.nameBlock->sizeHint().height()});
    }
    m_rowPitch = content + fontMetrics().height() / 2;
    // Rows still to be made take their height now, so the view is as tall as all its rows.
    for (int row = 0; row < m_rowCount; ++row)
        m_grid->setRowMinimumHeight(row, m_rowPitch);
}

void DeviceRulesView::setTimeoutHeadingWidth(int width)
{
    if (m_grid->columnMinimumWidth(TimeoutColumn) == width)
        return;
    m_grid->setColumnMinimumWidth(TimeoutColumn, width);
    emit contentChanged(); // the width the view needs changed
}

QString DeviceRulesView::statusText(int row) const
{
    return widgetsOf(row).detail->badge();
}

QRect DeviceRulesView::headingRect(Heading heading) const
{
    if (m_rows.isEmpty())
        return {};
    switch (heading) {
    case Heading::Device:
        return m_grid->cellRect(0, IconColumn).united(m_grid->cellRect(0, NameColumn));
    case Heading::Delay:
        return m_grid->cellRect(0, DelayColumn);
    case Heading::Timeout:
        return m_grid->cellRect(0, TimeoutColumn);
    }
    return {};
}

DeviceRulesView::Row DeviceRulesView::createRow(int row)
{
    Row widgets;
    const int gridRow = row;

    widgets.enabled = new ToggleSwitch(this);
    connect(widgets.enabled, &QAbstractButton::toggled, this, [this, row](bool checked) {
        editRule(row, DeviceRuleModel::EnabledColumn, checked);
        if (m_model)
            m_model->endEditRun(); // every switch flip is a step of its own
    });

    widgets.icon = new QLabel(this);
    widgets.name = new ElidingLabel(this);
    widgets.name->setMaximumCharacters(nameCharacters);
    widgets.name->setMinimumCharacters(minimumNameCharacters);
    QFont nameFont = widgets.name->font();
    nameFont.setBold(true);
    widgets.name->setFont(nameFont);
    widgets.detail = new ElidingLabel(this);
    widgets.detail->setMaximumCharacters(nameCharacters);
    widgets.detail->setMinimumCharacters(minimumNameCharacters);
    widgets.lock = new QLabel(this);
    widgets.lock->setPixmap(pixmap(lockPixmapKey));
    // Hidden or shown, the lock keeps its place: the spinners never shift sideways.
    QSizePolicy keepPlace = widgets.lock->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true);
    widgets.lock->setSizePolicy(keepPlace);

    auto makeSpinBox = [this, row](int column, int minimum, int maximum) {
        auto *spin = new SecondsSpinBox(this);
        spin->setRange(minimum, maximum);
        spin->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
        connect(spin, &QSpinBox::valueChanged, this,
                [this, row, column](int value) { editRule(row, column, value); });
        connect(spin, &SecondsSpinBox::inputRefused, this,
                [this, row, column](const QString &typed) { refuseInput(row, column, typed); });
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
    // "Sending…" and "Ringing" go on the number's line, as its badge: no column of their own
    // to widen the row, and the number just elides a little while they show.
    widgets.nameBlock->addWidget(widgets.detail);

    m_grid->addWidget(widgets.enabled, gridRow, SwitchColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.icon, gridRow, IconColumn, Qt::AlignVCenter);
    m_grid->addLayout(widgets.nameBlock, gridRow, NameColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.lock, gridRow, LockColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.delay, gridRow, DelayColumn, Qt::AlignVCenter);
    m_grid->addWidget(widgets.timeout, gridRow, TimeoutColumn, Qt::AlignVCenter);
    return widgets;
}

void DeviceRulesView::refuseInput(int row, int column, const QString &typed)
{
    if (!m_model || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
    const QString name = index.data(Qt::DisplayRole).toString();
    const bool delay = column == DeviceRuleModel::DelayColumn;
    const QString minimum = QString::number(delay ? RingBounds::minDelay : RingBounds::minTimeout);
    const QString maximum = QString::number(delay ? RingBounds::maxDelay : RingBounds::maxTimeout);
    const QString kept = QString::number(
        index.data(delay ? DeviceRuleModel::DelayRole : DeviceRuleModel::TimeoutRole).toInt());
    // Multi-argument arg(): a device or a typed text with "%1" in it stays as it is.
    emit inputRefused(
        delay ? tr("“%1” is not a delay: for %2 type whole seconds from %3 to %4. Still %5 s.")
                    .arg(typed, name, minimum, maximum, kept)
              : tr("“%1” is not a timeout: for %2 type whole seconds from %3 to %4. Still %5 s.")
                    .arg(typed, name, minimum, maximum, kept));
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

    widgets.icon->setPixmap(pixmap(int(kind) * 2 + (locked ? 1 : 0)));
    widgets.name->setFullText(name);
    const QString detail = workspace.isEmpty()
        ? number
        : tr("%1 · via workspace %2", "number, then the workspace the device comes through")
              .arg(number, workspace);
    widgets.detail->setFullText(detail);

    // Locked: greyed out and not editable, by mouse or keyboard, but still listed.
    widgets.enabled->setEnabled(!locked);
    widgets.delay->setEnabled(!locked && enabled);
    widgets.timeout->setEnabled(!locked && enabled);
    widgets.icon->setEnabled(!locked);
    widgets.lock->setVisible(locked);
    const bool ringing = m_ringing.contains(row);
    const bool pending = index.data(DeviceRuleModel::PendingRole).toBool();
    // The name and number stay enabled and readable when locked (muted, not greyed out): the
    // lock says it.
    setTextColor(widgets.name,
                 ringing      ? m_ringingText
                     : locked ? m_quietText
                              : palette().color(QPalette::WindowText));
    setTextColor(widgets.detail, m_quietText);
    widgets.detail->setBadge(ringing       ? tr("Ringing")
                                 : pending ? tr("Sending…")
                                           : QString(),
                             ringing ? m_ringingText : m_quietText);
    const QString lockedTip = index.data(Qt::ToolTipRole).toString();
    for (QWidget *widget :
         {static_cast<QWidget *>(widgets.enabled), static_cast<QWidget *>(widgets.icon),
          static_cast<QWidget *>(widgets.lock)})
        widget->setToolTip(lockedTip);
    widgets.name->setExtraToolTip(lockedTip);
    QStringList detailTips;
    if (!lockedTip.isEmpty())
        detailTips.append(lockedTip);
    if (pending && !ringing)
        detailTips.append(tr("Not yet confirmed by the server"));
    widgets.detail->setExtraToolTip(detailTips.join(u'\n'));

    const QString delayRange =
        tr("Whole seconds from %1 to %2")
            .arg(QString::number(RingBounds::minDelay), QString::number(RingBounds::maxDelay));
    const QString timeoutRange =
        tr("Whole seconds from %1 to %2")
            .arg(QString::number(RingBounds::minTimeout), QString::number(RingBounds::maxTimeout));
    // Why a spinner can't be changed, said by the spinner itself.
    const QString why = locked ? lockedTip
        : enabled              ? QString()
                               : tr("%1 is switched off for these calls").arg(name);
    auto describe = [&why](const QString &what, const QString &range) {
        return why.isEmpty()
            ? tr("%1. %2.", "what the spinner sets, then its range").arg(what, range)
            : tr("%1. %2. %3", "what the spinner sets, its range, why it is off")
                  .arg(what, range, why);
    };
    widgets.delay->setToolTip(why.isEmpty() ? delayRange : delayRange + u'\n' + why);
    widgets.timeout->setToolTip(why.isEmpty() ? timeoutRange : timeoutRange + u'\n' + why);

    widgets.enabled->setAccessibleName(tr("%1 rings").arg(name));
    widgets.enabled->setAccessibleDescription(lockedTip);
    widgets.delay->setAccessibleName(tr("Delay for %1").arg(name));
    widgets.delay->setAccessibleDescription(
        describe(tr("Seconds before %1 starts ringing").arg(name), delayRange));
    widgets.timeout->setAccessibleName(tr("Timeout for %1").arg(name));
    widgets.timeout->setAccessibleDescription(
        describe(tr("Seconds %1 rings").arg(name), timeoutRange));
    widgets.lock->setAccessibleName(tr("Managed by your administrator"));
}

void DeviceRulesView::setSettingsKnown(bool known)
{
    if (known == m_settingsKnown)
        return;
    m_settingsKnown = known;
    retranslate();
}

void DeviceRulesView::retranslate()
{
    updateEmptyText();
    for (const Row &row : std::as_const(m_rows)) {
        row.delay->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
        row.timeout->setSuffix(tr(" s", "unit suffix of the delay and timeout spinners"));
    }
    for (int row = 0; row < m_rows.size(); ++row)
        updateRow(row);
    emit contentChanged();
}

void DeviceRulesView::updateEmptyText()
{
    m_emptyLabel->setText(m_settingsKnown
                              ? tr("No devices are assigned to you yet. Your administrator "
                                   "assigns devices in the phone system.")
                              : tr("Your devices appear here as soon as FollowMe has reached "
                                   "the server; the status bar below says why it hasn't yet."));
}

void DeviceRulesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_pixmaps.clear(); // tinted in the palette's text colour
        updateTextColors();
        updateRows(0, rowCount() - 1); // re-tint the icons
    } else if (event->type() == QEvent::StyleChange) {
        m_pixmaps.clear(); // the style sets the icon size
        updateRows(0, rowCount() - 1);
    } else if (event->type() == QEvent::FontChange) {
        m_pixmaps.clear(); // the icon size may follow the font
        updateRowPitch();
        retranslate();
    }
    QWidget::changeEvent(event);
}
