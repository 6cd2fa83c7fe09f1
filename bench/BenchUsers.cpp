// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchUsers.h"

#include "BenchSession.h"
#include "BenchWait.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

// One admin command, waited for; the ack's result, nullopt when refused.
std::optional<QJsonObject> command(BenchSession *admin, const QString &name,
                                   const QJsonObject &args)
{
    static int next = 0;
    const QString id = u"bench-admin-%1"_s.arg(++next);
    const QJsonObject message {
        {u"type"_s, u"admin"_s}, {u"id"_s, id}, {u"command"_s, name}, {u"args"_s, args}};
    std::optional<QJsonObject> result;
    bool answered = false;
    admin->setHandler([&](BenchSession *, const QString &text, qint64) {
        const QJsonObject answer = QJsonDocument::fromJson(text.toUtf8()).object();
        if (answer.value(u"id"_s).toString() != id)
            return;
        answered = true;
        if (answer.value(u"type"_s) == u"ack"_s)
            result = answer.value(u"result"_s).toObject();
        else
            QTextStream(stderr) << "followme-bench: " << name << " refused: " << text << Qt::endl;
    });
    admin->send(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    BenchWait::until([&] { return answered || admin->hasFailed(); }, 10000);
    admin->setHandler({});
    return result;
}

} // namespace

QList<BenchUsers::User> BenchUsers::create(const QUrl &server, int count)
{
    BenchSession admin;
    admin.open(server, u"admin-demo-token"_s);
    BenchWait::until([&] { return admin.isReady() || admin.hasFailed(); }, 10000);
    if (!admin.isReady()) {
        QTextStream(stderr) << "followme-bench: the demo admin token was refused" << Qt::endl;
        return {};
    }
    QList<User> users;
    for (int i = 0; i < count; ++i) {
        User user {u"bench-user-%1"_s.arg(i, 3, 10, QChar(u'0')),
                   u"bench-desk-%1"_s.arg(i, 3, 10, QChar(u'0')),
                   {}};
        const bool added = command(&admin, u"user.add"_s,
                                   {{u"user"_s, user.id}, {u"name"_s, u"Bench user %1"_s.arg(i)}})
                               .has_value()
            && command(&admin, u"device.add"_s,
                       {{u"user"_s, user.id},
                        {u"device"_s, user.device},
                        {u"name"_s, u"Desk phone"_s},
                        {u"kind"_s, u"desk_phone"_s},
                        {u"number"_s, QString::number(7000 + i)}})
                   .has_value();
        const auto token =
            added ? command(&admin, u"token.issue"_s, {{u"user"_s, user.id}}) : std::nullopt;
        if (!token)
            return {};
        user.token = token->value(u"token"_s).toString();
        users.append(user);
    }
    return users;
}
