// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/storewriter.h"

#include "proxycore/store/migrations.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>

#include <sqlite3.h>

#include <span>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcStoreWriter, "llmproxy.store")

using namespace Qt::StringLiterals;

namespace {

/// SQLite result codes (extended ones carry the primary code in their low byte) of a write the
/// database refuses on its own: 1 SQL error (no such table or column), 18 too big, 19 constraint,
/// 20 type mismatch, 25 bind index out of range. Busy, locked, full, I/O and the like are the
/// database's state.
bool sqliteRefuses(int code)
{
    const int primary = code & 0xff;
    return primary == 1 || primary == 18 || primary == 19 || primary == 20 || primary == 25;
}

} // namespace

void WriteContext::noteError(const QSqlError &error)
{
    m_error = error.text().trimmed();
    if (m_error.isEmpty())
        m_error = u"the statement failed"_s;
    const QString code = error.nativeErrorCode();
    if (dialect() == SqlDialect::Postgres) {
        // SQLSTATE classes: 22 data exception, 23 integrity constraint violation, 42 syntax error
        // or access rule violation. Connection (08), resources such as a full disk (53), operator
        // intervention (57) and serialization failures (40) are the database's state.
        m_refused = code.startsWith(u"22"_s) || code.startsWith(u"23"_s) || code.startsWith(u"42"_s);
    } else {
        bool ok = false;
        const int primary = code.toInt(&ok);
        m_refused = ok && sqliteRefuses(primary);
    }
}

void WriteContext::noteSqliteError(int code)
{
    m_error = QString::fromUtf8(m_sqlite ? sqlite3_errmsg(m_sqlite) : sqlite3_errstr(code));
    m_refused = sqliteRefuses(code);
}

void WriteContext::reset()
{
    for (sqlite3_stmt *statement : std::as_const(m_sqliteStatements))
        sqlite3_finalize(statement);
    m_sqliteStatements.clear();
    m_sqlite = nullptr;
    m_statements.clear();
}

sqlite3_stmt *WriteContext::sqlitePrepared(const QString &sql)
{
    if (const auto it = m_sqliteStatements.constFind(sql); it != m_sqliteStatements.cend())
        return *it;
    if (!m_sqlite) {
        // QSqlDriver::handle() of QSQLITE: a QVariant holding the connection's sqlite3 pointer.
        const QVariant handle = m_connection->database().driver()->handle();
        if (dialect() != SqlDialect::Sqlite || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
            m_error = u"the SQL driver gives no SQLite handle"_s;
            m_refused = false;
            return nullptr;
        }
        m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    }
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_sqlite, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK) {
        noteSqliteError(rc);
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_sqliteStatements.insert(sql, statement);
    return statement;
}

bool WriteContext::step(sqlite3_stmt *statement)
{
    const int rc = sqlite3_step(statement);
    const bool done = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!done)
        noteSqliteError(rc);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return done;
}

QSqlQuery *WriteContext::prepared(const QString &sql)
{
    if (const auto it = m_statements.constFind(sql); it != m_statements.cend())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_connection->database());
    if (!query->prepare(sql)) {
        noteError(query->lastError());
        return nullptr;
    }
    m_statements.insert(sql, query);
    return query.get();
}

bool WriteContext::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    noteError(query.lastError());
    return false;
}

/// The part that lives in the writer's thread: the connection, the batch being written, the retry
/// timer.
class StoreWriter::Worker final : public QObject
{
public:
    explicit Worker(StoreWriter *owner) : m_owner(owner), m_retry(this), m_schemaReady(owner->m_schemaReady)
    {
        m_retry.setSingleShot(true);
        QObject::connect(&m_retry, &QTimer::timeout, this, [this] { drain(); });
    }

    /// Writes batches until the queue is empty or one fails. Called for every wake-up and retry.
    void drain()
    {
        if (m_retry.isActive())
            return; // backing off: the timer calls again
        if (!m_schemaReady) {
            // Not reached yet at start: keep trying to connect (and migrate) even while nothing is written.
            QString error;
            if (!connect(&error)) {
                failed(error);
                return;
            }
            m_owner->setState(false, {});
        }
        for (int round = 0; round < 4; ++round) { // then yield, so that the thread can quit
            if (m_batch.empty())
                m_owner->takeBatch(m_batch);
            if (m_batch.empty())
                return;
            QString error;
            if (m_batchFailures >= kIsolateAfter) {
                if (!writeOneByOne(&error)) {
                    failed(error);
                    return;
                }
            } else if (!writeBatch(&error)) {
                failed(error);
                return;
            } else {
                m_owner->batchDone(rowsOf(m_batch), 0, {}, true);
            }
            m_backoffMs = 0;
            m_batchFailures = 0;
            m_batch.clear();
        }
        QMetaObject::invokeMethod(
            this, [this] { drain(); }, Qt::QueuedConnection);
    }

