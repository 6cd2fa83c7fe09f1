#pragma once

#include "DeviceRuleModel.h"
#include "SecondsSpinBox.h"

#include <QHash>
#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QTimer>
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

    // Rows past the first screenful get their widgets after the first paint, a few per
    // event-loop turn, so a start with 100 devices costs about what one with 6 does; a row's
    // widget asked for before that is made at once.
    int rowCount() const { return m_rowCount; }
    ToggleSwitch *enabledSwitch(int row) const { return widgetsOf(row).enabled; }
    SecondsSpinBox *delaySpinBox(int row) const { return widgetsOf(row).delay; }
    SecondsSpinBox *timeoutSpinBox(int row) const { return widgetsOf(row).timeout; }
    QLabel *lockLabel(int row) const { return widgetsOf(row).lock; }
    // "Sending…" (not yet confirmed by the server) or "Ringing" (a call plays); else empty.
    QString statusText(int row) const;
    ElidingLabel *nameLabel(int row) const { return widgetsOf(row).name; }
    // How many rows have their widgets yet.
    int createdRowCount() const { return int(m_rows.size()); }
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
    bool event(QEvent *event) override;

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
    const Row &widgetsOf(int row) const;
    // Makes the widgets of the rows up to (not including) `end`.
    void createRows(int end);
    void createLaterRows();
    int firstScreenRows() const;
    void updateEmptyText();
    // A device's icon (key: kind * 2, + 1 when locked) or the lock (lockPixmapKey).
    static constexpr int lockPixmapKey = -1;
    QPixmap pixmap(int key);
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
    QList<Row> m_rows; // the first rows, those made so far
    int m_rowCount = 0;
    QTimer m_laterRows;
    QHash<int, QPixmap> m_pixmaps;
    int m_lastStretchRow = 0;
    int m_rowPitch = 0;
    QColor m_quietText; // a number, a badge: readable on this palette
    QColor m_ringingText;
    QSet<int> m_ringing;
};
