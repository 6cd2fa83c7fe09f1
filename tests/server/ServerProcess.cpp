#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

ServerProcess::~ServerProcess()
{
    // SIGTERM, not SIGKILL: the server shuts down as in production, so that in a sanitizer build
    // LeakSanitizer checks it at exit. A finding there aborts it, which fails the running test
    // (a destructor can't QVERIFY).
    const bool unclean = isRunning() && terminate() != 0;
    if (unclean || (m_process && !m_exitSeen && m_process->exitStatus() == QProcess::CrashExit)) {
        const QByteArray message =
            "followme-server did not exit cleanly: " + m_process->readAllStandardError();
        if (QTest::currentTestFunction())
            QTest::qFail(message.constData(), __FILE__, __LINE__);
        else
            qFatal("%s", message.constData());
    }
    delete m_process;
}

QString ServerProcess::serverExecutable()
{
    return QString::fromUtf8(FOLLOWME_SERVER_EXECUTABLE);
}

QString ServerProcess::adminExecutable()
{
    return QString::fromUtf8(FOLLOWME_ADMIN_EXECUTABLE);
}

bool ServerProcess::start(const QString &databasePath, const QStringList &extraArguments)
{
    delete m_process;
    m_process = new QProcess;
    m_output.clear();
    m_port = 0;
    m_exitSeen = false;
    m_process->setProgram(serverExecutable());
    m_process->setProcessEnvironment(m_environment);
    m_process->setArguments(QStringList {u"--db"_s, databasePath, u"--listen"_s, u"127.0.0.1:0"_s}
                            + extraArguments);
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))
            && m_process->state() != QProcess::Running)
            break;
        m_output += QString::fromUtf8(m_process->readAllStandardOutput());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_port = match.captured(1).toUShort();
            return m_port != 0;
        }
    }
    qWarning("followme-server did not start: %s", qPrintable(errors()));
    return false;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_exitSeen = true;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool ServerProcess::waitForCrash(int timeoutMs)
{
    if (!m_process)
        return false;
    m_exitSeen = true;
    // waitForFinished() says false for a process that has ended already.
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return false;
    return m_process->exitStatus() == QProcess::CrashExit;
}

int ServerProcess::terminate()
{
    if (!m_process)
        return -1;
    m_exitSeen = true;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(10000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ServerProcess::url(const QString &scheme) const
{
    return QUrl(u"%1://127.0.0.1:%2/"_s.arg(scheme).arg(m_port));
}

QString ServerProcess::errors() const
{
    return m_process ? QString::fromUtf8(m_process->readAllStandardError()) : QString();
}

int ServerProcess::admin(const QStringList &arguments, QString *standardOutput,
                         QString *standardError) const
{
    return runAdmin(
        QStringList {u"--server"_s, url().toString(), u"--token"_s, u"admin-demo-token"_s}
            + arguments,
        standardOutput, standardError);
}

int ServerProcess::runAdmin(const QStringList &arguments, QString *standardOutput,
                            QString *standardError)
{
    QProcess process;
    process.start(adminExecutable(), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (standardOutput)
        *standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    if (standardError)
        *standardError = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
