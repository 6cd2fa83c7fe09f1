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
    m_fullTextWidth = -1;
    updateText();
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

void ElidingLabel::updateText()
{
    // QLabel's text stays the whole text (and the badge): it is what accessibility reads.
    setText(m_badge.isEmpty() ? m_fullText : m_fullText + u" · " + m_badge);
}

void ElidingLabel::setBadge(const QString &badge, const QColor &color)
{
    if (badge == m_badge && color == m_badgeColor)
        return;
    m_badge = badge;
    m_badgeWidth = -1;
    m_badgeColor = color;
    updateText();
    updateToolTip();
    update();
}

int ElidingLabel::textWidth() const
{
    const int width = contentsRect().width();
    if (m_badge.isEmpty())
        return width;
    return std::max(0, width - badgeWidth() - fontMetrics().averageCharWidth());
}

bool ElidingLabel::isElided() const
{
    return fullTextWidth() > textWidth();
}

// Measured once per text and font: layouts ask for the size hints many times, and each
// measure shapes the whole text again.
int ElidingLabel::fullTextWidth() const
{
    if (m_fullTextWidth < 0)
        m_fullTextWidth = fontMetrics().horizontalAdvance(m_fullText);
    return m_fullTextWidth;
}

int ElidingLabel::badgeWidth() const
{
    if (m_badgeWidth < 0)
        m_badgeWidth = fontMetrics().horizontalAdvance(m_badge);
    return m_badgeWidth;
}

QSize ElidingLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    // With a maximum, always that width: a column of names keeps its width when one is renamed.
    const int width = m_maximumCharacters > 0 ? metrics.averageCharWidth() * m_maximumCharacters
                                              : fullTextWidth();
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 1,
            metrics.height() + margins.top() + margins.bottom()};
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int width = std::min(fullTextWidth(), metrics.averageCharWidth() * m_minimumCharacters);
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 1,
            metrics.height() + margins.top() + margins.bottom()};
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(m_fullText, Qt::ElideRight, textWidth());
    style()->drawItemText(&painter, area, int(alignment()) | Qt::TextSingleLine, palette(),
                          isEnabled(), shown, foregroundRole());
    if (!m_badge.isEmpty()) {
        const int x =
            area.left() + fontMetrics().horizontalAdvance(shown) + fontMetrics().averageCharWidth();
        painter.setPen(m_badgeColor);
        painter.drawText(QRect(x, area.top(), area.right() - x + 1, area.height()),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, m_badge);
    }
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
        m_fullTextWidth = m_badgeWidth = -1;
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
