#pragma once

#include <QComboBox>

// A combo box of a fixed width whose current text, when longer, ends in "…" instead of being
// cut off mid-letter (Qt's styles draw it clipped). The whole text is in its tooltip.
class ElidingComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit ElidingComboBox(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};
