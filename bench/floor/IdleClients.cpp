// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleClients.h"

#include "BenchSession.h"
#include "BenchWait.h"

#include <QTimer>

#include <algorithm>
#include <cstdio>

IdleClients::IdleClients(QObject *parent)
    : QObject(parent)
{ }

IdleClients::~IdleClients() = default;

int IdleClients::connect(const QUrl &url, int count, const QString &token, int echoBytes)
{
    const QString payload(qMax(1, echoBytes), u'x');
    constexpr int batchSize = 200;
    for (int opened = 0; opened < count;) {
        const int batch = std::min(batchSize, count - opened);
        const auto first = m_sessions.size();
        for (int i = 0; i < batch; ++i) {
            auto session = std::make_unique<BenchSession>();
            if (token.isEmpty()) {
                session->setHandler([this](BenchSession *, const QString &text, qint64) {
                    m_answerBytes = text.toUtf8().size();
                    ++m_answered;
                });
                session->openRaw(url);
            } else {
                session->open(url, token);
            }
            m_sessions.push_back(std::move(session));
        }
        opened += batch;
        const int answeredBefore = m_answered;
        // Against a floor, each sends its one message once all of the batch are up.
        bool sent = !token.isEmpty() || echoBytes <= 0;
        const bool done = BenchWait::until(
            [&] {
                const bool up =
                    std::all_of(m_sessions.begin() + qsizetype(first), m_sessions.end(),
                                [](const auto &s) { return s->isReady() || s->hasFailed(); });
                if (!up)
                    return false;
                if (!sent) {
                    for (auto it = m_sessions.begin() + qsizetype(first); it != m_sessions.end();
                         ++it) {
                        if ((*it)->isReady())
                            (*it)->send(payload);
                    }
                    sent = true;
                }
                return token.isEmpty() && echoBytes > 0 ? m_answered - answeredBefore >= batch
                                                        : true;
            },
            60000);
        if (!done)
            break;
    }
    int ready = 0;
    for (const auto &session : m_sessions) {
        ready += session->isReady() && !session->hasFailed() ? 1 : 0;
        if (!token.isEmpty() && session->isReady())
            m_answerBytes = session->helloAnswerBytes();
    }
    return token.isEmpty() && echoBytes > 0 ? std::min(ready, m_answered) : ready;
}

void IdleClients::reportArrivals()
{
    for (const auto &session : m_sessions) {
        session->setHandler([this](BenchSession *, const QString &, qint64 arrivalNs) {
            // Written after the event loop has read what is there now, so writing doesn't
            // delay the reading (and timestamping) of the other sockets.
            if (m_report.isEmpty())
                QTimer::singleShot(0, this, [this] {
                    std::fwrite(m_report.constData(), 1, size_t(m_report.size()), stdout);
                    std::fflush(stdout);
                    m_report.clear();
                });
            m_report += "a " + QByteArray::number(arrivalNs) + '\n';
        });
    }
}
