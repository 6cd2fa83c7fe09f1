#include "SecondsSpinBox.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QWheelEvent>

namespace {

// Longer than any sensible number; stops a stuck key from filling the field.
constexpr int maximumTypedLength = 12;

} // namespace

SecondsSpinBox::SecondsSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    // Not WheelFocus (QSpinBox's default): a wheel turn must not grab the focus, and with it
    // the right to change the value.
    setFocusPolicy(Qt::StrongFocus);
    setAlignment(Qt::AlignRight);
    // Typed values count when complete: typing "120" must not send 1 and 12 on the way.
    setKeyboardTracking(false);
    connect(lineEdit(), &QLineEdit::textChanged, this, &SecondsSpinBox::showValidity);
}

QValidator::State SecondsSpinBox::validate(QString &input, int &pos) const
{
    const QValidator::State state = QSpinBox::validate(input, pos);
    if (state != QValidator::Invalid)
        return state;
    // Keep what was typed, whatever it is, so it can be refused as a whole rather than
    // quietly shortened into another number.
    return input.size() <= maximumTypedLength + suffix().size() ? QValidator::Intermediate
                                                                : QValidator::Invalid;
}

bool SecondsSpinBox::hasInvalidInput() const
{
    QString text = lineEdit()->text();
    int pos = 0;
    return QSpinBox::validate(text, pos) != QValidator::Acceptable;
}

bool SecondsSpinBox::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            // The window's Undo/Redo undo plan edits; the field's own text undo would only
            // fight them.
            event->ignore();
            return true;
        }
    }
    return QSpinBox::event(event);
}

void SecondsSpinBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore(); // the scroll area behind it scrolls instead
        return;
    }
    QSpinBox::wheelEvent(event);
}

void SecondsSpinBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        refuseIfInvalid();
    else if (event->key() == Qt::Key_Escape && hasInvalidInput()) {
        lineEdit()->setText(textFromValue(value()) + suffix());
        event->accept();
        return;
    }
    QSpinBox::keyPressEvent(event);
}

void SecondsSpinBox::focusOutEvent(QFocusEvent *event)
{
    refuseIfInvalid();
    QSpinBox::focusOutEvent(event);
}

void SecondsSpinBox::refuseIfInvalid()
{
    if (!hasInvalidInput())
        return;
    const QString typed = cleanText(); // what was typed, without the unit
    // Show the value that still holds before anyone hears about the refusal.
    lineEdit()->setText(textFromValue(value()) + suffix());
    emit inputRefused(typed);
}

void SecondsSpinBox::showValidity()
{
    QPalette pal = palette();
    if (hasInvalidInput()) {
        const bool dark = pal.color(QPalette::Base).lightness() < 128;
        pal.setColor(QPalette::Text, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    lineEdit()->setPalette(pal);
}

void SecondsSpinBox::changeEvent(QEvent *event)
{
    QSpinBox::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showValidity();
}
