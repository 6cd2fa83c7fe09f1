#pragma once

#include <QCheckBox>

// An on/off switch. A QCheckBox underneath, so keyboard handling (Space) and accessibility
// (a check box with a checked state) come from Qt; only the look differs.
class ToggleSwitch : public QCheckBox
{
    Q_OBJECT

public:
    explicit ToggleSwitch(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool hitButton(const QPoint &pos) const override;
};
