#pragma once

#include "ProtocolError.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QWebSocket;

// followme-admin's connection to a running server: hello with the admin token, one admin
// command, its answer. Blocking (it runs its own event loop), which suits a command-line tool.
class AdminClient : public QObject
{
    Q_OBJECT

public:
    AdminClient(const QUrl &url, const QString &token, bool insecure, QObject *parent = nullptr);

    // The command's result; otherwise `refusal` is set when the server refused (the token or
    // the command) and `failure` when the server could not be reached or answered nonsense.
    std::optional<QJsonObject> run(const QString &command, const QJsonObject &args,
                                   std::optional<ProtocolError> *refusal, QString *failure);

private:
    QUrl m_url;
    QString m_token;
    bool m_insecure;
};
