#pragma once

#include <QFile>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// The example messages of docs/protocol.md: the fenced blocks marked "json client" or
// "json server", and the complete messages of section 7's exchange ("A C: {…}" lines, with their
// indented continuation lines; a message holding "…" is a sketch and left out).
// tests/core/check_protocol_schema.py reads the same examples for the schema.
struct ProtocolDocExample
{
    enum class From { Client, Server };
    From from = From::Client;
    QString text;
    int line = 0; // in protocol.md, for messages
};

inline QString protocolDocText()
{
    QFile file(QStringLiteral(FOLLOWME_SOURCE_DIR "/docs/protocol.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

inline QList<ProtocolDocExample> protocolDocExamples()
{
    using From = ProtocolDocExample::From;
    QList<ProtocolDocExample> examples;
    const QStringList lines = protocolDocText().split(u'\n');
    static const QRegularExpression exchangeLine(QStringLiteral("^[AB] ([CS]): (\\{.*)$"));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line == u"```json client" || line == u"```json server") {
            ProtocolDocExample example;
            example.from = line.endsWith(u"client") ? From::Client : From::Server;
            example.line = i + 1;
            QStringList body;
            for (++i; i < lines.size() && lines.at(i) != u"```"; ++i)
                body.append(lines.at(i));
            example.text = body.join(u'\n');
            examples.append(example);
            continue;
        }
        const auto match = exchangeLine.match(line);
        if (!match.hasMatch())
            continue;
        ProtocolDocExample example;
        example.from = match.captured(1) == u"C" ? From::Client : From::Server;
        example.line = i + 1;
        example.text = match.captured(2);
        while (i + 1 < lines.size() && lines.at(i + 1).startsWith(u"      "))
            example.text += u'\n' + lines.at(++i);
        if (!example.text.contains(u'…'))
            examples.append(example);
    }
    return examples;
}
