// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/database.h"

#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

struct sqlite3;
struct sqlite3_stmt;

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

namespace llmproxy {

/// What a write sees while the writer applies it: the writer's connection inside the batch's
/// transaction, and prepared statements kept for the connection's life. Writer thread only.
class WriteContext
{
public:
    explicit WriteContext(DatabaseConnection *connection) : m_connection(connection) {}

    SqlDialect dialect() const { return m_connection->dialect(); }
    QSqlDatabase &database() { return m_connection->database(); }
    /// The statement for `sql`, prepared once per connection and reused by every later write (bind
    /// its values, then exec()). nullptr, with error() set, when it cannot be prepared.
    QSqlQuery *prepared(const QString &sql);
    /// Runs a bound statement; false, with error() set, when it fails.
    bool exec(QSqlQuery &query);
    /// SQLite only: the statement for `sql` prepared with SQLite's own API on the driver's connection
    /// (once per connection, like prepared()), for writes that bind many values: binding through
    /// QSqlQuery costs more than the insert. Bind with sqlite3_bind_*, then call step(). nullptr, with
    /// error() set, when it cannot be prepared or the driver gives no SQLite handle.
    sqlite3_stmt *sqlitePrepared(const QString &sql);
    /// Runs a statement of sqlitePrepared() and resets it (bindings cleared) for the next use; false,
    /// with error() set, when it fails.
    bool step(sqlite3_stmt *statement);
    /// Why the last prepared() or exec() failed.
    QString error() const { return m_error; }
    /// Whether that failure is the write's own (a constraint, a type, a value out of range, a
    /// statement that does not fit the schema) rather than the database's state (locked, full,
    /// I/O, connection): trying it again cannot help.
    bool refusedByDatabase() const { return m_refused; }
    /// Forgets the prepared statements (the connection is being closed).
    void reset();
    ~WriteContext() { reset(); }
    WriteContext(const WriteContext &) = delete;
    WriteContext &operator=(const WriteContext &) = delete;

private:
    DatabaseConnection *m_connection;
    /// Records `error` as the last failure, classified for refusedByDatabase().
    void noteError(const QSqlError &error);
    /// The same for an SQLite result code of the native API.
    void noteSqliteError(int code);

    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QHash<QString, sqlite3_stmt *> m_sqliteStatements; ///< finalized by reset()
    sqlite3 *m_sqlite = nullptr;                       ///< the driver's handle, while statements exist
    QString m_error;
    bool m_refused = false;
};

/// One write, applied inside a batch's transaction. Must be safe to apply again: when a batch
/// fails it is rolled back and every write in it is applied again on the next attempt. Returns
/// false (WriteContext::error() says why) to fail the batch.
using StoreWrite = std::function<bool(WriteContext &)>;

/// A write waiting in the writer's queue, with the rows it stores: the queue's capacity, the batch
/// size and the counters of StoreWriterStatus are in rows, so that a write of many rows (a multi-row
/// INSERT) weighs what it holds.
struct QueuedWrite
{
    StoreWrite write;
    qsizetype rows = 1;
};

/// How the writer batches and retries.
struct StoreWriterOptions
{
    int queueCapacity = 10'000; ///< rows waiting (queued or in the batch being written); more are dropped
    int maxBatch = 500;         ///< rows per transaction (a write of more rows than this goes alone)
    int retryInitialMs = 100;   ///< first wait after a failed batch; doubles up to retryMaxMs
    int retryMaxMs = 10'000;
};

/// What the writer reports (GET /health/ready, logs): a value, copied out under a lock.
struct StoreWriterStatus
{
    bool degraded = false; ///< the last batch failed (or the database could not be opened); retrying
    QString reason;        ///< why, while degraded: the driver's message
    quint64 written = 0;   ///< rows committed
    quint64 dropped = 0;   ///< rows refused because the queue was full (also logged)
    quint64 rejected = 0;  ///< rows the database refused on their own while others committed (also logged)
    quint64 retries = 0;   ///< batches attempted again after a failure
    quint64 batches = 0;   ///< transactions committed
    qint64 queueDepth = 0; ///< rows waiting, the batch being written included
};

/// The store's one writer: a thread of its own with its own connection. Callers on any thread
/// enqueue() writes and never wait for the database (a mutex held for a list append). The writer
/// takes writes of up to maxBatch rows at a time and commits them in one transaction. When a batch fails
/// (database locked, disk full, server gone) it is rolled back and kept, the connection is closed,
/// and the same batch is tried again after an exponential backoff on a new connection: the state is
/// `degraded` with the reason until a batch commits again. After three failures the writes are
/// tried one by one, so that a write the database refuses on its own (WriteContext::
/// refusedByDatabase()) is rejected (counted, logged) instead of holding up the others; every
/// other failure keeps the write. Meanwhile the queue stays bounded:
/// rows beyond queueCapacity are dropped, counted and logged, never silently lost. (A write that
/// holds several rows is rejected or dropped as a whole.)
/// The destructor tries once more to write what is waiting, logs what it could not, and joins the
/// thread.
class StoreWriter
{
public:
    /// `schemaReady`: the schema was migrated already (by Store::open()); otherwise the writer
    /// migrates it once it first connects, and stays degraded while that fails.
    StoreWriter(DatabaseSettings settings, StoreWriterOptions options, bool schemaReady);
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    /// Starts the thread; writes enqueued before wait for it. Call once.
    void start();
    /// Queues a write that stores `rows` rows. Thread-safe and never blocks on the database. False
    /// when the queue has no room for its rows: the write is dropped (its rows counted in
    /// status().dropped, and logged at most every few seconds). `what` names the rows in that log line.
    bool enqueue(StoreWrite write, const char *what = "write", qsizetype rows = 1);
    /// A snapshot of the state and counters. Thread-safe.
    StoreWriterStatus status() const;

private:
    class Worker;
    friend class Worker;

    /// Takes writes of up to maxBatch rows (at least one write) off the queue into `batch` (writer thread).
    void takeBatch(std::vector<QueuedWrite> &batch);
    void setState(bool degraded, const QString &reason);
    /// Rows of the batch have ended: `written` committed, `rejected` refused by the database and
    /// dropped. `finished`: nothing of the batch is left (the store is healthy again).
    void batchDone(qsizetype written, qsizetype rejected, const QString &why, bool finished);
    void noteDrop(const char *what, qsizetype rows);

    const DatabaseSettings m_settings;
    const StoreWriterOptions m_options;
    const bool m_schemaReady;
    QThread m_thread;
    Worker *m_worker = nullptr; ///< lives in m_thread; deleted once it has finished

    mutable QMutex m_mutex;
    std::deque<QueuedWrite> m_queue;
    qsizetype m_queuedRows = 0; ///< rows of the writes in m_queue
    qsizetype m_inBatch = 0;    ///< rows taken off the queue, not yet committed
    bool m_wakePending = false;
    bool m_degraded = false;
    QString m_reason;
    quint64 m_written = 0;
    quint64 m_dropped = 0;
    quint64 m_retries = 0;
    quint64 m_rejected = 0;
    quint64 m_batches = 0;
    quint64 m_droppedUnlogged = 0;
    qint64 m_lastDropLogMs = 0;
};

} // namespace llmproxy
