#pragma once

#include <QHash>
#include <QMainWindow>

#include <functional>

class FollowMePage;
class ElidingLabel;
class NoticeBar;
class ProfileTray;
class SettingsDocument;
class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QStackedWidget;

// The client's Settings: a list of pages on the left (FollowMe first), the chosen page on the
// right, and a status bar that says where the settings come from and whether they are saved.
class SettingsWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit SettingsWindow(SettingsDocument *document, QWidget *parent = nullptr);

    FollowMePage *followMePage() const { return m_followMe; }
    QListWidget *pageList() const { return m_pages; }

    // Adds a page to the list under its window title, which follows the page's language.
    void addPage(const QIcon &icon, QWidget *page);
    // Adds a page that is made (by `make`) when it is first shown, so a start does not pay for
    // pages nobody looks at; until then `title` names it in the list.
    void addPage(const QIcon &icon, const std::function<QString()> &title,
                 const std::function<QWidget *()> &make);
    // The page in the list's row `row`, made now if it was not yet.
    QWidget *page(int row);
    // Where the settings live, shown permanently in the status bar.
    void setSourceDescription(const QString &text);
    // Puts `widget` in the status bar in place of that description: a source that says more
    // (the connection, with its Retry now button).
    void setSourceWidget(QWidget *widget);
    // The last save failed for `reason`: said in the status bar until showSaved().
    void showSaveProblem(const QString &reason);
    // Something the user must not miss (an edit of theirs was undone, the administrator changed
    // a device): laid over the page, so nothing moves, and kept until dismissed.
    void showNotice(const QString &text);
    QLabel *noticeLabel() const;
    NoticeBar *noticeBar() const { return m_noticeBar; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    ProfileTray *tray() const { return m_tray; }
    // The change is on disk: a short "Saved", and any save problem gone.
    void showSaved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSaveProblemText();
    void fitPageList();
    void showAbout();
    void showPage(int row);
    void followTitle(QWidget *page, QListWidgetItem *item);
    struct LaterPage
    {
        std::function<QString()> title;
        std::function<QWidget *()> make;
    };

    QListWidget *m_pages;
    QStackedWidget *m_stack;
    FollowMePage *m_followMe;
    ProfileTray *m_tray;
    ElidingLabel *m_source;
    ElidingLabel *m_saveProblem; // shown while the last save failed
    QString m_saveProblemReason;
    QMenu *m_fileMenu;
    QMenu *m_editMenu;
    QMenu *m_helpMenu;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    NoticeBar *m_noticeBar;
    QHash<int, LaterPage> m_laterPages; // by row: pages not made yet
};
