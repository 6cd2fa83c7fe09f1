// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangesPage.h"

#include "ChangeListModel.h"
#include "Typography.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ChangesPage::ChangesPage(const ChangeHistory *history, const SettingsDocument *document,
                         QWidget *parent)
    : QWidget(parent)
    , m_model(new ChangeListModel(history, document, this))
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
{
    m_title->setFont(pageTitleFont(m_title->font()));
    m_intro->setWordWrap(true);
    m_empty->setObjectName(u"changesEmpty"_s);
    m_empty->setWordWrap(true);

    m_view->setObjectName(u"changesView"_s);
    m_view->setModel(m_model);
    m_view->setShowGrid(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, the arrows move in it
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A long sentence wraps in its column rather than hiding behind "…": every row as high as
    // its text needs at the column's width (a table view measures at that width).
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeading | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(ChangeListModel::When, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChangeListModel::Author, QHeaderView::ResizeToContents);
    header->setSectionsMovable(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);
    layout->addStretch(0);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ChangesPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChangesPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChangesPage::updateEmptyState);
    retranslate();
    updateEmptyState();
}

QString ChangesPage::title()
{
    return tr("Changes");
}

void ChangesPage::retranslate()
{
    setWindowTitle(title());
    m_title->setText(tr("Changes by others"));
    m_intro->setText(tr("The latest changes to your FollowMe settings that someone else made, "
                        "such as your administrator, newest first. Your own changes are not "
                        "listed."));
    m_empty->setText(tr("No one else has changed your settings lately."));
    m_view->setAccessibleName(tr("Changes by others"));
    m_model->retranslate();
}

void ChangesPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
    // The empty text sits under the intro, not at the bottom of the page.
    static_cast<QVBoxLayout *>(layout())->setStretch(layout()->count() - 1, empty ? 1 : 0);
}

void ChangesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
