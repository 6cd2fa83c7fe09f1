#include "SettingsWindow.h"

#include "FollowMePage.h"
#include "Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

SettingsWindow::SettingsWindow(SettingsDocument *document, QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_followMe(new FollowMePage(document, this))
    , m_source(new QLabel(this))
    , m_noticeBar(new QFrame(this))
    , m_notice(new QLabel(m_noticeBar))
    , m_dismiss(new QPushButton(m_noticeBar))
{
    setWindowIcon(Icons::application());

    m_pages->setIconSize(QSize(20, 20));
    m_pages->setSpacing(2);
    m_pages->setFrameShape(QFrame::NoFrame);
    m_pages->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    // The notice bar: highlighted so it is seen, dismissed by the user, not by a timer.
    m_noticeBar->setFrameShape(QFrame::StyledPanel);
    m_noticeBar->setAutoFillBackground(true);
    m_noticeBar->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(m_dismiss, 0, Qt::AlignTop);
    m_noticeBar->hide();
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        m_noticeBar->hide();
        m_notice->clear();
    });

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->addWidget(m_noticeBar);
    auto *layout = new QHBoxLayout;
    layout->addWidget(m_pages);
    layout->addWidget(m_stack, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);

    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_source);

    addPage(Icons::application(), m_followMe);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_followMe->undoAction());
    m_editMenu->addAction(m_followMe->redoAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_followMe->playAction());
    m_pages->setCurrentRow(0);
    retranslate();
    resize(1120, 660);
}

void SettingsWindow::addPage(const QIcon &icon, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, page->windowTitle(), m_pages);
    item->setSizeHint(QSize(0, fontMetrics().height() * 2));
    m_stack->addWidget(page);
    connect(page, &QWidget::windowTitleChanged, this, [this, item](const QString &title) {
        item->setText(title);
        fitPageList();
    });
    fitPageList();
}

void SettingsWindow::fitPageList()
{
    // Wide enough for the longest page title in any language.
    m_pages->setFixedWidth(
        std::max(m_pages->sizeHintForColumn(0) + 24, fontMetrics().averageCharWidth() * 18));
}

void SettingsWindow::setSourceDescription(const QString &text)
{
    m_source->setText(text);
}

void SettingsWindow::showSaveProblem(const QString &reason)
{
    statusBar()->showMessage(tr("Not saved: %1").arg(reason));
}

void SettingsWindow::showNotice(const QString &text)
{
    // The newest first; older ones stay until dismissed, so none is missed.
    m_notice->setText(m_notice->text().isEmpty() ? text : text + u'\n' + m_notice->text());
    m_noticeBar->show();
}

void SettingsWindow::showSaved()
{
    statusBar()->showMessage(tr("Saved"), 2000);
}

void SettingsWindow::retranslate()
{
    setWindowTitle(tr("FollowMe Settings"));
    m_pages->setAccessibleName(tr("Settings pages"));
    m_dismiss->setText(tr("Dismiss"));
    m_editMenu->setTitle(tr("&Edit"));
    m_notice->setAccessibleName(tr("Notice"));
    m_pages->item(0)->setText(tr("FollowMe"));
    m_pages->setFixedWidth(
        std::max(m_pages->sizeHintForColumn(0) + 24, fontMetrics().averageCharWidth() * 18));
}

void SettingsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}