    /// The last chance at shutdown: one attempt at what is waiting, then the connection is closed
    /// in this thread (Qt Sql requires it) and the thread ends.
    void finish()
    {
        m_retry.stop();
        std::vector<QueuedWrite> rest;
        m_owner->takeBatch(rest);
        while (!rest.empty()) {
            m_batch.insert(m_batch.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
            rest.clear();
            m_owner->takeBatch(rest);
        }
        QString error;
        if (!m_batch.empty() && !writeBatch(&error)) {
            qCWarning(lcStoreWriter, "store: %lld rows could not be saved at shutdown: %s", qint64(rowsOf(m_batch)),
                      qPrintable(error));
        } else if (!m_batch.empty()) {
            m_owner->batchDone(rowsOf(m_batch), 0, {}, true);
        }
        m_batch.clear();
        m_context.reset();
        m_connection.reset();
        QThread::currentThread()->quit();
    }

private:
    static qsizetype rowsOf(const std::vector<QueuedWrite> &writes)
    {
        qsizetype rows = 0;
        for (const QueuedWrite &w : writes)
            rows += w.rows;
        return rows;
    }

    bool connect(QString *error)
    {
        if (!m_connection) {
            // Created here, in the writer's thread: a Qt Sql connection belongs to the thread that made it.
            m_connection = std::make_unique<DatabaseConnection>(m_owner->m_settings, u"writer"_s);
            m_context = std::make_unique<WriteContext>(m_connection.get());
        }
        if (m_connection->isOpen())
            return true;
        if (!m_connection->open(error))
            return false;
        if (!m_schemaReady) {
            // The database was out of reach when the gateway started: its schema is brought up to
            // date by the writer, the first time it connects.
            if (SchemaMigrator::migrate(*m_connection, error) != MigrationOutcome::UpToDate) {
                m_connection->close();
                return false;
            }
            m_schemaReady = true;
        }
        return true;
    }

    bool writeBatch(QString *error) { return write(m_batch, error); }

    /// Applies `writes` in one transaction.
    bool write(std::span<const QueuedWrite> writes, QString *error)
    {
        if (!connect(error))
            return false;
        QSqlDatabase &db = m_connection->database();
        QSqlQuery begin(db);
        // IMMEDIATE takes SQLite's write lock now rather than at the first insert.
        if (!begin.exec(m_connection->dialect() == SqlDialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s)) {
            *error = begin.lastError().text().trimmed();
            return false;
        }
        for (const QueuedWrite &queued : writes) {
            if (!queued.write(*m_context)) {
                *error = m_context->error();
                rollback();
                return false;
            }
        }
        QSqlQuery commit(db);
        if (!commit.exec(u"COMMIT"_s)) {
            *error = commit.lastError().text().trimmed();
            rollback();
            return false;
        }
        return true;
    }

    /// After kIsolateAfter failures of one batch: each write in a transaction of its own. A write
    /// the database refuses on its own (WriteContext::refusedByDatabase(): a constraint, a value it
    /// cannot store) is rejected — dropped, counted and logged — so that it cannot hold up every
    /// later one. A write that fails for any other reason (locked, full, gone) is kept, with the
    /// rest of the batch, for the next attempt; false is returned then.
    bool writeOneByOne(QString *error)
    {
        std::vector<QueuedWrite> kept;
        qsizetype committed = 0, rejected = 0;
        QString refusal, failure;
        for (QueuedWrite &write : m_batch) {
            QString why;
            if (this->write({&write, 1}, &why)) {
                committed += write.rows;
            } else if (m_context && m_context->refusedByDatabase()) {
                rejected += write.rows;
                refusal = why;
            } else {
                failure = why;
                kept.push_back(std::move(write));
            }
        }
        m_batch = std::move(kept);
        m_owner->batchDone(committed, rejected, refusal, m_batch.empty());
        if (m_batch.empty())
            return true;
        *error = failure;
        return false;
    }

    void rollback()
    {
        QSqlQuery q(m_connection->database());
        q.exec(u"ROLLBACK"_s); // may fail when the connection is gone; closing it below ends the transaction anyway
    }

    void failed(const QString &error)
    {
        const QString reason = error.isEmpty() ? u"the database did not accept the batch"_s : error;
        // A new connection for the next attempt: it reconnects to a restarted server, and drops a
        // SQLite connection left in a bad state.
        if (m_connection) {
            m_context->reset();
            m_connection->close();
        }
        ++m_batchFailures;
        m_backoffMs =
            m_backoffMs == 0 ? m_owner->m_options.retryInitialMs : qMin(m_backoffMs * 2, m_owner->m_options.retryMaxMs);
        m_owner->setState(true, reason);
        m_retry.start(m_backoffMs);
    }

    StoreWriter *m_owner;
    QTimer m_retry; ///< a child, so that it moves to the writer's thread with the worker
    bool m_schemaReady;
    std::unique_ptr<DatabaseConnection> m_connection; ///< created and destroyed in the writer's thread
    std::unique_ptr<WriteContext> m_context;
    std::vector<QueuedWrite> m_batch;
    int m_backoffMs = 0;
    int m_batchFailures = 0; ///< failed attempts at the batch in m_batch
    static constexpr int kIsolateAfter = 3;
};

StoreWriter::StoreWriter(DatabaseSettings settings, StoreWriterOptions options, bool schemaReady)
    : m_settings(std::move(settings)), m_options(options), m_schemaReady(schemaReady)
{
    m_thread.setObjectName(u"store-writer"_s);
    if (!schemaReady) {
        m_degraded = true; // until the writer has connected and migrated the schema
        m_reason = u"not connected yet"_s;
    }
}

StoreWriter::~StoreWriter()
{
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->finish(); }, Qt::QueuedConnection);
        m_thread.wait();
        delete m_worker; // its thread has ended: deleting it here is safe
    }
    const StoreWriterStatus s = status();
    if (s.dropped > 0)
        qCWarning(lcStoreWriter, "store: %llu rows were dropped in all while the database could not keep up",
                  static_cast<unsigned long long>(s.dropped));
}

