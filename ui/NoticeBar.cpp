#include "NoticeBar.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_count(new QLabel(this))
    , m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_count->setForegroundRole(QPalette::ToolTipText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_count, 0, Qt::AlignTop);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    connect(m_dismiss, &QPushButton::clicked, this, &NoticeBar::dismiss);
    parent->installEventFilter(this);
    hide();
    retranslate();
}

void NoticeBar::addNotice(const QString &text)
{
    m_notices.prepend(text);
    showCurrent();
    // Said out loud once: a notice must reach a screen reader user too.
    QAccessibleEvent event(m_text, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void NoticeBar::dismiss()
{
    if (!m_notices.isEmpty())
        m_notices.removeFirst();
    showCurrent();
}

void NoticeBar::showCurrent()
{
    if (m_notices.isEmpty()) {
        m_text->clear();
        hide();
        return;
    }
    m_text->setText(m_notices.constFirst());
    m_count->setText(m_notices.size() > 1
                         ? tr("%n more", "notices waiting", int(m_notices.size() - 1))
                         : QString());
    m_count->setVisible(m_notices.size() > 1);
    place();
    show();
    raise();
}

void NoticeBar::place()
{
    // Over the top of the parent, below its menu bar and across its width.
    const QWidget *host = parentWidget();
    const int margin = fontMetrics().height() / 2;
    const int width = std::max(host->width() - 2 * margin, 0);
    const int forWidth = heightForWidth(width);
    const int height = forWidth > 0 ? forWidth : sizeHint().height();
    setGeometry(margin, margin, width, height);
}

bool NoticeBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void NoticeBar::retranslate()
{
    m_dismiss->setText(tr("Dismiss"));
    m_text->setAccessibleName(QString()); // the text itself is what is read
    setAccessibleName(tr("Notice"));
    showCurrent();
}

void NoticeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}
