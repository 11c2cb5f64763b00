// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditservice.h"

#include "proxycore/store/sqlauditstore.h"

#include <QDateTime>
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
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

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

qsizetype AuditService::recordAll(const QList<AuditEvent> &events)
{
    if (events.isEmpty())
        return 0;
    const QMutexLocker lock(&m_mutex);
    const qsizetype room = m_stopped ? 0 : qMax<qsizetype>(0, m_capacity - m_pending.size());
    const qsizetype queued = qMin(room, events.size());
    if (queued < events.size()) {
        const quint64 before = m_dropped.fetch_add(quint64(events.size() - queued));
        const quint64 total = before + quint64(events.size() - queued);
        if (before == 0 || before / 1000 != total / 1000)
            qCWarning(lcAudit, "audit ledger: %llu events dropped (queue full or stopped)",
                      static_cast<unsigned long long>(total));
    }
    m_pending.append(events.mid(0, queued));
    if (queued > 0 && !m_drainPosted) {
        m_drainPosted = true;
        QMetaObject::invokeMethod(
            m_context.get(), [this] { drain(); }, Qt::QueuedConnection);
    }
    return queued;
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

std::optional<RetentionPurge> AuditService::purge(qint64 nowMs, int retentionDays, bool dryRun,
                                                  const AuditRequester &by, QString *error)
{
    RetentionPurge result;
    result.retentionDays = retentionDays;
    result.dryRun = dryRun;
    if (retentionDays <= 0)
        return result;
    result.cutoffMs = nowMs - qint64(retentionDays) * kDayMs;
    AuditLedger *ledger = this->ledger(error);
    if (!ledger)
        return std::nullopt;
    // The ledger first (its own serialised transaction behind a signed checkpoint), then the rows in
    // one transaction, then the record: each step is whole, and repeating the purge finishes it.
    const std::optional<qint64> entries = dryRun ? m_open->store.purgeableBefore(result.cutoffMs, error)
                                                 : m_open->store.purgeBefore(result.cutoffMs, m_anchorKey, error);
    if (!entries)
        return std::nullopt;
    result.auditEntries = *entries;
    const std::optional<PersonalRows> rows =
        PersonalData::purgeBefore(m_open->connection, result.cutoffMs, dryRun, error);
    if (!rows)
        return std::nullopt;
    result.rows = *rows;
    const bool removed = result.auditEntries + rows->historyRows + rows->responses > 0;
    if (dryRun || (!removed && by.actor.isEmpty()))
        return result;
    const std::optional<AuditEntry> recorded =
        ledger->recordPurge(result.cutoffMs, retentionDays, result.auditEntries,
                            QJsonObject{{QStringLiteral("history_rows"), rows->historyRows},
                                        {QStringLiteral("responses"), rows->responses}},
                            by, error);
    if (!recorded) {
        *error = QStringLiteral("purged, but the purge was not recorded: %1").arg(*error);
        return std::nullopt;
    }
    result.recordSequence = recorded->sequence;
    return result;
}

std::optional<SubjectErasure> AuditService::erase(const QString &name, const AuditRequester &by, QString *error)
{
    AuditLedger *ledger = this->ledger(error);
    if (!ledger)
        return std::nullopt;
    // The record and the keys first (fail closed: nothing is erased without a record), then the rows.
    const std::optional<AuditErasure> audit = ledger->eraseSubject(name, by, error);
    if (!audit)
        return std::nullopt;
    const std::optional<PersonalRows> rows = PersonalData::eraseKey(m_open->connection, name, error);
    if (!rows) {
        *error = QStringLiteral("erasure recorded at sequence %1 and the keys destroyed, but %2; repeat the erasure "
                                "to complete it")
                     .arg(audit->recordSequence)
                     .arg(*error);
        return std::nullopt;
    }
    return SubjectErasure{*audit, *rows};
}

void AuditService::setRetention(int retentionDays, bool autoPurge)
{
    m_retentionDays = retentionDays;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, on = autoPurge && retentionDays > 0] {
            if (!on) {
                m_purgeTimer.reset();
                return;
            }
            if (m_purgeTimer)
                return;
            m_purgeTimer = std::make_unique<QTimer>();
            m_purgeTimer->setInterval(std::chrono::hours(24));
            QObject::connect(m_purgeTimer.get(), &QTimer::timeout, m_context.get(), [this] { purgeOnSchedule(); });
            m_purgeTimer->start();
            purgeOnSchedule(); // at start (or when turned on), then daily
        },
        Qt::QueuedConnection);
}

void AuditService::purgeOnSchedule()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const AuditRequester system{now, {}, QStringLiteral("system"), {}, {}};
    QString error;
    const std::optional<RetentionPurge> done = purge(now, m_retentionDays.load(), false, system, &error);
    ++m_scheduledPurges;
    if (!done) {
        qCWarning(lcAudit, "retention purge failed (tried again in 24 hours): %s", qPrintable(error));
        return;
    }
    qCInfo(lcAudit,
           "retention purge (%d days): %lld audit entries, %lld request history rows, %lld stored responses removed",
           done->retentionDays, done->auditEntries, done->rows.historyRows, done->rows.responses);
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
            m_purgeTimer.reset();
            m_open.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

} // namespace llmproxy
