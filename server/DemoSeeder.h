#pragma once

#include <QCoreApplication>
#include <QString>

class Database;
class SettingsRepository;
class TokenRepository;

// --demo: the users "alice" (the six devices and the unanswered calls of
// resources/demo/demo-settings.json) and "bob" (two devices, unanswered calls not known), with
// fixed, publicly known tokens. For trying things out only.
class DemoSeeder
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeeder)

public:
    static constexpr const char16_t *aliceToken = u"alice-demo-token";
    static constexpr const char16_t *bobToken = u"bob-demo-token";
    static constexpr const char16_t *adminToken = u"admin-demo-token";

    DemoSeeder(const Database &database, const SettingsRepository &settings,
               const TokenRepository &tokens);

    // Adds what is missing; a database seeded before is left as it is.
    bool seed(QString *error) const;

private:
    const Database &m_database;
    const SettingsRepository &m_settings;
    const TokenRepository &m_tokens;
};
