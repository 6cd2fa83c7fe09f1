#include "FollowMePage.h"

#include "CallPlayer.h"
#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "PlanEditor.h"
#include "PlanSummary.h"
#include "RingPlan.h"
#include "RingTimelineChart.h"
#include "RingWarnings.h"
#include "SettingsDocument.h"
#include "TimelineExporter.h"

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
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// What the timeline ends with when nobody answers, if the settings say.
QString endingLabel(const FollowMeSettings &settings, CallKind kind)
{
    const auto &unanswered = settings.unansweredCall(kind);
    if (!unanswered)
        return {};
    switch (unanswered->action) {
    case UnansweredCall::Action::Voicemail:
        return FollowMePage::tr("→ voicemail");
    case UnansweredCall::Action::Number:
        return FollowMePage::tr("→ %1").arg(unanswered->number);
    case UnansweredCall::Action::Hangup:
        return FollowMePage::tr("→ call ends");
    }
    return {};
}

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
    , m_controllable(new QSortFilterProxyModel(this))
    , m_editor(new PlanEditor(document, this))
    , m_player(new CallPlayer(this))
{
    m_model->setEditor(m_editor);

    m_title = makeHeading(this, 1.5);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    // "Client controls" lists only the devices the desktop client can actually control.
    m_controllable->setSourceModel(m_model);
    m_controllable->setFilterRole(DeviceRuleModel::ControllableRole);
    m_controllable->setFilterFixedString(u"true"_s);
    m_picker = new QComboBox(this);
    m_picker->setModel(m_controllable);
    m_picker->setModelColumn(DeviceRuleModel::DeviceColumn);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pickerLabel = new QLabel(this);
    m_pickerLabel->setBuddy(m_picker);
    connect(m_picker, &QComboBox::activated, this, &FollowMePage::pickControlledDevice);
    connect(document, &SettingsDocument::controlledDeviceChanged, this, &FollowMePage::syncPicker);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::syncPicker);

    m_tabs = new QTabBar(this);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(true);
    for (int i = 0; i < CallKinds::count; ++i)
        m_tabs->addTab(QString());
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { m_model->setCallKind(CallKinds::fromIndex(index)); });
    connect(m_model, &DeviceRuleModel::callKindChanged, this, [this](CallKind kind) {
        m_tabs->setCurrentIndex(CallKinds::index(kind));
        retranslate();
    });

    m_kindHint = new QLabel(this);
    m_kindHint->setWordWrap(true);

    // Play, undo/redo, copy and export: the plan as a whole.
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_playAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_playAction, &QAction::triggered, this, &FollowMePage::togglePlay);
    m_speed = new QComboBox(this);
    for (double speed : {1.0, 2.0, 5.0, 10.0})
        m_speed->addItem(QString(), speed);
    m_toolBar->addWidget(m_speed);
    m_toolBar->addSeparator();
    // Not QUndoStack::createUndoAction(): its prefix is fixed at creation and glued to the
    // step's text, which breaks both a language switch and German word order.
    m_undoAction = new QAction(this);
    connect(m_undoAction, &QAction::triggered, m_editor->undoStack(), &QUndoStack::undo);
    connect(m_editor->undoStack(), &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(m_editor->undoStack(), &QUndoStack::undoTextChanged, this,
            &FollowMePage::updateUndoTexts);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = new QAction(this);
    connect(m_redoAction, &QAction::triggered, m_editor->undoStack(), &QUndoStack::redo);
    connect(m_editor->undoStack(), &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(m_editor->undoStack(), &QUndoStack::redoTextChanged, this,
            &FollowMePage::updateUndoTexts);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_copyButton = new QToolButton(this);
    m_copyButton->setPopupMode(QToolButton::InstantPopup);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *copyMenu = new QMenu(m_copyButton);
    for (CallKind kind : CallKinds::all()) {
        QAction *action = copyMenu->addAction(QString());
        connect(action, &QAction::triggered, this, [this, kind] { copyPlanTo({kind}); });
        m_copyToKind.append(action);
    }
    copyMenu->addSeparator();
    m_copyToOthers = copyMenu->addAction(QString());
    connect(m_copyToOthers, &QAction::triggered, this, [this] {
        QList<CallKind> others = CallKinds::all();
        others.removeAll(callKind());
        copyPlanTo(others);
    });
    m_copyButton->setMenu(copyMenu);
    m_toolBar->addWidget(m_copyButton);
    m_exportAction =
        m_toolBar->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), QString());
    connect(m_exportAction, &QAction::triggered, this, &FollowMePage::chooseExportFile);

    connect(m_player, &CallPlayer::positionChanged, this, &FollowMePage::showPlayPosition);
    connect(m_player, &CallPlayer::finished, this, &FollowMePage::finishPlay);
    connect(m_player, &CallPlayer::stopped, this, &FollowMePage::finishPlay);

    m_devicesTitle = makeHeading(this, 1.15);
    m_rulesView = new DeviceRulesView;
    m_rulesView->setModel(m_model);
    m_rulesScroll = new QScrollArea(this);
    m_rulesScroll->setWidget(m_rulesView);
    m_rulesScroll->setWidgetResizable(true);
    m_rulesScroll->setFrameShape(QFrame::NoFrame);
    m_rulesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_timelineTitle = makeHeading(this, 1.15);
    m_timeline = new RingTimelineChart(this);
    m_timeline->setModel(m_model);
    // A drag is one edit run, hence one undo step.
    connect(m_timeline, &RingTimelineChart::editFinished, m_model, &DeviceRuleModel::endEditRun);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setAutoFillBackground(true);
    m_warnings->setBackgroundRole(QPalette::ToolTipBase);
    m_warnings->setForegroundRole(QPalette::ToolTipText);
    m_warnings->setMargin(fontMetrics().height() / 3);
    m_warnings->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *devicesPane = new QWidget(this);
    auto *devicesLayout = new QVBoxLayout(devicesPane);
    devicesLayout->setContentsMargins(0, 0, 0, 0);
    devicesLayout->addWidget(m_devicesTitle);
    devicesLayout->addWidget(m_rulesScroll, 1);

    auto *timelinePane = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_timelineTitle);
    timelineLayout->addWidget(m_timeline, 1);
    timelineLayout->addWidget(m_summary);
    timelineLayout->addWidget(m_status);

    // The list takes the width its rows need (in any language, and again when devices arrive
    // or the language changes); the timeline gets the rest.
    auto *panes = new QHBoxLayout;
    panes->addWidget(devicesPane, 0);
    panes->addSpacing(fontMetrics().averageCharWidth() * 2);
    panes->addWidget(timelinePane, 1);

    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(m_pickerLabel);
    pickerRow->addWidget(m_picker);
    pickerRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(pickerRow);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_tabs);
    layout->addWidget(m_kindHint);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_warnings);
    layout->addLayout(panes, 1);

    // The rows never scroll sideways: the list is as wide as its widest row, in any language,
    // also when the devices arrive after the window is shown (from the server).
    // Queued: new rows are shown by their layout on the next event loop turn, and hidden
    // widgets don't count in a layout's size.
    connect(m_rulesView, &DeviceRulesView::contentChanged, this, &FollowMePage::fitDeviceList,
            Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FollowMePage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::updateStatus);
    // Any change (rules, devices, the controlled device, what happens to unanswered calls).
    connect(document, &SettingsDocument::changed, this, &FollowMePage::updatePlan);
    connect(m_model, &DeviceRuleModel::callKindChanged, this, &FollowMePage::updatePlan);
    connect(m_model, &DeviceRuleModel::editRefused, m_status, &QLabel::setText);

    fitDeviceList();
    setTabOrder(m_picker, m_tabs);
    setTabOrder(m_tabs, m_toolBar);
    setTabOrder(m_toolBar, m_rulesView);
    setTabOrder(m_rulesView, m_timeline);
    retranslate();
    syncPicker();
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
        m_status->setText(tr("Nothing to copy: %1 already ring the same way.").arg(list));
    else if (skippedLocked)
        m_status->setText(tr("Copied to %1; devices your administrator manages were skipped. "
                             "Undo takes it back.")
                              .arg(list));
    else
        m_status->setText(tr("Copied to %1. Undo takes it back.").arg(list));
    return changed;
}

