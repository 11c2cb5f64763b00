// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/store.h"

#include "proxycore/store/migrations.h"

#include <QLoggingCategory>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcStore, "llmproxy.store")

using namespace Qt::StringLiterals;

namespace {

/// A refused request as an audit event: who (the key name) in the sealed part, the rest in clear.
AuditEvent auditEventOf(const RequestRecord &r)
{
    AuditEvent e;
    e.timeMs = r.time.toMSecsSinceEpoch();
    e.category = AuditCategory::Security;
    e.action = u"request.blocked"_s;
    e.outcome = u"blocked"_s;
    e.actor = r.keyName;
    e.actorRole = u"user"_s;
    e.requestId = r.requestId;
    e.details = QJsonObject{{u"status"_s, r.status},       {u"blocked_by"_s, r.blockedBy}, {u"error"_s, r.error},
                            {u"method"_s, r.method},       {u"route"_s, r.route},          {u"model"_s, r.model},
                            {u"client_api"_s, r.clientApi}};
    return e;
}

} // namespace

std::unique_ptr<Store> Store::open(const DatabaseSettings &settings, const StoreWriterOptions &options, QString *error)
{
    bool schemaReady = false;
    {
        DatabaseConnection connection(settings, u"migrate"_s);
        QString why;
        if (!connection.open(&why)) {
            qCWarning(lcStore, "store: cannot open %s: %s; starting without it, the writer keeps trying",
                      qPrintable(settings.describe()), qPrintable(why));
        } else {
            switch (SchemaMigrator::migrate(connection, &why)) {
            case MigrationOutcome::UpToDate:
                schemaReady = true;
                break;
            case MigrationOutcome::TooNew:
                *error = why;
                return nullptr;
            case MigrationOutcome::Failed:
                *error = u"cannot migrate the schema of %1: %2"_s.arg(settings.describe(), why);
                return nullptr;
            }
        }
    }
    std::unique_ptr<Store> store(new Store(settings, options, schemaReady));
    qCInfo(lcStore, "store: %s (schema version %d)%s", qPrintable(settings.describe()), SchemaMigrator::latestVersion(),
           schemaReady ? "" : ", not reachable yet");
    return store;
}

Store::Store(DatabaseSettings settings, const StoreWriterOptions &options, bool schemaReady)
    : m_settings(std::move(settings)), m_writer(m_settings, options, schemaReady),
      m_readerContext(std::make_unique<QObject>()), m_history(m_settings), m_responses(m_settings)
{
    m_readerThread.setObjectName(u"store-reader"_s);
    m_readerContext->moveToThread(&m_readerThread);
    m_readerThread.start();
    m_writer.start();
}

Store::~Store()
{
    stopReader();
}

void Store::startAudit(QByteArray secret, QByteArray anchorKey, QString instanceId, int queueCapacity)
{
    if (m_audit)
        return;
    m_audit = std::make_unique<AuditService>(m_settings, std::move(secret), std::move(anchorKey), std::move(instanceId),
                                             queueCapacity);
}

void Store::stopReader()
{
    // The admin routes' audit work is answered like the reader's queries: finish it first.
    if (m_audit)
        m_audit->stop();
    if (!m_readerThread.isRunning())
        return;
    // The reader's connection is closed in its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_readerContext.get(),
        [this] {
            m_history.close();
            m_responses.close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_readerThread.wait();
}

void Store::recordRequests(const QList<RequestRecord> &records)
{
    // A write per kRowsPerWrite records: few statements for the writer, while a full queue or a
    // refused row still costs only the records of one write.
    constexpr qsizetype kRowsPerWrite = 64;
    for (qsizetype i = 0; i < records.size(); i += kRowsPerWrite) {
        QList<RequestRecord> part = records.mid(i, kRowsPerWrite);
        const qsizetype rows = part.size();
        m_writer.enqueue(RequestHistory::writeFor(std::move(part)), "request history rows", rows);
    }
    if (!m_audit)
        return;
    for (const RequestRecord &r : records) {
        if (r.status >= 400 && !r.blockedBy.isEmpty())
            m_audit->record(auditEventOf(r));
    }
}

StoreStatus Store::status() const
{
    return {m_settings.backendName(), m_settings.describe(), m_writer.status()};
}

} // namespace llmproxy
