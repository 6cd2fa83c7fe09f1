#include "FollowMePage.h"

#include "DeviceRuleModel.h"
#include "DeviceRulesView.h"
#include "RingPlan.h"
#include "RingTimelineChart.h"
#include "SettingsDocument.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabBar>
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
    , m_controllable(new QSortFilterProxyModel(this))
{
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
    layout->addLayout(panes, 1);

    // The rows never scroll sideways: the list is as wide as its widest row, in any language,
    // also when the devices arrive after the window is shown (from the server).
    // Queued: new rows are shown by their layout on the next event loop turn, and hidden
    // widgets don't count in a layout's size.
    connect(m_rulesView, &DeviceRulesView::contentChanged, this, &FollowMePage::fitDeviceList,
            Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FollowMePage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowMePage::updateStatus);
    connect(m_model, &DeviceRuleModel::editRefused, m_status, &QLabel::setText);

    fitDeviceList();
    setTabOrder(m_picker, m_tabs);
    setTabOrder(m_tabs, m_rulesView);
    retranslate();
    syncPicker();
}

CallKind FollowMePage::callKind() const
{
    return m_model->callKind();
}

void FollowMePage::setCallKind(CallKind kind)
{
    m_model->setCallKind(kind);
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
    updateStatus();
}

void FollowMePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
