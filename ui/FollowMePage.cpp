#include "FollowMePage.h"

#include "CallPlayer.h"
#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "ElidingComboBox.h"
#include "ElidingLabel.h"
#include "Icons.h"
#include "NoteLabel.h"
#include "PlanEditor.h"
#include "PlanHeader.h"
#include "PlanSummary.h"
#include "ProfileBar.h"
#include "ProfileSwitch.h"
#include "RingPlan.h"
#include "RingTimelineChart.h"
#include "RingWarnings.h"
#include "SettingsDocument.h"
#include "TimelineDecorations.h"
#include "TimelineExporter.h"
#include "TimelineLegend.h"
#include "Typography.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *makeHeading(QWidget *parent, qreal scale)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

} // namespace

FollowMePage::FollowMePage(SettingsDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new DeviceRuleModel(document, this))
    , m_editor(new PlanEditor(document, this))
    , m_player(new CallPlayer(this))
{
    m_model->setEditor(m_editor);

    m_title = makeHeading(this, 1.25);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    // "Client controls": "No device" first, then the devices the desktop client can control.
    // Its width is fixed by characters, not by the longest name, so a rename never moves it;
    // longer names are elided, and the whole one is in the tooltip.
    m_picker = new ElidingComboBox(this);
    m_picker->setObjectName(u"controlledDevicePicker"_s);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setMinimumContentsLength(24);
    m_pickerLabel = new QLabel(this);
    m_pickerLabel->setBuddy(m_picker);
    connect(m_picker, &QComboBox::activated, this, &FollowMePage::pickControlledDevice);
    connect(document, &SettingsDocument::controlledDeviceChanged, this, &FollowMePage::syncPicker);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::fillPicker);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FollowMePage::fillPicker);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FollowMePage::fillPicker);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FollowMePage::fillPicker);

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(u"callKindTabs"_s);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(true);
    for (int i = 0; i < CallKinds::count; ++i)
        m_tabs->addTab(QString());
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { m_model->setCallKind(CallKinds::fromIndex(index)); });
    connect(m_model, &DeviceRuleModel::callKindChanged, this, [this](CallKind kind) {
        m_tabs->setCurrentIndex(CallKinds::index(kind));
        clearPlayedCall();
        retranslate();
    });

    // What the chosen kind means, on the tabs' line: no line of its own to spend.
    m_kindHint = new ElidingLabel(this);
    m_kindHint->setMinimumCharacters(8);

    // Play, undo/redo, copy and export: the plan as a whole. The icons are drawn in the
    // palette's text colour, so they read on dark themes too.
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(u"planToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_playAction = m_toolBar->addAction(Icons::play(), QString());
    m_playAction->setObjectName(u"playAction"_s);
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_playAction, &QAction::triggered, this, &FollowMePage::togglePlay);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(u"playbackSpeed"_s);
    for (double speed : {1.0, 2.0, 5.0, 10.0})
        m_speed->addItem(QString(), speed);
    m_toolBar->addWidget(m_speed);
    m_toolBar->addSeparator();
    // Not QUndoStack::createUndoAction(): its prefix is fixed at creation and glued to the
    // step's text, which breaks both a language switch and German word order.
    m_undoAction = new QAction(Icons::undo(), QString(), this);
    m_undoAction->setObjectName(u"undoAction"_s);
    connect(m_undoAction, &QAction::triggered, m_editor, &PlanEditor::undo);
    connect(m_editor->undoStack(), &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_editor->undoStack(), &QUndoStack::undoTextChanged, this,
            &FollowMePage::updateUndoTexts);
    // The platform's own keys only (Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y): listing a key twice makes
    // Qt refuse it as ambiguous.
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = new QAction(Icons::redo(), QString(), this);
    m_redoAction->setObjectName(u"redoAction"_s);
    connect(m_redoAction, &QAction::triggered, m_editor, &PlanEditor::redo);
    connect(m_editor->undoStack(), &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(m_editor->undoStack(), &QUndoStack::redoTextChanged, this,
            &FollowMePage::updateUndoTexts);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    // Icons alone, as everywhere (their names are in the tooltip, the menu and for screen
    // readers): the toolbar fits a small window without hiding Copy and Export.
    for (QAction *action : {m_undoAction, m_redoAction}) {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_toolBar->addSeparator();
    m_copyButton = new QToolButton(this);
    m_copyButton->setObjectName(u"copyPlanButton"_s);
    m_copyButton->setPopupMode(QToolButton::InstantPopup);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copyMenu = new QMenu(m_copyButton);
    for (CallKind kind : CallKinds::all()) {
        QAction *action = m_copyMenu->addAction(QString());
        connect(action, &QAction::triggered, this, [this, kind] { copyPlanTo({kind}); });
        m_copyToKind.append(action);
    }
    m_copyMenu->addSeparator();
    m_copyToOthers = m_copyMenu->addAction(QString());
    connect(m_copyToOthers, &QAction::triggered, this, [this] {
        QList<CallKind> others = CallKinds::all();
        others.removeAll(callKind());
        copyPlanTo(others);
    });
    m_copyButton->setMenu(m_copyMenu);
    m_toolBar->addWidget(m_copyButton);
    m_strategyButton = new QToolButton(this);
    m_strategyButton->setObjectName(u"strategyButton"_s);
    m_strategyButton->setPopupMode(QToolButton::InstantPopup);
    // An icon alone, its name in the tooltip and for screen readers.
    m_strategyButton->setIcon(Icons::ringOrder());
    m_strategyButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_strategyMenu = new QMenu(m_strategyButton);
    m_strategyMenu->setObjectName(u"strategyMenu"_s);
    m_allAtOnce = m_strategyMenu->addAction(QString());
    connect(m_allAtOnce, &QAction::triggered, this,
            [this] { applyStrategy(RingStrategy::Kind::AllAtOnce); });
    for (int seconds : {10, 15, 20, 30}) {
        QAction *action = m_strategyMenu->addAction(QString());
        connect(action, &QAction::triggered, this,
                [this, seconds] { applyStrategy(RingStrategy::Kind::OneAfterAnother, seconds); });
        m_oneAfterAnother.append({action, seconds});
    }
    m_strategyButton->setMenu(m_strategyMenu);
    m_exportAction = m_toolBar->addAction(Icons::exportImage(), QString());
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &FollowMePage::chooseExportFile);
    // Last: in the smallest window with the largest font it is the one that goes behind the
    // toolbar's extension arrow (it is in the Edit menu too), not Export.
    m_toolBar->addWidget(m_strategyButton);

    connect(m_player, &CallPlayer::positionChanged, this, &FollowMePage::showPlayPosition);
    connect(m_player, &CallPlayer::finished, this, &FollowMePage::finishPlay);
    connect(m_player, &CallPlayer::stopped, this, &FollowMePage::finishPlay);

    // The rows and their bars, side by side in one scrolling area: row n of the list and bar n
    // of the timeline are on the same line, at any number of devices.
    m_rulesView = new DeviceRulesView;
    m_rulesView->setObjectName(u"deviceRules"_s);
    m_rulesView->setModel(m_model);
    m_timeline = new RingTimelineChart;
    m_timeline->setObjectName(u"ringTimeline"_s);
    // A drag is one edit run, hence one undo step.
    connect(m_timeline, &RingTimelineChart::editFinished, m_model, &DeviceRuleModel::endEditRun);
    auto *rows = new QWidget;
    auto *rowsLayout = new QHBoxLayout(rows);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->addWidget(m_rulesView, 0, Qt::AlignTop);
    rowsLayout->setSpacing(0);
    // Air between the Timeout column and the "0 s" label above the first grid line.
    rowsLayout->addSpacing(fontMetrics().averageCharWidth());
    rowsLayout->addWidget(m_timeline, 1, Qt::AlignTop);
    m_planScroll = new QScrollArea(this);
    m_planScroll->setObjectName(u"planRows"_s);
    m_planScroll->setWidget(rows);
    m_planScroll->setWidgetResizable(true);
    m_planScroll->setFrameShape(QFrame::NoFrame);
    // The rows' own controls are the Tab stops; the area only scrolls to the focused one.
    m_planScroll->setFocusPolicy(Qt::NoFocus);
    m_planScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_planHeader = new PlanHeader(m_rulesView, m_timeline, this);
    m_planHeader->setObjectName(u"planHeader"_s);
    connect(m_planScroll->horizontalScrollBar(), &QScrollBar::valueChanged, m_planHeader,
            &PlanHeader::align);
    m_legend = new TimelineLegend(this);
    m_legend->setObjectName(u"timelineLegend"_s);

    // Below the rows, in a place of its own that doesn't grow: the plan in one sentence and any
    // warnings, scrolling when there are many.
    // Selectable, wrapped, and cheap to lay out again on every edit.
    m_summary = new NoteLabel;
    m_summary->setObjectName(u"planSummary"_s);
    m_warnings = new NoteLabel;
    m_warnings->setObjectName(u"planWarnings"_s);
    m_warnings->hide();
    auto *notes = new QWidget;
    auto *notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_summary);
    notesLayout->addWidget(m_warnings);
    notesLayout->addStretch(1);
    m_notes = new QScrollArea(this);
    m_notes->setObjectName(u"planNotes"_s);
    m_notes->setWidget(notes);
    m_notes->setWidgetResizable(true);
    m_notes->setFrameShape(QFrame::NoFrame);
    m_notes->setFocusPolicy(Qt::NoFocus);
    m_notes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_notes->setFixedHeight(fontMetrics().lineSpacing() * 3 + 4);

    // Which profile the plan below is, above the call kind tabs (it holds all three).
    m_profiles = new ProfileBar(m_editor, this);
    connect(m_profiles, &ProfileBar::refused, this, &FollowMePage::setStatus);
    connect(m_profiles, &ProfileBar::showProfileRequested, m_model,
            &DeviceRuleModel::setShownProfile);
    connect(m_model, &DeviceRuleModel::shownProfileChanged, this, [this](const QString &id) {
        m_profiles->setShownProfile(id);
        // Copying and the ring order change the rules in force, not another profile's.
        for (QMenu *menu : {m_copyMenu, m_strategyMenu})
            menu->menuAction()->setEnabled(id.isEmpty());
        m_copyButton->setEnabled(id.isEmpty());
        m_strategyButton->setEnabled(id.isEmpty());
        clearPlayedCall();
        updatePlan();
        updateStatus();
    });

    m_status = new ElidingLabel(this);
    m_status->setObjectName(u"planStatus"_s);
    m_status->setMinimumCharacters(10);

    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(m_pickerLabel);
    pickerRow->addWidget(m_picker);
    pickerRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    // The window's own layout already sets the page off from the list on the left.
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(pickerRow);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_profiles);
    layout->addSpacing(fontMetrics().height() / 2);
    auto *tabsRow = new QHBoxLayout;
    tabsRow->addWidget(m_tabs);
    tabsRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    tabsRow->addWidget(m_kindHint, 1, Qt::AlignVCenter);
    layout->addLayout(tabsRow);
    layout->addWidget(m_toolBar);
    auto *plan = new QVBoxLayout;
    plan->setSpacing(0);
    plan->addWidget(m_planHeader);
    plan->addWidget(m_planScroll, 1);
    layout->addLayout(plan, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_notes);
    layout->addWidget(m_status);
    // With few devices the key and the sentence follow the rows; the spare height goes here.
    layout->addStretch(0);

    // Rows rebuilt, a new font: the bars take the rows' height again.
    connect(m_rulesView, &DeviceRulesView::contentChanged, this, &FollowMePage::alignPlan);
    // The bars' column grows by a row for the ending, or when the devices arrive.
    connect(m_timeline, &RingTimelineChart::geometryChanged, this, &FollowMePage::fitPlanHeight);
    connect(m_rulesView, &DeviceRulesView::inputRefused, this, &FollowMePage::setStatus);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FollowMePage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::updateEmptyState);
    // Any change (rules, devices, the controlled device, what happens to unanswered calls).
    connect(document, &SettingsDocument::changed, this, &FollowMePage::updatePlan);
    connect(document, &SettingsDocument::changed, this, &FollowMePage::clearPlayedCall);
    connect(m_model, &DeviceRuleModel::callKindChanged, this, &FollowMePage::updatePlan);
    connect(m_model, &DeviceRuleModel::editRefused, this, &FollowMePage::setStatus);

    alignPlan();
    setTabOrder(m_picker, m_profiles->picker());
    setTabOrder(m_profiles->picker(), m_profiles->menuButton());
    setTabOrder(m_profiles->menuButton(), m_tabs);
    setTabOrder(m_tabs, m_speed);
    setTabOrder(m_speed, m_copyButton);
    // In the toolbar's order: Copy, Export, Ring order.
    if (QWidget *exportButton = m_toolBar->widgetForAction(m_exportAction)) {
        setTabOrder(m_copyButton, exportButton);
        setTabOrder(exportButton, m_strategyButton);
    }
    retranslate();
    fillPicker();
    updateEmptyState();
    // Last, when its pitch, decorations and texts are set: the bars are built once, not again
    // for each of them.
    m_timeline->setModel(m_model);
}

