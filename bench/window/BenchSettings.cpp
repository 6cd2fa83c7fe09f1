// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QByteArray BenchSettings::document(int devices)
{
    static const char16_t *const kinds[] = {u"desk_phone", u"softphone", u"mobile_app", u"dect",
                                            u"external"};
    QJsonArray list;
    for (int i = 0; i < devices; ++i) {
        const QString kind = QString::fromUtf16(kinds[i % 5]);
        QJsonObject rules;
        int callKind = 0;
        for (const QString &key : {u"external"_s, u"internal"_s, u"teams"_s}) {
            rules.insert(key,
                         QJsonObject {{u"enabled"_s, (i + callKind) % 4 != 3},
                                      {u"delay"_s, (i * 5 + callKind * 3) % 60},
                                      {u"timeout"_s, 15 + (i * 7 + callKind) % 30}});
            ++callKind;
        }
        list.append(QJsonObject {
            {u"id"_s, u"device-%1"_s.arg(i + 1)},
            {u"name"_s, u"Device %1 (%2)"_s.arg(i + 1).arg(kind)},
            {u"kind"_s, kind},
            {u"number"_s,
             kind == u"external" ? u"+49 151 %1"_s.arg(1000000 + i)
                                 : u"2%1"_s.arg(i, 2, 10, QChar(u'0'))},
            {u"userConfigurable"_s, i % 7 != 6},
            {u"workspace"_s, i % 5 == 3 ? QJsonValue(u"Warehouse"_s) : QJsonValue()},
            {u"rules"_s, rules},
        });
    }
    const QJsonObject root {
        {u"version"_s, 1},
        {u"controlledDevice"_s, devices > 0 ? QJsonValue(u"device-1"_s) : QJsonValue()},
        {u"devices"_s, list},
    };
    return QJsonDocument(root).toJson();
}

QString BenchSettings::write(const QString &path, int devices)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    const QByteArray bytes = document(devices);
    if (file.write(bytes) != bytes.size() || !file.flush())
        return file.errorString();
    return {};
}
