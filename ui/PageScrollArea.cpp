#include "PageScrollArea.h"

#include <QEvent>
#include <QLayout>
#include <QScrollBar>

PageScrollArea::PageScrollArea(QWidget *page, QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("pageScroll"));
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);
    setWidgetResizable(false);
    setWidget(page);
    page->installEventFilter(this);
}

void PageScrollArea::fit()
{
    QWidget *page = widget();
    if (!page)
        return;
    const QSize available = maximumViewportSize();
    const QSize minimum = page->minimumSizeHint().expandedTo(page->minimumSize());
    auto minimumHeightAt = [page, &minimum](int width) {
        const QLayout *layout = page->layout();
        return layout && layout->hasHeightForWidth() ? layout->totalMinimumHeightForWidth(width)
                                                     : minimum.height();
    };
    int width = std::max(available.width(), minimum.width());
    int height = minimumHeightAt(width);
    if (height > available.height()) {
        // A vertical scrollbar takes its width from the page.
        width =
            std::max(available.width() - verticalScrollBar()->sizeHint().width(), minimum.width());
        height = minimumHeightAt(width);
    }
    page->resize(width,
                 std::max(height,
                          width > available.width()
                              ? available.height() - horizontalScrollBar()->sizeHint().height()
                              : available.height()));
}

void PageScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fit();
}

bool PageScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fit();
    return QScrollArea::eventFilter(watched, event);
}
