// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

class BenchSession;

// Holds N idle connections for the benchmark, in a process of its own so that the benchmark's
// event loop isn't slowed by them. Against the server each logs in with a token and waits for
// its snapshot; against the echo floor each sends one message of a given size and waits for it
// to come back. Then they just stay connected.
class IdleClients : public QObject
{
    Q_OBJECT

public:
    explicit IdleClients(QObject *parent = nullptr);
    ~IdleClients() override;

    // Connects in batches (a burst of thousands of handshakes overflows the listen backlog).
    // token empty: raw connections that each send echoBytes bytes (none for 0). Returns how
    // many are up.
    int connect(const QUrl &url, int count, const QString &token, int echoBytes);
    // From now on every text message any of them gets is reported on standard output as a line
    // "a NS", NS its arrival on BenchClock (the fan-out's receivers).
    void reportArrivals();
    // Bytes of the answer each connection got (the snapshot's size, or the echo's).
    qsizetype answerBytes() const { return m_answerBytes; }

private:
    std::vector<std::unique_ptr<BenchSession>> m_sessions;
    qsizetype m_answerBytes = 0;
    int m_answered = 0;
    QByteArray m_report;
};
