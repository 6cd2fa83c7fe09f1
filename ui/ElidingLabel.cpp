#include "ElidingLabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidingLabel::setFullText(const QString &text)
{
    if (text == m_fullText)
        return;
    m_fullText = text;
    // QLabel's text stays the whole text: it is what accessibility and tests read.
    setText(text);
    updateGeometry();
    updateToolTip();
}

void ElidingLabel::setMaximumCharacters(int characters)
{
    m_maximumCharacters = characters;
    updateGeometry();
}

void ElidingLabel::setMinimumCharacters(int characters)
{
    m_minimumCharacters = characters;
    updateGeometry();
}

bool ElidingLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(m_fullText) > contentsRect().width();
}

QSize ElidingLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    // With a maximum, always that width: a column of names keeps its width when one is renamed.
    const int width = m_maximumCharacters > 0 ? metrics.averageCharWidth() * m_maximumCharacters
                                              : metrics.horizontalAdvance(m_fullText);
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 1,
            metrics.height() + margins.top() + margins.bottom()};
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int width = std::min(metrics.horizontalAdvance(m_fullText),
                               metrics.averageCharWidth() * m_minimumCharacters);
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 1,
            metrics.height() + margins.top() + margins.bottom()};
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(m_fullText, Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, int(alignment()) | Qt::TextSingleLine, palette(),
                          isEnabled(), shown, foregroundRole());
}

void ElidingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateToolTip();
}

void ElidingLabel::setExtraToolTip(const QString &text)
{
    m_toolTip = text;
    updateToolTip();
}

void ElidingLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        updateToolTip();
    }
    QLabel::changeEvent(event);
}

void ElidingLabel::updateToolTip()
{
    QString wanted = m_toolTip;
    if (isElided())
        wanted = m_toolTip.isEmpty() ? m_fullText : m_fullText + u'\n' + m_toolTip;
    if (wanted != toolTip())
        setToolTip(wanted);
}
