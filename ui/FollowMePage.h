#pragma once

#include "CallKind.h"

#include <QWidget>

class DeviceRuleModel;
class DeviceRulesView;
class RingTimelineChart;
class SettingsDocument;
class QComboBox;
class QLabel;
class QScrollArea;
class QSortFilterProxyModel;
class QTabBar;

// Settings > FollowMe: which device the client controls, and for each call kind which devices
// ring when and for how long, as a list to edit and as a timeline to read.
class FollowMePage : public QWidget
{
    Q_OBJECT

public:
    explicit FollowMePage(SettingsDocument *document, QWidget *parent = nullptr);

    DeviceRuleModel *model() const { return m_model; }
    QComboBox *controlledDevicePicker() const { return m_picker; }
    QTabBar *callKindTabs() const { return m_tabs; }
    DeviceRulesView *rulesView() const { return m_rulesView; }
    RingTimelineChart *timeline() const { return m_timeline; }
    QLabel *statusLabel() const { return m_status; }

    CallKind callKind() const;
    void setCallKind(CallKind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncPicker();
    void pickControlledDevice(int proxyRow);
    void updateStatus();
    void fitDeviceList();

    SettingsDocument *m_document;
    DeviceRuleModel *m_model;
    QSortFilterProxyModel *m_controllable;
    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_pickerLabel;
    QComboBox *m_picker;
    QTabBar *m_tabs;
    QLabel *m_kindHint;
    QLabel *m_devicesTitle;
    DeviceRulesView *m_rulesView;
    QScrollArea *m_rulesScroll;
    QLabel *m_timelineTitle;
    RingTimelineChart *m_timeline;
    QLabel *m_status;
};