FollowMePage::~FollowMePage()
{
    // ~QWidget deletes the children after this, when this is no longer a FollowMePage, and the
    // editor's undo stack signals its last texts as it clears: the editor goes here, first, while
    // the page and the actions it drives are whole, and without calling back into the page.
    disconnect(m_editor->undoStack(), nullptr, this, nullptr);
    delete m_editor;
}

CallKind FollowMePage::callKind() const
{
    return m_model->callKind();
}

void FollowMePage::setCallKind(CallKind kind)
{
    m_model->setCallKind(kind);
}

QLabel *FollowMePage::statusLabel() const
{
    return m_status;
}

void FollowMePage::setStatus(const QString &text)
{
    m_status->setFullText(text);
}

int FollowMePage::copyPlanTo(const QList<CallKind> &targets)
{
    const int changed = m_editor->copyPlan(callKind(), targets);
    QStringList names;
    for (CallKind kind : targets) {
        if (kind != callKind())
            names.append(CallKinds::callsTitle(kind));
    }
    const auto &devices = m_document->settings().devices;
    const bool skippedLocked =
        std::any_of(devices.cbegin(), devices.cend(), [](const Device &d) { return d.isLocked(); });
    const QString list = QLocale().createSeparatedList(names);
    if (changed == 0)
        setStatus(tr("Nothing to copy: %1 already ring the same way.").arg(list));
    else if (skippedLocked)
        setStatus(tr("Copied to %1; devices your administrator manages were skipped. "
                     "Undo takes it back.")
                      .arg(list));
    else
        setStatus(tr("Copied to %1. Undo takes it back.").arg(list));
    return changed;
}

