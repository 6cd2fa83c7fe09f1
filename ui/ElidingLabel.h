#pragma once

#include <QLabel>

// A one-line label for text of any length (a device name, a number, a status): shown whole
// where it fits, else cut with "…" at the width the layout gives it, and then the whole text
// is in its tooltip. Screen readers always get the whole text.
class ElidingLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    bool isElided() const;
    // More to say on hover (why it is greyed out); the whole text comes first when elided. Use
    // this rather than setToolTip(), which the label manages.
    void setExtraToolTip(const QString &text);
    // A short word shown after the text in its own colour ("Sending…"), taking room from the
    // text rather than from the layout: the label's size stays the same with or without it.
    void setBadge(const QString &badge, const QColor &color);
    QString badge() const { return m_badge; }
    // The width it asks for, in average characters, whatever the text (so a column of them
    // doesn't jump on a rename); longer text is elided. 0: as wide as the text.
    void setMaximumCharacters(int characters);
    // The narrowest it may become, in average characters.
    void setMinimumCharacters(int characters);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();
    void updateText();
    int textWidth() const; // the room the text has beside the badge
    int fullTextWidth() const;
    int badgeWidth() const;

    QString m_fullText;
    QString m_badge;
    QColor m_badgeColor;
    QString m_toolTip; // setExtraToolTip()'s text
    // fullTextWidth() and badgeWidth(), -1 until measured.
    mutable int m_fullTextWidth = -1;
    mutable int m_badgeWidth = -1;
    int m_maximumCharacters = 0;
    int m_minimumCharacters = 6;
};
