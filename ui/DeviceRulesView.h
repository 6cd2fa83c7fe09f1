#pragma once

#include "DeviceRuleModel.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QGridLayout;
class QLabel;
class QSpinBox;
class QVBoxLayout;
class ToggleSwitch;

// "My devices": one row per device of a DeviceRuleModel with a switch, the device's icon, name
// and number, and Delay and Timeout spinners. A view in the model/view sense: it reads the model
// and writes every edit back through it, and repaints a row when the model says it changed.
class DeviceRulesView : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceRulesView(QWidget *parent = nullptr);

    void setModel(DeviceRuleModel *model);
    DeviceRuleModel *model() const { return m_model; }

    int rowCount() const { return int(m_rows.size()); }
    ToggleSwitch *enabledSwitch(int row) const { return m_rows.at(row).enabled; }
    QSpinBox *delaySpinBox(int row) const { return m_rows.at(row).delay; }
    QSpinBox *timeoutSpinBox(int row) const { return m_rows.at(row).timeout; }
    QLabel *lockLabel(int row) const { return m_rows.at(row).lock; }
    QLabel *pendingLabel(int row) const { return m_rows.at(row).pending; }

    // While a simulated call plays: the rows of the devices ringing now light up.
    void setRingingRows(const QSet<int> &rows);
    bool isRowRinging(int row) const { return m_ringing.contains(row); }

signals:
    // Rows were rebuilt or their texts changed: the width the view needs may have changed.
    void contentChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        ToggleSwitch *enabled = nullptr;
        QLabel *icon = nullptr;
        QLabel *name = nullptr;
        QLabel *detail = nullptr;
        QLabel *lock = nullptr;
        QSpinBox *delay = nullptr;
        QSpinBox *timeout = nullptr;
        QLabel *pending = nullptr;
        QVBoxLayout *nameBlock = nullptr;
    };

    void rebuild();
    void updateRow(int row);
    void updateRows(int first, int last);
    void retranslate();
    Row createRow(int row);
    void editRule(int row, int column, const QVariant &value);

    QPointer<DeviceRuleModel> m_model;
    QGridLayout *m_grid = nullptr;
    QLabel *m_deviceHeader = nullptr;
    QLabel *m_delayHeader = nullptr;
    QLabel *m_timeoutHeader = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QList<Row> m_rows;
    int m_lastStretchRow = 0;
    QSet<int> m_ringing;
};
