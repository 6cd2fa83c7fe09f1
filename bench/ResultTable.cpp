// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultTable.h"

using namespace Qt::StringLiterals;

namespace {

bool hasRatio(const ResultTable::Row &row)
{
    return row.followMe.isValid() && row.floor.isValid() && row.floor.center > 0;
}

double ratioOf(const ResultTable::Row &row)
{
    return row.followMe.center / row.floor.center;
}

} // namespace

void ResultTable::add(const Row &row)
{
    m_rows.append({row, {}});
}

void ResultTable::addMissing(const QString &figure, const QString &why)
{
    m_rows.append({Row {figure, {}, {}, {}}, why});
}

QString ResultTable::ratioText(const Row &row)
{
    return hasRatio(row) ? u"%1×"_s.arg(ratioOf(row), 0, 'f', ratioOf(row) < 10 ? 2 : 1) : u"—"_s;
}

QString ResultTable::goalText(const Row &row)
{
    switch (row.goal.kind) {
    case Goal::Kind::None:
        return u"—"_s;
    case Goal::Kind::RatioAtMost:
        return u"≤ %1×"_s.arg(row.goal.value);
    case Goal::Kind::RatioAtLeast:
        return u"≥ %1×"_s.arg(row.goal.value);
    case Goal::Kind::ValueAtMost:
        return u"≤ "_s + Summary::format(row.goal.value, row.followMe.unit);
    }
    return {};
}

QString ResultTable::metText(const Row &row)
{
    switch (row.goal.kind) {
    case Goal::Kind::None:
        return u"—"_s;
    case Goal::Kind::RatioAtMost:
        return !hasRatio(row) ? u"?"_s : ratioOf(row) <= row.goal.value ? u"yes"_s : u"no"_s;
    case Goal::Kind::RatioAtLeast:
        return !hasRatio(row) ? u"?"_s : ratioOf(row) >= row.goal.value ? u"yes"_s : u"no"_s;
    case Goal::Kind::ValueAtMost:
        return !row.followMe.isValid()              ? u"?"_s
            : row.followMe.center <= row.goal.value ? u"yes"_s
                                                    : u"no"_s;
    }
    return {};
}

void ResultTable::print(QTextStream &out) const
{
    out << "\n| figure | FollowMe median (p10–p90) | floor median (p10–p90) | ratio | goal | met "
           "|\n"
        << "| --- | --- | --- | --- | --- | --- |\n";
    for (const Line &line : m_rows) {
        const Row &row = line.row;
        if (!line.missing.isEmpty()) {
            out << "| " << row.figure << " | " << line.missing << " | — | — | — | — |\n";
            continue;
        }
        out << "| " << row.figure << " | " << row.followMe.text() << " | " << row.floor.text()
            << " | " << ratioText(row) << " | " << goalText(row) << " | " << metText(row) << " |\n";
    }
    if (!m_notes.isEmpty())
        out << '\n';
    for (const QString &note : m_notes)
        out << "- " << note << '\n';
    out.flush();
}
