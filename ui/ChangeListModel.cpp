// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeListModel.h"

#include "ChangeHistory.h"
#include "ChangeText.h"
#include "SettingsDocument.h"

#include <QLocale>

ChangeListModel::ChangeListModel(const ChangeHistory *history, const SettingsDocument *document,
                                 QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
    , m_document(document)
{
    Q_ASSERT(history && document);
    connect(history, &ChangeHistory::aboutToReset, this, &ChangeListModel::beginResetModel);
    connect(history, &ChangeHistory::reset, this, &ChangeListModel::endResetModel);
    connect(history, &ChangeHistory::aboutToDropOldest, this,
            [this](int first) { beginRemoveRows({}, first, rowCount() - 1); });
    connect(history, &ChangeHistory::droppedOldest, this, &ChangeListModel::endRemoveRows);
    connect(history, &ChangeHistory::aboutToPrepend, this, [this] { beginInsertRows({}, 0, 0); });
    connect(history, &ChangeHistory::prepended, this, &ChangeListModel::endInsertRows);
    connect(document, &SettingsDocument::settingsReset, this, &ChangeListModel::namesChanged);
    connect(document, &SettingsDocument::deviceChanged, this, &ChangeListModel::namesChanged);
}

int ChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_history ? 0 : int(m_history->entries().size());
}

int ChangeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_history || !m_document)
        return {};
    const AuditEntry &entry = m_history->entries().at(index.row());
    if (role == EntryIdRole)
        return entry.id;
    const QDateTime at = entry.at.toLocalTime();
    switch (role) {
    case Qt::TextAlignmentRole:
        // When and who beside the first line of a sentence that wraps.
        return QVariant::fromValue(Qt::AlignLeading | Qt::AlignTop);
    case Qt::AccessibleTextRole:
        // A screen reader hears where it came from too, which the eye finds in the tooltip.
        if (index.column() == Author)
            return tr("%1. %2", "who made a change. Where from")
                .arg(ChangeText::author(entry), ChangeText::origin(entry));
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case When:
            return QLocale().toString(at, QLocale::ShortFormat);
        case Author:
            return ChangeText::author(entry);
        case Change:
            return ChangeText::describe(entry, m_document->settings());
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case When:
            return QLocale().toString(at, QLocale::LongFormat);
        case Author:
            return ChangeText::origin(entry);
        case Change:
            return ChangeText::describe(entry, m_document->settings());
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ChangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case When:
        return tr("When");
    case Author:
        return tr("By");
    case Change:
        return tr("Change");
    case ColumnCount:
        break;
    }
    return {};
}

void ChangeListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ChangeListModel::namesChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, Change), index(rowCount() - 1, Change));
}
