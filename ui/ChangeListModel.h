// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

class ChangeHistory;
class SettingsDocument;

// The latest changes made by others as a table: when, by whom (and from where), what. The text
// is made when asked for, so it follows the language and the devices' current names.
class ChangeListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Author, Change, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1 };

    ChangeListModel(const ChangeHistory *history, const SettingsDocument *document,
                    QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The language changed: every text is said again.
    void retranslate();

private:
    void namesChanged();

    QPointer<const ChangeHistory> m_history;
    QPointer<const SettingsDocument> m_document;
};
