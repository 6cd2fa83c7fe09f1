#pragma once

#include "CallKind.h"

#include <QWidget>

#include <optional>

class CallPlayer;
class DeviceRuleModel;
class PlanEditor;
class DeviceRulesView;
class RingTimelineChart;
class SettingsDocument;
class QAction;
class QComboBox;
class QToolBar;
class QToolButton;
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
    ~FollowMePage() override;

    DeviceRuleModel *model() const { return m_model; }
    QComboBox *controlledDevicePicker() const { return m_picker; }
    QTabBar *callKindTabs() const { return m_tabs; }
    DeviceRulesView *rulesView() const { return m_rulesView; }
    RingTimelineChart *timeline() const { return m_timeline; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *warningsLabel() const { return m_warnings; }
    QLabel *summaryLabel() const { return m_summary; }
    PlanEditor *editor() const { return m_editor; }
    CallPlayer *player() const { return m_player; }
    QAction *playAction() const { return m_playAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QComboBox *speedPicker() const { return m_speed; }

    // "Copy this plan to": the current call kind's rules onto the others (locked devices are
    // skipped), as one undoable step. Returns how many rules changed.
    int copyPlanTo(const QList<CallKind> &targets);
    // Writes the current call kind's timeline as PNG or SVG (by the suffix); the reason on
    // failure.
    std::optional<QString> exportTimeline(const QString &path);

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
    void updatePlan(); // warnings, summary, chart markers
    void togglePlay();
    void showPlayPosition(double seconds);
    void finishPlay();
    void chooseExportFile();
    void updateUndoTexts();

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
    QLabel *m_warnings;
    QLabel *m_summary;
    PlanEditor *m_editor;
    CallPlayer *m_player;
    QToolBar *m_toolBar;
    QAction *m_playAction;
    QComboBox *m_speed;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QToolButton *m_copyButton;
    QAction *m_copyToOthers;
    QList<QAction *> m_copyToKind;
    QAction *m_exportAction;
};
