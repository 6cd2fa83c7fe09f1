// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoteLabel.h"

#include <QEvent>

NoteLabel::NoteLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
}

int NoteLabel::heightForWidth(int width) const
{
    if (text() != m_measuredText || font() != m_measuredFont) {
        m_heights.clear();
        m_measuredText = text();
        m_measuredFont = font();
    }
    // A layout asks for the same few widths again and again; measure each once.
    if (const auto known = m_heights.constFind(width); known != m_heights.cend())
        return known.value();
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() > 16)
        m_heights.clear();
    m_heights.insert(width, height);
    return height;
}

QSize NoteLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    const int width = fontMetrics().averageCharWidth() * 80 + margins.left() + margins.right();
    // The height a layout asks heightForWidth() for; here only a guess from the characters.
    const QFontMetrics metrics = fontMetrics();
    const qsizetype characters = text().size();
    const int lines = characters == 0 ? 0 : int(characters / 80 + 1 + text().count(u'\n'));
    return {width, lines * metrics.lineSpacing() + margins.top() + margins.bottom()};
}

QSize NoteLabel::minimumSizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fontMetrics().averageCharWidth() * 12 + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

void NoteLabel::changeEvent(QEvent *event)
{
    // A style changes the measure too (a font is in the key already).
    if (event->type() == QEvent::StyleChange)
        m_heights.clear();
    QLabel::changeEvent(event);
}

void NoteLabel::enterEvent(QEnterEvent *event)
{
    // Selectable by the time the mouse can press on it.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QLabel::enterEvent(event);
}

void NoteLabel::leaveEvent(QEvent *event)
{
    // A selection stays until the user clears it (a click elsewhere in the text).
    if (!hasSelectedText())
        setTextInteractionFlags(Qt::NoTextInteraction);
    QLabel::leaveEvent(event);
}
