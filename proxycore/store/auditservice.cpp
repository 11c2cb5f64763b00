// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditservice.h"

#include "proxycore/store/sqlauditstore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcAudit, "llmproxy.audit")

using namespace Qt::StringLiterals;

namespace {

/// Entries appended per transaction.
constexpr qsizetype kBatch = 500;

} // namespace

std::optional<QByteArray> auditLedgerSecret(const QByteArray &envValue, SqlDialect dialect, const QString &dataDir,
                                            QString *why)
{
    if (!envValue.isEmpty()) {
        if (envValue.size() < AuditLedger::MinSecretSize) {
            *why = u"LLM_PROXY_AUDIT_SECRET is shorter than %1 bytes"_s.arg(AuditLedger::MinSecretSize);
            return std::nullopt;
        }
        return envValue;
    }
    if (dialect == SqlDialect::Postgres) {
        *why = u"PostgreSQL needs LLM_PROXY_AUDIT_SECRET (at least %1 bytes, the same on every gateway sharing the "
               u"database); without it no secret is made up"_s.arg(AuditLedger::MinSecretSize);
        return std::nullopt;
    }
    if (dataDir.isEmpty()) {
        *why = u"no data directory to keep audit.secret in, and LLM_PROXY_AUDIT_SECRET is not set"_s;
        return std::nullopt;
    }
    QFile file(QDir(dataDir).filePath(u"audit.secret"_s));
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *why = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
        if (secret.size() < AuditLedger::MinSecretSize) {
            *why = u"%1 holds fewer than %2 bytes of hex"_s.arg(file.fileName()).arg(AuditLedger::MinSecretSize);
            return std::nullopt;
        }
        return secret;
    }
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    // Created for the owner only before anything is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(secret.toHex() + '\n') != secret.size() * 2 + 1 || !file.flush()) {
        *why = u"cannot create %1: %2"_s.arg(file.fileName(), file.errorString());
        file.remove();
        return std::nullopt;
    }
    qCInfo(lcAudit, "audit ledger: created the ledger secret %s; keep it with the database's backups",
           qPrintable(file.fileName()));
    return secret;
}

struct AuditService::Open
{
    explicit Open(const DatabaseSettings &settings, const QByteArray &secret)
        : connection(settings, u"audit"_s), store(connection), keys(connection, secret)
    {
    }
    DatabaseConnection connection;
    SqlAuditStore store;
    SqlSubjectKeyStore keys;
    std::unique_ptr<AuditLedger> ledger;
};

AuditService::AuditService(DatabaseSettings database, QByteArray secret, QByteArray anchorKey, QString instanceId,
                           int queueCapacity)
    : m_database(std::move(database)), m_secret(std::move(secret)), m_anchorKey(std::move(anchorKey)),
      m_instanceId(std::move(instanceId)), m_capacity(qMax(1, queueCapacity)), m_context(std::make_unique<QObject>())
{
    m_thread.setObjectName(u"store-audit"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

AuditService::~AuditService()
{
    stop();
}

bool AuditService::record(AuditEvent event)
{
    const QMutexLocker lock(&m_mutex);
    if (m_stopped || m_pending.size() >= m_capacity) {
        const quint64 total = ++m_dropped;
        if (total == 1 || total % 1000 == 0)
            qCWarning(lcAudit, "audit ledger: %llu events dropped (queue full or stopped)",
                      static_cast<unsigned long long>(total));
        return false;
    }
    m_pending.append(std::move(event));
    if (!m_drainPosted) {
        m_drainPosted = true;
        QMetaObject::invokeMethod(
            m_context.get(), [this] { drain(); }, Qt::QueuedConnection);
    }
    return true;
}

bool AuditService::ensureOpen(QString *error)
{
    if (m_open && m_open->ledger)
        return true;
    m_open = std::make_unique<Open>(m_database, m_secret);
    if (!m_open->connection.open(error) || !SqlAuditStore::hasAuditTables(m_open->connection, error)) {
        m_open.reset();
        return false;
    }
    m_open->ledger = std::make_unique<AuditLedger>(&m_open->store, &m_open->keys, m_secret, m_anchorKey, m_instanceId);
    return true;
}

void AuditService::drain()
{
    QList<AuditEvent> events;
    {
        const QMutexLocker lock(&m_mutex);
        events.swap(m_pending);
        m_drainPosted = false;
    }
    if (events.isEmpty())
        return;
    QString error;
    if (!ensureOpen(&error)) {
        m_dropped += quint64(events.size());
        qCWarning(lcAudit, "audit ledger: %lld events lost: %s", qint64(events.size()), qPrintable(error));
        return;
    }
    QList<AuditEntry> batch;
    const auto flush = [&] {
        if (batch.isEmpty())
            return;
        if (!m_open->store.append(batch, &error)) {
            m_dropped += quint64(batch.size());
            qCWarning(lcAudit, "audit ledger: %lld events lost: %s", qint64(batch.size()), qPrintable(error));
            m_open.reset(); // a new connection next time
        }
        batch.clear();
    };
    for (const AuditEvent &event : std::as_const(events)) {
        if (!m_open && !ensureOpen(&error)) {
            ++m_dropped;
            continue;
        }
        std::optional<AuditEntry> draft = m_open->ledger->draft(event, &error);
        if (!draft) {
            ++m_dropped;
            qCWarning(lcAudit, "audit ledger: event %s not recorded: %s", qPrintable(event.action), qPrintable(error));
            continue;
        }
        batch.append(std::move(*draft));
        if (batch.size() >= kBatch)
            flush();
    }
    flush();
}

AuditLedger *AuditService::ledger(QString *error)
{
    drain(); // what was recorded before is on record before anything is read or added
    return ensureOpen(error) ? m_open->ledger.get() : nullptr;
}

std::optional<QList<AuditEntry>> AuditService::query(const AuditQuery &query, QString *error)
{
    if (!ledger(error))
        return std::nullopt;
    return m_open->store.query(query, error);
}

void AuditService::stop()
{
    {
        const QMutexLocker lock(&m_mutex);
        if (m_stopped)
            return;
        m_stopped = true;
    }
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            drain();
            m_open.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

} // namespace llmproxy