std::optional<QString> FollowMePage::exportTimeline(const QString &path)
{
    const QSize size = m_timeline->size().expandedTo(TimelineExporter::defaultSize);
    return TimelineExporter::exportTimeline(m_document->settings(), callKind(), path, size);
}

void FollowMePage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the ring timeline"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + u'/'
            + tr("followme-%1.png").arg(CallKinds::key(callKind())),
        tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const auto failure = exportTimeline(path);
    m_status->setText(failure ? *failure
                              : tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void FollowMePage::togglePlay()
{
    if (m_player->isPlaying()) {
        m_player->stop();
        return;
    }
    const RingPlan plan(m_document->settings(), callKind());
    m_playAction->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_playAction->setText(tr("Stop"));
    m_player->start(std::max(plan.lastRingEnd(), 1), m_speed->currentData().toDouble());
}

void FollowMePage::showPlayPosition(double seconds)
{
    const RingPlan plan(m_document->settings(), callKind());
    m_player->setEnd(std::max(plan.lastRingEnd(), 1));
    const QList<int> ringing = plan.ringingAt(int(seconds));
    const QSet<int> rows(ringing.cbegin(), ringing.cend());
    m_timeline->setPlayhead(seconds);
    m_timeline->setRingingRows(rows);
    m_rulesView->setRingingRows(rows);
    QStringList names;
    for (int row : ringing)
        names.append(m_document->settings().devices.at(row).name);
    m_status->setText(
        names.isEmpty()
            ? tr("%1 s: nothing rings").arg(int(seconds))
            : tr("%1 s: %2 ringing").arg(int(seconds)).arg(QLocale().createSeparatedList(names)));
}

void FollowMePage::finishPlay()
{
    m_playAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playAction->setText(tr("Play a call"));
    m_timeline->setRingingRows({});
    m_rulesView->setRingingRows({});
    if (m_player->position() >= RingPlan(m_document->settings(), callKind()).lastRingEnd()) {
        m_status->setText(PlanSummary::outcome(m_document->settings(), callKind()));
    } else {
        m_timeline->setPlayhead(std::nullopt);
        updateStatus();
    }
}

void FollowMePage::updatePlan()
{
    const FollowMeSettings &settings = m_document->settings();
    const CallKind kind = callKind();
    const QList<RingWarning> warnings = RingWarnings::check(settings, kind);
    QStringList lines;
    QList<RingTimelineChart::Marker> gaps;
    QHash<int, QString> rowWarnings;
    for (const RingWarning &warning : warnings) {
        lines.append(u"⚠ "_s + warning.message());
        if (warning.kind == RingWarning::Kind::SilentGap)
            gaps.append({double(warning.from), double(warning.to), warning.message()});
        const int row = settings.indexOf(warning.deviceId);
        if (row >= 0 && warning.kind != RingWarning::Kind::ControlledDeviceNeverRings)
            rowWarnings.insert(row, warning.message());
    }
    m_warnings->setText(lines.join(u'\n'));
    m_warnings->setVisible(!lines.isEmpty());
    m_timeline->setGapMarkers(gaps);
    m_timeline->setRowWarnings(rowWarnings);
    const QString summary = PlanSummary::describe(settings, kind);
    m_summary->setText(summary);
    m_timeline->setSummary(summary);
    m_timeline->setEnding(endingLabel(settings, kind));
}

void FollowMePage::updateUndoTexts()
{
    const QUndoStack *stack = m_editor->undoStack();
    m_undoAction->setText(tr("Undo"));
    m_redoAction->setText(tr("Redo"));
    m_undoAction->setToolTip(stack->canUndo() ? tr("Undo: %1").arg(stack->undoText())
                                              : tr("Nothing to undo"));
    m_redoAction->setToolTip(stack->canRedo() ? tr("Redo: %1").arg(stack->redoText())
                                              : tr("Nothing to redo"));
}

void FollowMePage::fitDeviceList()
{
    m_rulesScroll->setMinimumWidth(m_rulesView->minimumSizeHint().width()
                                   + m_rulesScroll->verticalScrollBar()->sizeHint().width());
}

void FollowMePage::syncPicker()
{
    const QString controlled = m_document->settings().controlledDeviceId;
    int current = -1;
    for (int row = 0; row < m_controllable->rowCount(); ++row) {
        if (m_controllable->index(row, DeviceRuleModel::DeviceColumn)
                .data(DeviceRuleModel::DeviceIdRole)
                .toString()
            == controlled)
            current = row;
    }
    m_picker->setCurrentIndex(current);
}

void FollowMePage::pickControlledDevice(int proxyRow)
{
    const QString id = m_controllable->index(proxyRow, DeviceRuleModel::DeviceColumn)
                           .data(DeviceRuleModel::DeviceIdRole)
                           .toString();
    if (const auto problem = m_document->setControlledDevice(id)) {
        m_status->setText(problem->message());
        syncPicker();
    }
}

void FollowMePage::updateStatus()
{
    const RingPlan plan(m_document->settings(), m_model->callKind());
    const int devices = int(m_document->settings().devices.size());
    if (devices == 0) {
        m_status->clear();
    } else if (plan.isEmpty()) {
        m_status->setText(tr("%1: no device rings, so these callers can't reach you.")
                              .arg(CallKinds::callsTitle(m_model->callKind())));
    } else {
        m_status->setText(tr("Ringing: %1 of %2 devices, the last one until %3 s.")
                              .arg(plan.entries().size())
                              .arg(devices)
                              .arg(plan.lastRingEnd()));
    }
}

void FollowMePage::retranslate()
{
    setWindowTitle(tr("FollowMe"));
    m_title->setText(windowTitle());
    m_intro->setText(tr("Choose which of your phones ring for an incoming call, when they start "
                        "and how long they ring."));
    m_pickerLabel->setText(tr("&Client controls:"));
    m_picker->setPlaceholderText(tr("No device"));
    m_picker->setAccessibleName(tr("Client controls"));
    m_picker->setToolTip(tr("The device this desktop client controls for your calls"));
    m_tabs->setAccessibleName(tr("Call kind"));
    for (CallKind kind : CallKinds::all())
        m_tabs->setTabText(CallKinds::index(kind), CallKinds::displayName(kind));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::External),
                          tr("Calls from outside, through a trunk"));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::Internal),
                          tr("Calls from other users of the phone system"));
    m_tabs->setTabToolTip(CallKinds::index(CallKind::Teams),
                          tr("Queue calls to you as a logged-in agent"));
    m_kindHint->setText(m_tabs->tabToolTip(m_tabs->currentIndex()));
    m_devicesTitle->setText(tr("My devices"));
    m_timelineTitle->setText(tr("Ring timeline"));
    m_rulesView->setAccessibleName(tr("My devices"));
    m_playAction->setText(m_player->isPlaying() ? tr("Stop") : tr("Play a call"));
    m_playAction->setToolTip(tr("Simulate an incoming call of this kind along the timeline (%1)")
                                 .arg(m_playAction->shortcut().toString(QKeySequence::NativeText)));
    const QStringList speeds {tr("Real time"), tr("2× faster"), tr("5× faster"), tr("10× faster")};
    for (int i = 0; i < speeds.size(); ++i)
        m_speed->setItemText(i, speeds.at(i));
    m_speed->setAccessibleName(tr("Playback speed"));
    m_copyButton->setText(tr("Copy this plan to"));
    m_copyButton->setAccessibleName(tr("Copy this plan to another call kind"));
    for (CallKind kind : CallKinds::all()) {
        QAction *action = m_copyToKind.at(CallKinds::index(kind));
        action->setText(CallKinds::callsTitle(kind));
        action->setVisible(kind != callKind());
    }
    m_copyToOthers->setText(tr("Both other call kinds"));
    updateUndoTexts();
    m_exportAction->setText(tr("Export…"));
    m_exportAction->setToolTip(tr("Save this timeline as a PNG or SVG image"));
    m_warnings->setAccessibleName(tr("Warnings"));
    m_summary->setAccessibleName(tr("The plan in one sentence"));
    updatePlan();
    updateStatus();
}

void FollowMePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
