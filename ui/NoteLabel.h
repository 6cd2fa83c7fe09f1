// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
#include <QLabel>

// A wrapped paragraph the user may select and copy (the plan's summary, its warnings), cheap to
// lay out on every edit. A selectable QLabel lays its text out through a QTextDocument, again on
// each layout pass: here the text becomes selectable only while the mouse is over it (or a
// selection is left in it), the height for a width is measured once per text and font, and the
// size hints come from the font alone.
// Screen readers get the text as from any label.
class NoteLabel : public QLabel
{
    Q_OBJECT

public:
    explicit NoteLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;
    // Not measured from the text, which changes on every edit: a wrapped text is aimed at 80
    // characters (as QLabel does), and may shrink to a dozen; the height is guessed from the
    // characters, as the layout asks heightForWidth() for the width it gives.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // Heights by width, for m_measuredText in m_measuredFont.
    mutable QHash<int, int> m_heights;
    mutable QString m_measuredText;
    mutable QFont m_measuredFont;
};
