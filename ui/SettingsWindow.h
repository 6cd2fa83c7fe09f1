#pragma once

#include <QMainWindow>

class FollowMePage;
class SettingsDocument;
class QFrame;
class QLabel;
class QPushButton;
class QListWidget;
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
    // Where the settings live, shown permanently in the status bar.
    void setSourceDescription(const QString &text);
    void showSaveProblem(const QString &reason);
    // Something the user must not miss (an edit of theirs was undone): stays until dismissed.
    void showNotice(const QString &text);
    QLabel *noticeLabel() const { return m_notice; }
    void showSaved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fitPageList();

    QListWidget *m_pages;
    QStackedWidget *m_stack;
    FollowMePage *m_followMe;
    QLabel *m_source;
    QMenu *m_editMenu;
    QFrame *m_noticeBar;
    QLabel *m_notice;
    QPushButton *m_dismiss;
};
