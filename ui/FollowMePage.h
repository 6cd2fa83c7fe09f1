#pragma once

#include "CallKind.h"
#include "FollowMeSettings.h"
#include "RingStrategy.h"

#include <QWidget>

#include <optional>

class CallPlayer;
class DeviceRuleModel;
class ElidingLabel;
class PlanEditor;
class PlanHeader;
class ProfileBar;
class DeviceRulesView;
class RingTimelineChart;
class TimelineLegend;
class SettingsDocument;
class QAction;
class QComboBox;
class QToolBar;
class QToolButton;
class QLabel;
class QScrollArea;
class QMenu;
class QTabBar;

// Settings > FollowMe: which device the client controls, and for each call kind which devices
// ring when and for how long, as a list to edit and as a timeline to read, row beside row.
//
// Nothing that comes and goes moves a control: the headings stay above the rows, the rows and
// their bars scroll together, warnings and the summary have a fixed place of their own below,
// and the status is one line under everything.
class FollowMePage : public QWidget
{
    Q_OBJECT

public:
    explicit FollowMePage(SettingsDocument *document, QWidget *parent = nullptr);
    ~FollowMePage() override;

    DeviceRuleModel *model() const { return m_model; }
    QComboBox *controlledDevicePicker() const { return m_picker; }
    ProfileBar *profileBar() const { return m_profiles; }
    QTabBar *callKindTabs() const { return m_tabs; }
    DeviceRulesView *rulesView() const { return m_rulesView; }
    RingTimelineChart *timeline() const { return m_timeline; }
    QLabel *statusLabel() const;
    PlanHeader *planHeader() const { return m_planHeader; }
    QScrollArea *planScrollArea() const { return m_planScroll; }
    TimelineLegend *legend() const { return m_legend; }
    QAction *exportAction() const { return m_exportAction; }
    QMenu *copyMenu() const { return m_copyMenu; }
    // "Ring order": all at once, or one after another, for the current call kind.
    QMenu *strategyMenu() const { return m_strategyMenu; }
    // The strategy for the current call kind, as one undoable step; says what it did.
    int applyStrategy(RingStrategy::Kind strategy, int seconds = 0);
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

    // False while there are no settings at all yet (never received, nothing cached): the page
    // then says so instead of judging an empty plan ("no device rings").
    void setSettingsKnown(bool known);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The settings as the page shows them: with the shown profile's rules (DeviceRuleModel).
    FollowMeSettings shownSettings() const;
    void retranslate();
    void syncPicker();
    void fillPicker();
    void pickControlledDevice(int index);
    void updateStatus();
    void setStatus(const QString &text);
    void alignPlan();
    void fitPlanHeight();
    void updateEmptyState();
    void clearPlayedCall();
    void updatePlan(); // warnings, summary, chart markers
    void togglePlay();
    void showPlayPosition(double seconds);
    void finishPlay();
    void chooseExportFile();
    void updateUndoTexts();

    SettingsDocument *m_document;
    DeviceRuleModel *m_model;
    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_pickerLabel;
    QComboBox *m_picker;
    ProfileBar *m_profiles;
    QTabBar *m_tabs;
    ElidingLabel *m_kindHint;
    DeviceRulesView *m_rulesView;
    RingTimelineChart *m_timeline;
    PlanHeader *m_planHeader;
    QScrollArea *m_planScroll;
    TimelineLegend *m_legend;
    QScrollArea *m_notes;
    ElidingLabel *m_status;
    QLabel *m_warnings;
    QLabel *m_summary;
    PlanEditor *m_editor;
    CallPlayer *m_player;
    bool m_settingsKnown = true;
    QToolBar *m_toolBar;
    QAction *m_playAction;
    QComboBox *m_speed;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QToolButton *m_copyButton;
    QMenu *m_copyMenu;
    QToolButton *m_strategyButton;
    QMenu *m_strategyMenu;
    QAction *m_allAtOnce;
    QList<std::pair<QAction *, int>> m_oneAfterAnother;
    QAction *m_copyToOthers;
    QList<QAction *> m_copyToKind;
    QAction *m_exportAction;
};