FollowMeSettings FollowMePage::shownSettings() const
{
    return ProfileSwitch::viewOf(m_document->settings(), m_model->shownProfile());
}

std::optional<QString> FollowMePage::exportTimeline(const QString &path)
{
    return TimelineExporter::exportTimeline(shownSettings(), callKind(), path,
                                            TimelineExporter::defaultSize);
}

void FollowMePage::chooseExportFile()
{
    if (m_document->settings().devices.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the ring timeline"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + u'/'
            + tr("followme-%1.png").arg(CallKinds::key(callKind())),
        tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const auto failure = exportTimeline(path);
    setStatus(failure ? *failure : tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void FollowMePage::togglePlay()
{
    if (m_player->isPlaying()) {
        m_player->stop();
        return;
    }
    if (shownSettings().devices.isEmpty())
        return;
    const RingPlan plan(shownSettings(), callKind());
    m_playAction->setIcon(Icons::stop());
    m_playAction->setText(tr("Stop"));
    m_player->start(std::max(plan.lastRingEnd(), 1), m_speed->currentData().toDouble());
}

void FollowMePage::showPlayPosition(double seconds)
{
    const RingPlan plan(shownSettings(), callKind());
    m_player->setEnd(std::max(plan.lastRingEnd(), 1));
    const QList<int> ringing = plan.ringingAt(int(seconds));
    const QSet<int> rows(ringing.cbegin(), ringing.cend());
    m_timeline->setPlayhead(seconds);
    m_timeline->setRingingRows(rows);
    m_rulesView->setRingingRows(rows);
    QStringList names;
    for (int row : ringing)
        names.append(shownSettings().devices.at(row).name);
    const QString second = QString::number(int(seconds));
    setStatus(names.isEmpty()
                  ? tr("%1 s: nothing rings").arg(second)
                  : tr("%1 s: %2 ringing").arg(second, QLocale().createSeparatedList(names)));
}

void FollowMePage::finishPlay()
{
    m_playAction->setIcon(Icons::play());
    m_playAction->setText(tr("Play a call"));
    m_timeline->setRingingRows({});
    m_rulesView->setRingingRows({});
    if (m_player->position() >= RingPlan(shownSettings(), callKind()).lastRingEnd()) {
        // The playhead stays at the end with the outcome, until the plan or the tab changes.
        setStatus(PlanSummary::outcome(shownSettings(), callKind()));
    } else {
        m_timeline->setPlayhead(std::nullopt);
        updateStatus();
    }
}

void FollowMePage::clearPlayedCall()
{
    if (m_player->isPlaying() || !m_timeline->playhead())
        return;
    m_timeline->setPlayhead(std::nullopt);
    updateStatus();
}

void FollowMePage::setSettingsKnown(bool known)
{
    if (known == m_settingsKnown)
        return;
    m_settingsKnown = known;
    m_rulesView->setSettingsKnown(known);
    updatePlan();
}

void FollowMePage::updatePlan()
{
    const TimelineDecorations decorations = m_settingsKnown
        ? TimelineDecorations::of(shownSettings(), callKind())
        : TimelineDecorations();
    m_warnings->setText(keepNumbersTogether(decorations.warningLines.join(u'\n')));
    m_warnings->setVisible(!decorations.warningLines.isEmpty());
    m_timeline->setDecorations(decorations);
    m_summary->setText(keepNumbersTogether(decorations.summary));
}

void FollowMePage::updateUndoTexts()
{
    const QUndoStack *stack = m_editor->undoStack();
    m_undoAction->setText(tr("Undo"));
    m_redoAction->setText(tr("Redo"));
    const QString undoKeys = m_undoAction->shortcut().toString(QKeySequence::NativeText);
    const QString redoKeys = m_redoAction->shortcut().toString(QKeySequence::NativeText);
    m_undoAction->setToolTip(stack->canUndo() ? tr("Undo: %1 (%2)").arg(stack->undoText(), undoKeys)
                                              : tr("Nothing to undo"));
    m_redoAction->setToolTip(stack->canRedo() ? tr("Redo: %1 (%2)").arg(stack->redoText(), redoKeys)
                                              : tr("Nothing to redo"));
}

void FollowMePage::alignPlan()
{
    // The bars take the rows' height, and the headings follow the columns.
    m_timeline->setRowPitch(m_rulesView->rowPitch() > 0 ? m_rulesView->rowPitch()
                                                        : fontMetrics().height() * 3);
    m_planHeader->align();
    // The rows never scroll sideways and are never squeezed: the page (which scrolls as a
    // whole in a window too small for it) is at least as wide as they need.
    m_planScroll->setMinimumWidth(m_planScroll->widget()->minimumSizeHint().width()
                                  + m_planScroll->verticalScrollBar()->sizeHint().width());
    fitPlanHeight();
}

void FollowMePage::fitPlanHeight()
{
    // As tall as the rows at most (so the key and the summary follow them), and at least a few
    // rows tall (so a small window scrolls the rows, not the page).
    // (The bars' column has a fixed height: a row per device and one for the ending.)
    const int rowsHeight = std::max(m_rulesView->sizeHint().height(),
                                    m_timeline->isHidden() ? 0 : m_timeline->minimumHeight());
    m_planScroll->setMaximumHeight(std::max(rowsHeight, 1));
    m_planScroll->setMinimumHeight(std::min(rowsHeight, fontMetrics().height() * 5));
}

void FollowMePage::updateEmptyState()
{
    const bool any = !m_document->settings().devices.isEmpty();
    m_playAction->setEnabled(any);
    m_copyButton->setEnabled(any);
    m_exportAction->setEnabled(any);
    m_speed->setEnabled(any);
    m_timeline->setVisible(any);
    fitPlanHeight();
    m_planHeader->setVisible(any);
    m_legend->setVisible(any);
}

void FollowMePage::fillPicker()
{
    // "No device", then each device the client can control. Filled again only when that list
    // changed: the model also reports every rule edit, which leaves it as it is.
    QList<std::pair<QString, QString>> wanted {{tr("No device"), QString()}};
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, DeviceRuleModel::DeviceColumn);
        if (index.data(DeviceRuleModel::ControllableRole).toBool())
            wanted.append({index.data(Qt::DisplayRole).toString(),
                           index.data(DeviceRuleModel::DeviceIdRole).toString()});
    }
    bool same = m_picker->count() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = m_picker->itemText(i) == wanted.at(i).first
            && m_picker->itemData(i).toString() == wanted.at(i).second;
    if (!same) {
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
        for (const auto &[name, id] : std::as_const(wanted)) {
            m_picker->addItem(name, id);
            if (!id.isEmpty())
                m_picker->setItemData(m_picker->count() - 1, name, Qt::ToolTipRole);
        }
    }
    syncPicker();
}

void FollowMePage::syncPicker()
{
    const int index = std::max(m_picker->findData(m_document->settings().controlledDeviceId), 0);
    const QSignalBlocker blocker(m_picker);
    m_picker->setCurrentIndex(index);
    m_picker->setToolTip(tr("The device this desktop client controls for your calls: %1")
                             .arg(m_picker->itemText(index)));
}

void FollowMePage::pickControlledDevice(int index)
{
    const QString id = m_picker->itemData(index).toString();
    if (const auto problem = m_editor->setControlledDevice(id)) {
        setStatus(problem->message());
        syncPicker();
    }
}

int FollowMePage::applyStrategy(RingStrategy::Kind strategy, int seconds)
{
    const int changed = m_editor->applyStrategy(callKind(), strategy, seconds);
    const QString calls = CallKinds::callsTitle(callKind());
    if (changed == 0)
        setStatus(tr("%1 ring this way already.").arg(calls));
    else if (strategy == RingStrategy::Kind::AllAtOnce)
        setStatus(tr("%1: every device rings at once now. Undo takes it back.").arg(calls));
    else
        setStatus(tr("%1: the devices ring one after another now, %n s each. Undo takes it back.",
                     nullptr, seconds)
                      .arg(calls));
    return changed;
}

void FollowMePage::updateStatus()
{
    const RingPlan plan(shownSettings(), m_model->callKind());
    const int devices = int(shownSettings().devices.size());
    if (devices == 0) {
        setStatus(QString());
    } else if (plan.isEmpty()) {
        setStatus(tr("%1: no device rings, so these callers can't reach you.")
                      .arg(CallKinds::callsTitle(m_model->callKind())));
    } else if (plan.entries().size() == 1) {
        const int index = plan.entries().constFirst().deviceIndex;
        setStatus(
            tr("Ringing: only %1, until %2 s.")
                .arg(shownSettings().devices.at(index).name, QString::number(plan.lastRingEnd())));
    } else {
        setStatus(tr("Ringing: %1 of %2 devices, the last one until %3 s.")
                      .arg(QString::number(plan.entries().size()), QString::number(devices),
                           QString::number(plan.lastRingEnd())));
    }
}

void FollowMePage::retranslate()
{
    setWindowTitle(tr("FollowMe"));
    m_title->setText(windowTitle());
    m_intro->setText(tr("Choose which of your phones ring for an incoming call, when they start "
                        "and how long they ring."));
    m_pickerLabel->setText(tr("&Client controls:"));
    // The two pickers one above the other, their labels in one column.
    m_profiles->retranslate();
    const int labelWidth =
        std::max(m_pickerLabel->sizeHint().width(), m_profiles->labelWidthHint());
    m_pickerLabel->setMinimumWidth(labelWidth);
    m_profiles->setLabelWidth(labelWidth);
    m_picker->setAccessibleName(tr("Client controls"));
    fillPicker();
    m_tabs->setAccessibleName(tr("Call kind"));
    for (CallKind kind : CallKinds::all())
        m_tabs->setTabText(CallKinds::index(kind), CallKinds::displayName(kind));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::External),
                          tr("Calls from outside, through a trunk"));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::Internal),
                          tr("Calls from other users of the phone system"));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::Teams),
                          tr("Queue calls to you as a logged-in agent"));
    m_kindHint->setFullText(m_tabs->tabToolTip(m_tabs->currentIndex()));
    m_rulesView->setAccessibleName(tr("My devices"));
    m_planScroll->setAccessibleName(tr("My devices and their ring timeline"));
    m_notes->setAccessibleName(tr("About this plan"));
    m_playAction->setText(m_player->isPlaying() ? tr("Stop") : tr("Play a call"));
    m_playAction->setToolTip(tr("Simulate an incoming call of this kind along the timeline (%1)")
                                 .arg(m_playAction->shortcut().toString(QKeySequence::NativeText)));
    const QStringList speeds {tr("Real time"), tr("2× faster"), tr("5× faster"), tr("10× faster")};
    for (int i = 0; i < speeds.size(); ++i)
        m_speed->setItemText(i, speeds.at(i));
    m_speed->setAccessibleName(tr("Playback speed"));
    m_copyButton->setText(tr("Copy this plan to"));
    m_copyButton->setAccessibleName(tr("Copy this plan to another call kind"));
    m_copyMenu->setTitle(tr("&Copy this plan to"));
    for (CallKind kind : CallKinds::all()) {
        QAction *action = m_copyToKind.at(CallKinds::index(kind));
        action->setText(CallKinds::callsTitle(kind));
        action->setVisible(kind != callKind());
    }
    m_copyToOthers->setText(tr("Both other call kinds"));
    m_strategyButton->setText(tr("Ring order"));
    m_strategyButton->setAccessibleName(m_strategyButton->text());
    m_strategyButton->setToolTip(
        tr("Ring order: fill the delays and timeouts from the order of the devices (devices "
           "your administrator manages, and those switched off, are left alone)"));
    m_strategyMenu->setTitle(tr("&Ring order"));
    m_allAtOnce->setText(tr("&All at once"));
    for (const auto &[action, seconds] : std::as_const(m_oneAfterAnother))
        action->setText(tr("One after another, %n s each", nullptr, seconds));
    updateUndoTexts();
    m_exportAction->setText(tr("Export…"));
    m_exportAction->setToolTip(
        tr("Save this timeline as a PNG or SVG image (%1)")
            .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    // The labels' own text is what a screen reader reads: no name that would hide it.
    updatePlan();
    updateStatus();
}

void FollowMePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        m_notes->setFixedHeight(fontMetrics().lineSpacing() * 3 + 4);
    QWidget::changeEvent(event);
}
