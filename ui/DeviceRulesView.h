#pragma once

#include "DeviceRuleModel.h"
#include "SecondsSpinBox.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class ElidingLabel;
class QGridLayout;
class QLabel;
class QSpinBox;
class QVBoxLayout;
class ToggleSwitch;

// "My devices": one row per device of a DeviceRuleModel with a switch, the device's icon, name
// and number, and Delay and Timeout spinners. A view in the model/view sense: it reads the model
// and writes every edit back through it, and repaints a row when the model says it changed.
// Every row is rowPitch() pixels tall, so the timeline beside it can draw each device's bar on
// the same line; the column headings live outside (PlanHeader), so they stay while rows scroll.
class DeviceRulesView : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceRulesView(QWidget *parent = nullptr);

    void setModel(DeviceRuleModel *model);
    DeviceRuleModel *model() const { return m_model; }

    int rowCount() const { return int(m_rows.size()); }
    ToggleSwitch *enabledSwitch(int row) const { return m_rows.at(row).enabled; }
    SecondsSpinBox *delaySpinBox(int row) const { return m_rows.at(row).delay; }
    SecondsSpinBox *timeoutSpinBox(int row) const { return m_rows.at(row).timeout; }
    QLabel *lockLabel(int row) const { return m_rows.at(row).lock; }
    // "Sending…" (not yet confirmed by the server) or "Ringing" (a call plays); else empty.
    QString statusText(int row) const;
    ElidingLabel *nameLabel(int row) const { return m_rows.at(row).name; }
    QLabel *emptyLabel() const { return m_emptyLabel; }

    // The height of every device row, from the font and style; the first row starts at y 0.
    int rowPitch() const { return m_rowPitch; }
    enum class Heading { Device, Delay, Timeout };
    // Where the column under a heading is, in this view's coordinates (x and width).
    QRect headingRect(Heading heading) const;
    // The Timeout column is at least this wide, for its heading (in any language, at any font).
    void setTimeoutHeadingWidth(int width);

    // While a simulated call plays: the rows of the devices ringing now light up.
    void setRingingRows(const QSet<int> &rows);

    // Whether there are settings at all yet; without (a client that never reached its server),
    // no rows is no news, not "no devices".
    void setSettingsKnown(bool known);
    bool isRowRinging(int row) const { return m_ringing.contains(row); }

signals:
    // Rows were rebuilt or their texts changed: the width the view needs may have changed.
    void contentChanged();
    // A typed value was refused; the message says what and why, ready to show.
    void inputRefused(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        ToggleSwitch *enabled = nullptr;
        QLabel *icon = nullptr;
        ElidingLabel *name = nullptr;
        ElidingLabel *detail = nullptr;
        QLabel *lock = nullptr;
        SecondsSpinBox *delay = nullptr;
        SecondsSpinBox *timeout = nullptr;
        QVBoxLayout *nameBlock = nullptr;
    };

    void rebuild();
    void updateRow(int row);
    void updateRows(int first, int last);
    void retranslate();
    Row createRow(int row);
    void editRule(int row, int column, const QVariant &value);
    void refuseInput(int row, int column, const QString &typed);
    void updateRowPitch();
    void updateTextColors();

    QPointer<DeviceRuleModel> m_model;
    QGridLayout *m_grid = nullptr;
    QLabel *m_emptyLabel = nullptr;
    bool m_settingsKnown = true;
    QList<Row> m_rows;
    int m_lastStretchRow = 0;
    int m_rowPitch = 0;
    QColor m_quietText; // a number, a badge: readable on this palette
    QColor m_ringingText;
    QSet<int> m_ringing;
};
