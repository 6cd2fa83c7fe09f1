#pragma once

#include <QLoggingCategory>

// The server's log category: QT_LOGGING_RULES="followme.server.debug=true" shows every session.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
