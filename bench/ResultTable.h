// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Summary.h"

#include <QList>
#include <QString>
#include <QTextStream>

// The benchmark's answer: one row per figure, FollowMe against its floor, with the ratio and
// whether it meets issue 11's goal; notes say how a figure was taken.
class ResultTable
{
public:
    struct Goal
    {
        enum class Kind { None, RatioAtMost, RatioAtLeast, ValueAtMost };
        Kind kind = Kind::None;
        double value = 0;

        static Goal ratioAtMost(double ratio) { return {Kind::RatioAtMost, ratio}; }
        static Goal ratioAtLeast(double ratio) { return {Kind::RatioAtLeast, ratio}; }
        // An absolute bound in the figure's own unit.
        static Goal valueAtMost(double value) { return {Kind::ValueAtMost, value}; }
    };

    struct Row
    {
        QString figure;
        Summary followMe;
        Summary floor;
        Goal goal;
    };

    void add(const Row &row);
    // A figure that could not be taken, and why ("not built", "no painted line", …).
    void addMissing(const QString &figure, const QString &why);
    void addNote(const QString &note) { m_notes.append(note); }
    bool isEmpty() const { return m_rows.isEmpty(); }

    // A Markdown table (pasted into docs/performance.md as it is), then the notes.
    void print(QTextStream &out) const;

private:
    struct Line
    {
        Row row;
        QString missing;
    };
    static QString ratioText(const Row &row);
    static QString goalText(const Row &row);
    static QString metText(const Row &row);

    QList<Line> m_rows;
    QStringList m_notes;
};
