#include "SettingsWindow.h"

#include "ElidingLabel.h"
#include "FollowMePage.h"
#include "Icons.h"
#include "NoticeBar.h"
#include "PageScrollArea.h"
#include "ProfileTray.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsWindow::SettingsWindow(SettingsDocument *document, QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_followMe(new FollowMePage(document, this))
    , m_tray(new ProfileTray(m_followMe->editor(), this))
    , m_source(new ElidingLabel(this))
    , m_saveProblem(new ElidingLabel(this))
    , m_noticeBar(new NoticeBar(m_stack))
{
    setWindowIcon(Icons::application());

    m_pages->setObjectName(u"settingsPages"_s);
    m_pages->setIconSize(QSize(20, 20));
    m_pages->setSpacing(2);
    m_pages->setFrameShape(QFrame::NoFrame);
    m_pages->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    connect(m_pages, &QListWidget::currentRowChanged, this, &SettingsWindow::showPage);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_pages);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_source->setMinimumCharacters(12);
    m_source->setMaximumCharacters(70);
    statusBar()->addPermanentWidget(m_source);
    // A label of its own rather than a status message: it stays until the next save works,
    // takes the room the source leaves and is elided there with the whole text in its tooltip
    // (a message would be cut off under the source without a trace).
    m_saveProblem->setObjectName(u"saveProblem"_s);
    m_saveProblem->setMinimumCharacters(12);
    m_saveProblem->hide();
    statusBar()->addWidget(m_saveProblem, 1);

    addPage(Icons::application(), m_followMe);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_followMe->exportAction());
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setObjectName(u"quitAction"_s);
    // The platform's Quit keys; Ctrl+Q where it names none (Windows has no standard one).
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    m_quitAction->setShortcuts(quitKeys.isEmpty() ? QList {QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                                  : quitKeys);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_followMe->undoAction());
    m_editMenu->addAction(m_followMe->redoAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_followMe->playAction());
    m_editMenu->addMenu(m_followMe->copyMenu());
    m_editMenu->addMenu(m_followMe->strategyMenu());

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString());
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &SettingsWindow::showAbout);

    connect(m_tray, &ProfileTray::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &ProfileTray::quitRequested, this, &QWidget::close);
    m_tray->showIfAvailable();

    m_pages->setCurrentRow(0);
    retranslate();
    // Everything fits from here up, at any of the supported fonts (the page scrolls its rows).
    setMinimumSize(800, 560);
    resize(1120, 660);
}

void SettingsWindow::addPage(const QIcon &icon, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, page->windowTitle(), m_pages);
    item->setSizeHint(QSize(0, fontMetrics().height() * 2));
    // A page taller or wider than a small window (a big font, German) scrolls as a whole
    // rather than being squeezed until its parts overlap.
    auto *scroll = new PageScrollArea(page, m_stack);
    m_stack->addWidget(scroll);
    followTitle(page, item);
    fitPageList();
}

void SettingsWindow::followTitle(QWidget *page, QListWidgetItem *item)
{
    connect(page, &QWidget::windowTitleChanged, this, [this, item](const QString &title) {
        item->setText(title);
        fitPageList();
    });
}

void SettingsWindow::addPage(const QIcon &icon, const std::function<QString()> &title,
                             const std::function<QWidget *()> &make)
{
    auto *item = new QListWidgetItem(icon, title(), m_pages);
    item->setSizeHint(QSize(0, fontMetrics().height() * 2));
    m_laterPages.insert(m_stack->count(), {title, make});
    m_stack->addWidget(new QWidget(m_stack)); // its place, until it is made
    fitPageList();
}

QWidget *SettingsWindow::page(int row)
{
    if (const auto later = m_laterPages.constFind(row); later != m_laterPages.cend()) {
        const std::function<QWidget *()> make = later->make;
        m_laterPages.erase(later);
        QWidget *made = make();
        QWidget *placeholder = m_stack->widget(row);
        const bool current = m_stack->currentIndex() == row;
        m_stack->insertWidget(row, new PageScrollArea(made, m_stack));
        m_stack->removeWidget(placeholder);
        delete placeholder;
        if (current)
            m_stack->setCurrentIndex(row);
        QListWidgetItem *item = m_pages->item(row);
        item->setText(made->windowTitle());
        followTitle(made, item);
        fitPageList();
    }
    auto *scroll = qobject_cast<QScrollArea *>(m_stack->widget(row));
    return scroll ? scroll->widget() : nullptr;
}

void SettingsWindow::showPage(int row)
{
    page(row);
    m_stack->setCurrentIndex(row);
}

void SettingsWindow::fitPageList()
{
    // Wide enough for the longest page title in any language, at the list's own font.
    int text = 0;
    for (int row = 0; row < m_pages->count(); ++row)
        text = std::max(text, m_pages->fontMetrics().horizontalAdvance(m_pages->item(row)->text()));
    m_pages->setFixedWidth(text + m_pages->iconSize().width() + m_pages->spacing() * 2
                           + m_pages->fontMetrics().averageCharWidth() * 4);
}

void SettingsWindow::setSourceDescription(const QString &text)
{
    m_source->setFullText(text);
}

void SettingsWindow::setSourceWidget(QWidget *widget)
{
    m_source->hide();
    statusBar()->addPermanentWidget(widget, 1);
}

void SettingsWindow::showSaveProblem(const QString &reason)
{
    m_saveProblemReason = reason;
    showSaveProblemText();
    m_saveProblem->show();
}

void SettingsWindow::showSaveProblemText()
{
    m_saveProblem->setFullText(
        tr("Not saved: %1. Your change is kept and saved as soon as that works.")
            .arg(m_saveProblemReason));
}

void SettingsWindow::showNotice(const QString &text)
{
    m_noticeBar->addNotice(text);
}

QLabel *SettingsWindow::noticeLabel() const
{
    return m_noticeBar->textLabel();
}

void SettingsWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About FollowMe"),
        tr("<h3>FollowMe %1</h3>"
           "<p>Choose which of your phones ring for an incoming call, when they start and how "
           "long they ring.</p>"
           "<p>Free software under the GNU General Public License, version 3 or later.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

void SettingsWindow::showSaved()
{
    m_saveProblem->hide();
    m_saveProblemReason.clear();
    statusBar()->showMessage(tr("Saved"), 2000);
}

void SettingsWindow::retranslate()
{
    m_tray->retranslate();
    setWindowTitle(tr("FollowMe Settings"));
    m_pages->setAccessibleName(tr("Settings pages"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About FollowMe"));
    m_source->setAccessibleName(tr("Where the settings come from"));
    if (!m_saveProblemReason.isEmpty())
        showSaveProblemText();
    m_pages->item(0)->setText(tr("FollowMe"));
    for (auto later = m_laterPages.cbegin(); later != m_laterPages.cend(); ++later)
        m_pages->item(later.key())->setText(later->title());
    fitPageList();
}

void SettingsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}
