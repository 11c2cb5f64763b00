// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/budget.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/store/auditservice.h"
#include "proxycore/store/conversationstore.h"
#include "proxycore/store/endpointstatstable.h"
#include "proxycore/store/requesthistory.h"
#include "proxycore/store/sharedbudgets.h"
#include "proxycore/store/spendrollup.h"
#include "proxycore/store/storewriter.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <memory>

namespace llmproxy {

/// What /health/ready shows of the store. Value type.
struct StoreStatus
{
    QString backend;  ///< "sqlite" or "postgres"
    QString database; ///< DatabaseSettings::describe(): never a password
    StoreWriterStatus writer;
};

/// The database behind the gateway's lasting state (docs/storage.md): opens it, brings its schema
/// up to date, and owns the one writer thread and the reader thread that answers queries. Created
/// by the engine at start when server.storage asks for a database; shared with the workers (for
/// /health) and the admin API (for queries) through SharedState, read-only. Thread-safe unless a
/// function says otherwise.
class Store
{
public:
    /// Opens the database and migrates its schema. When the database cannot be reached (a server
    /// that is down, a locked file) the store starts anyway, degraded: the writer retries and
    /// migrates once it connects. nullptr with `error` only when the database must not be used: its
    /// schema is newer than this build's, or a migration failed on a reachable database.
    static std::unique_ptr<Store> open(const DatabaseSettings &settings, const StoreWriterOptions &options,
                                       QString *error);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Queues `records` for the request history and their spend, summed per group, for spend_daily
    /// (one upsert per distinct group, in the same write, so the same transaction, as the last
    /// records' history rows), and, when the audit ledger is on, as audit entries as
    /// setAuditRequests() says (all, those a pipeline stage refused, or none). Never waits for the
    /// database (see StoreWriter, AuditService).
    void recordRequests(const QList<RequestRecord> &records);
    /// Which finished requests recordRequests() puts on the audit ledger (audit.requests); `All`
    /// until set. Thread-safe; effective for the next recordRequests().
    void setAuditRequests(AuditRequests mode) { m_auditRequests.store(mode, std::memory_order_relaxed); }
    /// The zone whose calendar day spend_daily's rows are of (the budget's, budget.timezone);
    /// UTC until set. Effective for the next recordRequests().
    void setSpendTimeZone(const QTimeZone &zone);

    /// At start, on the calling thread: imports `budgetFilePath` (budget.json of a gateway that
    /// ran without spend_daily) into spend_daily once, renaming it to `<path>.imported`, then adds
    /// today's cost from spend_daily to `ledger` (today in the ledger's zone at `nowEpochMs`).
    /// False with `message` when the database cannot answer; `message` says what was restored
    /// otherwise.
    bool restoreBudget(BudgetLedger &ledger, const QString &budgetFilePath, qint64 nowEpochMs, QString *message);
    /// At start, on the calling thread: adds the day's and the month's cost of every configured key
    /// and team (spend_daily grouped by key_name and by team, in the budgets' zone) to `budgets`.
    /// False with `message` when the database cannot answer.
    bool restoreScopeBudgets(ScopeBudgets &budgets, qint64 nowEpochMs, QString *message);

    /// Turns the audit ledger on (docs/audit.md): a thread of its own appends the events queued with
    /// audit()->record(). Call once, after open(); `queueCapacity` bounds the events waiting.
    void startAudit(QByteArray secret, QByteArray anchorKey, QString instanceId, int queueCapacity);
    /// The audit ledger, or nullptr when it is off.
    AuditService *audit() const { return m_audit.get(); }
    /// The keys' and teams' budgets shared with the other gateways on the database (PostgreSQL),
    /// or nullptr (SQLite).
    SharedBudgets *sharedBudgets() const { return m_sharedBudgets.get(); }
    /// Queues any write (for tables added later; see docs/storage.md).
    bool enqueue(StoreWrite write, const char *what) { return m_writer.enqueue(std::move(write), what); }

    StoreStatus status() const;
    const DatabaseSettings &settings() const { return m_settings; }

    /// An object living in the reader thread: post work to it (QMetaObject::invokeMethod) to run
    /// queries off the proxy workers and the engine's thread.
    QObject *readerContext() const { return m_readerContext.get(); }
    /// The request history's queries. Reader thread only.
    RequestHistory &history() { return m_history; }
    /// The stored responses' reads (responses_store). Reader thread only.
    ResponseTable &responses() { return m_responses; }
    /// The spend rollups' queries. Reader thread only.
    SpendRollup &spend() { return m_spend; }
    /// Every gateway's last written statistics per endpoint (endpoint_stats), by gateway and
    /// endpoint. Reader thread only; nullopt with `error` when the database cannot answer.
    std::optional<QList<EndpointStatsRow>> endpointStats(QString *error);
    /// Runs the queries already posted to the reader thread (and to the shared budgets' thread),
    /// closes their connections and ends the threads; work posted later is never run. Call before the threads that post
    /// queries (and wait for their answers) go away. Called by the destructor too.
    void stopReader();

private:
    Store(DatabaseSettings settings, const StoreWriterOptions &options, bool schemaReady);

    const DatabaseSettings m_settings;
    StoreWriter m_writer;
    QThread m_readerThread;
    std::unique_ptr<QObject> m_readerContext;
    RequestHistory m_history;
    ResponseTable m_responses;
    SpendRollup m_spend;
    std::unique_ptr<DatabaseConnection> m_readerConnection; ///< endpointStats()'s, reader thread only
    mutable QMutex m_zoneMutex;
    QTimeZone m_spendZone = QTimeZone::utc();
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<SharedBudgets> m_sharedBudgets;
    std::atomic<AuditRequests> m_auditRequests = AuditRequests::All;
};

} // namespace llmproxy
