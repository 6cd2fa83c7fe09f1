// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
#include <QLabel>

// A wrapped paragraph the user may select and copy (the plan's summary, its warnings), cheap to
// lay out on every edit. A selectable QLabel lays its text out through a QTextDocument, again on
// each layout pass: here the text becomes selectable only while the mouse is over it (or a
// selection is left in it), and the height for a width is measured once per text and font.
// Screen readers get the text as from any label.
class NoteLabel : public QLabel
{
    Q_OBJECT

public:
    explicit NoteLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

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
