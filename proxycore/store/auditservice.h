// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/auditledger.h"
#include "proxycore/store/database.h"
#include "proxycore/store/personaldata.h"
#include "proxycore/store/sqlauditstore.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace llmproxy {

/// The ledger secret of a gateway: `envValue` (LLM_PROXY_AUDIT_SECRET) when set, at least
/// AuditLedger::MinSecretSize bytes; else, for SQLite, the file `audit.secret` in `dataDir`, created
/// once with 32 random bytes (as hex, mode 0600). PostgreSQL needs the variable: every gateway sharing
/// the database must use one secret, so it is not made up per data directory. Nullopt with `why`
/// (for the log) when there is none: the ledger is then off.
std::optional<QByteArray> auditLedgerSecret(const QByteArray &envValue, SqlDialect dialect, const QString &dataDir,
                                            QString *why);

/// What a retention purge removed, or (dry run) would remove.
struct RetentionPurge
{
    int retentionDays = 0;
    qint64 cutoffMs = 0; ///< entries and rows older than this
    bool dryRun = false;
    qint64 auditEntries = 0;   ///< removed behind the checkpoint
    PersonalRows rows;         ///< request history rows and stored responses
    qint64 recordSequence = 0; ///< the purge's own audit.purge entry; 0 when none was recorded
};

/// What an erasure did: the ledger's part (its record, the person's keys) and the rows deleted.
struct SubjectErasure
{
    AuditErasure audit;
    PersonalRows rows;
};

/// The running gateway's audit ledger: a thread of its own with its own connection to the store's
/// database, an AuditLedger over the SQL store on it, and a bounded queue of events. record() never
/// blocks a worker: the event is queued (or dropped and counted when the queue is full) and the thread
/// appends what is queued in batches. Admin routes post their work (queries, export, erasure) to
/// context() and use ledger() there. Thread-safe, except ledger() and query(), which are for the
/// audit thread only.
class AuditService
{
public:
    /// Starts the thread. The connection is opened on first use there (and again after a failure).
    AuditService(DatabaseSettings database, QByteArray secret, QByteArray anchorKey, QString instanceId,
                 int queueCapacity);
    ~AuditService();
    AuditService(const AuditService &) = delete;
    AuditService &operator=(const AuditService &) = delete;

    /// Queues `event`; false when the queue was full and it was dropped (counted and logged).
    bool record(AuditEvent event);
    /// Queues `events` under one lock; those that do not fit are dropped and counted. Returns how
    /// many were queued.
    qsizetype recordAll(const QList<AuditEvent> &events);

    /// Audit thread only: the retention purge (docs/audit.md#retention-and-purge). Removes the
    /// ledger's entries older than `retentionDays` before `nowMs` behind a signed checkpoint, then the
    /// request history rows and stored responses older than that in one transaction, then records an
    /// `audit.purge` entry with the counts (recorded when anything was removed or `by` has an actor).
    /// Each step commits on its own: a purge interrupted half-way is completed by the next one.
    /// `dryRun` only counts. `retentionDays` <= 0 removes nothing. Nullopt with `error` when the
    /// database fails (what was committed before stays done).
    std::optional<RetentionPurge> purge(qint64 nowMs, int retentionDays, bool dryRun, const AuditRequester &by,
                                        QString *error);
    /// Audit thread only: erases `name` — AuditLedger::eraseSubject() (records gdpr.erase, then
    /// destroys their keys; nothing happens when the record fails), then deletes the request history
    /// rows of the client key `name` and the stored responses it owns, in one transaction. Should the
    /// deletion fail (or the process stop) after the record, repeating the erasure completes it.
    std::optional<SubjectErasure> erase(const QString &name, const AuditRequester &by, QString *error);

    /// The retention policy (gdpr.retention_days, gdpr.auto_purge). Thread-safe. With `autoPurge` and
    /// a positive `retentionDays` the audit thread purges at once, then every 24 hours.
    void setRetention(int retentionDays, bool autoPurge);
    /// gdpr.retention_days as last set.
    int retentionDays() const { return m_retentionDays.load(); }
    /// Scheduled purges that have run (for tests and logs).
    quint64 scheduledPurges() const { return m_scheduledPurges.load(); }
    /// An object living in the audit thread: post work to it with QMetaObject::invokeMethod.
    QObject *context() const { return m_context.get(); }
    /// Audit thread only: appends what is queued, then returns the ledger (nullptr with `error` when
    /// the database cannot be opened or has no audit tables).
    AuditLedger *ledger(QString *error);
    /// Audit thread only: entries matching `query`, newest first.
    std::optional<QList<AuditEntry>> query(const AuditQuery &query, QString *error);
    /// Events dropped because the queue was full, or lost because their batch could not be stored.
    quint64 dropped() const { return m_dropped.load(); }
    /// Appends what is queued, closes the connection and ends the thread; later events are dropped.
    void stop();

private:
    struct Open;
    void drain();
    /// The scheduled purge (audit thread).
    void purgeOnSchedule();
    bool ensureOpen(QString *error);

    const DatabaseSettings m_database;
    const QByteArray m_secret;
    const QByteArray m_anchorKey;
    const QString m_instanceId;
    const int m_capacity;
    QThread m_thread;
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<Open> m_open; ///< audit thread only
    QMutex m_mutex;
    QList<AuditEvent> m_pending;
    bool m_drainPosted = false;
    bool m_stopped = false;
    std::atomic<quint64> m_dropped = 0;
    std::atomic<int> m_retentionDays = 0;
    std::atomic<quint64> m_scheduledPurges = 0;
    std::unique_ptr<QTimer> m_purgeTimer; ///< audit thread only
};

} // namespace llmproxy
