#pragma once

#include <QSpinBox>

// A spinner for whole seconds that never turns what was typed into another number. QSpinBox
// drops keystrokes that can't lead to a valid value ("601" with a maximum of 600 stays "60",
// "12.5" becomes "125"); this one keeps the text as typed, shows it as wrong while it is, and
// when the user commits it (Enter, leaving the field) refuses it out loud and shows the last
// good value again. The wheel turns it only while it has focus, so scrolling a list past it
// changes nothing, and Undo/Redo shortcuts reach the window's actions rather than the text.
class SecondsSpinBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit SecondsSpinBox(QWidget *parent = nullptr);

    // True while the text is not a whole number in range.
    bool hasInvalidInput() const;

signals:
    // The user committed text that is not a whole number in range; nothing was changed.
    void inputRefused(const QString &typed);

protected:
    QValidator::State validate(QString &input, int &pos) const override;
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refuseIfInvalid();
    void showValidity();
};
