#include "DemoSeeder.h"

#include "Database.h"
#include "SettingsCodec.h"
#include "SettingsRepository.h"
#include "SqlTransaction.h"
#include "TokenRepository.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace {

FollowMeSettings bobSettings()
{
    Device desk;
    desk.id = u"bob-desk"_s;
    desk.name = u"Desk phone"_s;
    desk.kind = DeviceKind::DeskPhone;
    desk.number = u"202"_s;
    desk.rules = {RingRule {true, 0, 25}, RingRule {true, 0, 30}, RingRule {true, 0, 20}};
    Device mobile;
    mobile.id = u"bob-mobile"_s;
    mobile.name = u"Mobile app"_s;
    mobile.kind = DeviceKind::MobileApp;
    mobile.number = u"202"_s;
    mobile.rules = {RingRule {true, 10, 20}, RingRule {false, 10, 20}, RingRule {false, 0, 20}};
    FollowMeSettings settings;
    settings.devices = {desk, mobile};
    settings.controlledDeviceId = desk.id;
    return settings;
}

} // namespace

DemoSeeder::DemoSeeder(const Database &database, const SettingsRepository &settings,
                       const TokenRepository &tokens)
    : m_database(database)
    , m_settings(settings)
    , m_tokens(tokens)
{ }

bool DemoSeeder::seed(QString *error) const
{
    QFile file(u":/server/demo-settings.json"_s);
    ValidationError invalid;
    const auto alice = file.open(QIODevice::ReadOnly)
        ? SettingsCodec::decode(file.readAll(), &invalid)
        : std::nullopt;
    if (!alice) {
        *error = tr("the embedded demo data is unusable: %1").arg(invalid.message());
        return false;
    }
    struct DemoUser
    {
        QString id;
        QString name;
        QString token;
        FollowMeSettings settings;
    };
    const DemoUser users[] = {
        {u"alice"_s, u"Alice Example"_s, QString::fromUtf16(aliceToken), *alice},
        {u"bob"_s, u"Bob Example"_s, QString::fromUtf16(bobToken), bobSettings()},
    };

    SqlTransaction transaction(m_database.connection());
    bool ok = transaction.isActive();
    for (const DemoUser &user : users) {
        const auto existing = m_settings.user(user.id);
        ok = ok && !existing.failed();
        if (!ok || existing.hasValue())
            continue;
        ok = m_settings.insertUser(user.id, user.name)
            && m_tokens.add(user.token, user.id, false).has_value();
        for (const Device &device : user.settings.devices) {
            const auto used = m_settings.device(device.id);
            ok = ok && !used.failed();
            if (ok && used.hasValue()) {
                *error = tr("the demo device id \"%1\" is already used").arg(device.id);
                return false;
            }
            ok = ok && m_settings.insertDevice(user.id, device);
        }
        ok = ok && m_settings.writeControlledDevice(user.id, user.settings.controlledDeviceId);
        for (CallKind kind : CallKinds::all())
            ok =
                ok && m_settings.writeUnanswered(user.id, kind, user.settings.unansweredCall(kind));
    }
    const QString admin = QString::fromUtf16(adminToken);
    const auto adminIdentity = m_tokens.identify(admin);
    ok = ok && !adminIdentity.failed();
    if (ok && !adminIdentity.hasValue())
        ok = m_tokens.add(admin, {}, true).has_value();
    if (!ok || !transaction.commit()) {
        *error = tr("cannot store the demo data: %1").arg(transaction.errorText());
        return false;
    }
    return true;
}
