// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class ChangeHistory;
class ChangeListModel;
class SettingsDocument;
class QLabel;
class QTableView;

// Settings > Changes: the latest changes of the user's settings made by someone else (an
// administrator), newest first, with when, by whom and from where. It follows the server live
// and shows the last list received while offline.
class ChangesPage : public QWidget
{
    Q_OBJECT

public:
    // The page's name in the settings list, also before the page is made.
    static QString title();

    ChangesPage(const ChangeHistory *history, const SettingsDocument *document,
                QWidget *parent = nullptr);

    ChangeListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *emptyLabel() const { return m_empty; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEmptyState();

    ChangeListModel *m_model;
    QLabel *m_title;
    QLabel *m_intro;
    QTableView *m_view;
    QLabel *m_empty;
};
