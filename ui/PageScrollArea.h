#pragma once

#include <QScrollArea>

// Holds a settings page so that a window smaller than the page scrolls it instead of squeezing
// its parts over each other. Unlike QScrollArea's own widgetResizable mode, which gives a page
// with word-wrapped text its *preferred* height (and so scrolls as soon as the page could use
// more room), the page here gets the viewport's size and never less than its minimum: it
// scrolls only when it truly doesn't fit, and then its own parts (the rows) shrink first.
class PageScrollArea : public QScrollArea
{
    Q_OBJECT

public:
    PageScrollArea(QWidget *page, QWidget *parent = nullptr);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();
};