void StoreWriter::start()
{
    Q_ASSERT_X(!m_worker, "StoreWriter::start", "called twice");
    auto *worker = new Worker(this);
    worker->moveToThread(&m_thread);
    m_thread.start();
    QMutexLocker lock(&m_mutex);
    m_worker = worker;
    m_wakePending = true;
    QMetaObject::invokeMethod(
        m_worker, [worker] { worker->drain(); }, Qt::QueuedConnection);
}

bool StoreWriter::enqueue(StoreWrite write, const char *what, qsizetype rows)
{
    rows = qMax<qsizetype>(rows, 1);
    QMutexLocker lock(&m_mutex);
    if (m_queuedRows + m_inBatch + rows > m_options.queueCapacity) {
        noteDrop(what, rows);
        return false;
    }
    m_queue.push_back({std::move(write), rows});
    m_queuedRows += rows;
    if (!m_wakePending && m_worker) {
        m_wakePending = true;
        Worker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->drain(); }, Qt::QueuedConnection);
    }
    return true;
}

void StoreWriter::noteDrop(const char *what, qsizetype rows)
{
    m_dropped += quint64(rows);
    m_droppedUnlogged += quint64(rows);
    // One line at the first drop, then at most one every 5 s with the count since the last.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastDropLogMs != 0 && now - m_lastDropLogMs < 5'000)
        return;
    m_lastDropLogMs = now;
    qCWarning(lcStoreWriter,
              "store: queue full (%d rows waiting for %s); %llu %s dropped (%llu in total). Requests are served; "
              "the database is %s",
              m_options.queueCapacity, qPrintable(m_settings.describe()),
              static_cast<unsigned long long>(m_droppedUnlogged), what, static_cast<unsigned long long>(m_dropped),
              m_degraded ? qPrintable(u"failing: "_s + m_reason) : "slower than the requests");
    m_droppedUnlogged = 0;
}

void StoreWriter::takeBatch(std::vector<QueuedWrite> &batch)
{
    QMutexLocker lock(&m_mutex);
    m_wakePending = false;
    qsizetype rows = 0;
    // Whole writes only; the first one goes even when it alone holds more than maxBatch rows.
    while (!m_queue.empty() && (rows == 0 || rows + m_queue.front().rows <= m_options.maxBatch)) {
        rows += m_queue.front().rows;
        batch.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    m_queuedRows -= rows;
    m_inBatch += rows;
}

void StoreWriter::batchDone(qsizetype written, qsizetype rejected, const QString &why, bool finished)
{
    QMutexLocker lock(&m_mutex);
    m_inBatch -= written + rejected;
    m_written += quint64(written);
    m_rejected += quint64(rejected);
    if (rejected > 0)
        qCWarning(lcStoreWriter, "store: %s refused %lld rows (%s); they are dropped, %lld others are written",
                  qPrintable(m_settings.describe()), qint64(rejected), qPrintable(why), qint64(written));
    if (!finished)
        return;
    ++m_batches;
    if (m_degraded) {
        qCInfo(lcStoreWriter, "store: %s accepts writes again", qPrintable(m_settings.describe()));
        m_degraded = false;
        m_reason.clear();
    }
}

void StoreWriter::setState(bool degraded, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    if (!degraded && m_degraded)
        qCInfo(lcStoreWriter, "store: %s is reachable again", qPrintable(m_settings.describe()));
    if (degraded) {
        ++m_retries;
        if (!m_degraded || m_reason != reason)
            qCWarning(lcStoreWriter, "store: %s: %s; requests are served, writes wait in the queue and are retried",
                      qPrintable(m_settings.describe()), qPrintable(reason));
    }
    m_degraded = degraded;
    m_reason = reason;
}

StoreWriterStatus StoreWriter::status() const
{
    QMutexLocker lock(&m_mutex);
    StoreWriterStatus s;
    s.degraded = m_degraded;
    s.reason = m_reason;
    s.written = m_written;
    s.dropped = m_dropped;
    s.retries = m_retries;
    s.rejected = m_rejected;
    s.batches = m_batches;
    s.queueDepth = qint64(m_queuedRows) + m_inBatch;
    return s;
}

} // namespace llmproxy
