// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/storewriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <list>
#include <memory>
#include <optional>

namespace llmproxy {

class Store;

/// One response of the Responses API that the gateway issued and keeps (docs/storage.md#responses):
/// what a later request names with `previous_response_id`, and what GET /v1/responses/{id} answers.
/// Immutable once made; shared by the memory tier and the requests reading it.
struct StoredResponse
{
    QString id;           ///< the `resp_…` id the client received
    QString owner;        ///< who may read it: the client key's scope (`key:<name>`, `digest:<…>`, `anonymous`)
    QString model;        ///< the model the client asked for
    qint64 createdMs = 0; ///< wall clock, milliseconds since the epoch
    qint64 expiresMs = 0; ///< never read after this (wall clock)
    /// The whole conversation before the answer, as Responses input items: the input and output
    /// items of the chain of `previous_response_id`s, then the request's own input.
    QJsonArray input;
    QString instructions; ///< the request's `instructions`; not carried over to a chained response
    QJsonObject response; ///< the Response object the client received
    QByteArray body;      ///< `{input, instructions, response}` as JSON: the table's `body` column

    /// A response with its `body` filled in.
    static std::shared_ptr<const StoredResponse> make(QString id, QString owner, QString model, qint64 createdMs,
                                                      qint64 expiresMs, QJsonArray input, QString instructions,
                                                      QJsonObject response);
    /// A response read back from a row of the table; nullptr when `body` is not what make() wrote.
    static std::shared_ptr<const StoredResponse> fromRow(QString id, QString owner, QString model, qint64 createdMs,
                                                         qint64 expiresMs, QByteArray body);

    /// The items a response chained on this one starts with: `input`, then the response's `output`.
    QJsonArray conversation() const;
    /// What the entry counts against responses_store.max_memory_mb: its body plus a fixed share.
    qint64 cost() const;
};
using StoredResponsePtr = std::shared_ptr<const StoredResponse>;

/// The table `responses` (docs/storage.md#responses): the writes of the memory tier's changes, and
/// the read of one response on a miss. Reads use a connection of their own, opened on the thread
/// that first reads and used on that thread only (the store's reader thread, like RequestHistory).
class ResponseTable
{
public:
    explicit ResponseTable(DatabaseSettings settings);
    ~ResponseTable();
    ResponseTable(const ResponseTable &) = delete;
    ResponseTable &operator=(const ResponseTable &) = delete;

    /// The write that stores `response` (replacing a row with its id: safe to apply again).
    static StoreWrite writeFor(StoredResponsePtr response);
    /// The write that deletes the response `id`.
    static StoreWrite deleteFor(QString id);
    /// The write that deletes every response expired at `nowMs` (wall clock).
    static StoreWrite purgeFor(qint64 nowMs);

    /// The response `id` unless it expired before `nowMs` (wall clock): nullptr when there is none,
    /// nullopt with `error` when the database cannot answer. Reader thread only.
    std::optional<StoredResponsePtr> find(const QString &id, qint64 nowMs, QString *error);
    /// Closes the connection (on the thread that opened it); the next read opens a new one.
    void close();

private:
    DatabaseSettings m_settings;
    std::unique_ptr<DatabaseConnection> m_connection;
};

/// The Responses API's conversation store: responses the gateway issued, by id, in a memory tier
/// bounded by bytes (least recently used go first) and written through to the database's
/// `responses` table when there is one. Nothing here waits for the database: writes are queued
/// with the store's writer (Store::enqueue), and a memory miss is answered by find() as Unknown so
/// that the caller reads the table on the store's reader thread (ResponseTable::find) and hands the
/// row back with remember(). A deleted id is remembered as deleted (a tombstone) until evicted, so
/// that a read racing the queued delete cannot bring it back.
///
/// Thread-safe: every worker calls it; one lock held for a hash lookup and a list splice. Created
/// by the engine and shared with the workers through SharedState.
class ConversationStore
{
public:
    /// What find() knows of an id.
    enum class Lookup {
        Found,   ///< in memory, readable by the owner asked for
        Absent,  ///< certainly not readable: deleted, expired, or another owner's
        Unknown, ///< not in memory: ask the database (when there is one)
    };

    ConversationStore();
    ~ConversationStore();
    ConversationStore(const ConversationStore &) = delete;
    ConversationStore &operator=(const ConversationStore &) = delete;

    /// The database responses are written through to and read from on a miss; null = memory only.
    /// Set before the workers start.
    void setDatabase(std::shared_ptr<Store> database) { m_database = std::move(database); }
    Store *database() const { return m_database.get(); }

    /// The memory budget in bytes and how long a response is kept (responses_store.max_memory_mb,
    /// ttl_days); applied at once (a smaller budget evicts). Called on every configuration load.
    void setLimits(qint64 maxBytes, qint64 ttlMs);
    qint64 ttlMs() const;

    /// Keeps `response` in memory and queues it for the database. A response larger than the whole
    /// memory budget goes only to the database.
    void put(const StoredResponsePtr &response);
    /// Keeps `response`, read from the database, in memory (nothing is written).
    void remember(const StoredResponsePtr &response);
    /// Looks `id` up in memory for `owner` at `nowMs` (wall clock); `found` receives it when Found.
    Lookup find(const QString &id, const QString &owner, qint64 nowMs, StoredResponsePtr *found);
    /// Forgets `id` (a tombstone in memory) and queues its deletion from the database.
    void remove(const QString &id);

    /// Forgets, in memory only, every response of `owner` (a GDPR erasure deletes the rows); returns
    /// how many there were.
    qsizetype forgetOwner(const QString &owner);

    /// Bytes and entries (tombstones included) held in memory, for tests and /health.
    qint64 memoryBytes() const;
    qsizetype memoryEntries() const;

private:
    struct Entry
    {
        QString id;
        StoredResponsePtr response; ///< null: deleted
        qint64 cost = 0;
    };
    using EntryList = std::list<Entry>;

    /// Inserts or replaces the entry of `id` as the most recently used, then evicts to the budget.
    /// Lock held.
    void insertLocked(const QString &id, StoredResponsePtr response, qint64 cost);
    void eraseLocked(EntryList::iterator it);

    std::shared_ptr<Store> m_database;
    mutable QMutex m_mutex;
    EntryList m_lru; ///< most recently used first
    QHash<QString, EntryList::iterator> m_index;
    qint64 m_bytes = 0;
    qint64 m_maxBytes = 64LL * 1024 * 1024;
    qint64 m_ttlMs = 30LL * 86'400'000;
    qint64 m_lastPurgeMs = 0; ///< when expired rows were last purged from the database (wall clock)
};

} // namespace llmproxy
