#pragma once

#include <QFont>
#include <QRegularExpression>
#include <QString>

// Text for word-wrapped labels and exported pictures: a number keeps its unit and a range its
// ends on one line ("15–45 s" never breaks into "15–45" and "s", nor "15–" and "45 s").
inline QString keepNumbersTogether(QString text)
{
    static const QRegularExpression unit(QStringLiteral("(\\d) (s\\b)"));
    static const QRegularExpression range(QStringLiteral("(\\d)–(\\d)"));
    text.replace(unit, QStringLiteral("\\1\u00a0\\2"));
    text.replace(range, QStringLiteral("\\1\u2060–\u2060\\2"));
    return text;
}

// The heading of a settings page: the page's font, bold and half as large again.
inline QFont pageTitleFont(QFont font)
{
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.5);
    return font;
}
