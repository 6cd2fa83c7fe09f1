#pragma once

// Helpers shared by the core tests: the demo document and readable QCOMPARE output for the
// domain's value types.

#include "DemoData.h"
#include "FollowMeSettings.h"
#include "RingRule.h"
#include "RingWindow.h"
#include "SettingsCodec.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace CoreTestSupport {

using ::demoJson;
using ::demoPath;

inline QJsonObject demoObject()
{
    return QJsonDocument::fromJson(demoJson()).object();
}

} // namespace CoreTestSupport

// Found by argument-dependent lookup from QTest::qCompare, so a failing QCOMPARE shows values.
inline char *toString(const RingWindow &window)
{
    return QTest::toString(
        QString(u'[' + QString::number(window.start) + u", " + QString::number(window.end) + u')'));
}

inline char *toString(const RingRule &rule)
{
    return QTest::toString(QString::fromUtf8(
        QJsonDocument(SettingsCodec::ruleToJson(rule)).toJson(QJsonDocument::Compact)));
}

inline char *toString(const FollowMeSettings &settings)
{
    return QTest::toString(QString::fromUtf8(
        QJsonDocument(SettingsCodec::toJson(settings)).toJson(QJsonDocument::Compact)));
}
