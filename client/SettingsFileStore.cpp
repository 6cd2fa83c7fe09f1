#include "SettingsFileStore.h"

#include "AtomicFile.h"
#include "SettingsCodec.h"
#include "SettingsDocument.h"

#include <QFile>

SettingsFileStore::SettingsFileStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &SettingsFileStore::flush);
    connect(&m_retry, &SaveRetry::due, this, &SettingsFileStore::flush);
}

SettingsFileStore::~SettingsFileStore()
{
    flush();
}

std::optional<FollowMeSettings> SettingsFileStore::load(const QString &path, ValidationError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {ValidationError::Code::Unreadable,
                      {},
                      SettingsCodec::tr("cannot read %1: %2").arg(path, file.errorString())};
        return std::nullopt;
    }
    // Read one byte past the limit so an oversized file is reported as such, not truncated.
    const QByteArray data = file.read(SettingsCodec::maxDocumentBytes + 1);
    return SettingsCodec::decode(data, error);
}

std::optional<QString> SettingsFileStore::save(const QString &path,
                                               const FollowMeSettings &settings)
{
    if (const auto problem = SettingsCodec::validate(settings))
        return SettingsCodec::tr("not saved, the settings are invalid: %1").arg(problem->message());
    return AtomicFile::write(path, SettingsCodec::encode(settings));
}

void SettingsFileStore::watch(SettingsDocument *document, int delayMs)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_saveTimer.setInterval(delayMs);
    connect(document, &SettingsDocument::changed, this, [this] {
        m_pending = true;
        m_saveTimer.start();
    });
}

std::optional<QString> SettingsFileStore::flush()
{
    // The timer is no longer active when its own timeout calls this: track the change itself.
    m_saveTimer.stop();
    m_retry.stop();
    if (!m_pending || !m_document)
        return std::nullopt;
    const auto failure = save(m_path, m_document->settings());
    // A failed write stays pending: the retry, the next edit or the last flush tries again.
    m_pending = failure.has_value();
    if (failure) {
        m_retry.failed();
        emit saveFailed(*failure);
    } else {
        m_retry.succeeded();
        emit saved();
    }
    return failure;
}
