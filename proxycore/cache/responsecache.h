// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/codecs.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace llmproxy {

/// One stored answer: what the upstream sent for a request, before the response filters, so that
/// a hit is relayed exactly as a fresh answer would be (translated for the client, filtered with
/// the request's own PII vault and the policy in force, signed afresh). Immutable once stored;
/// shared by the cache and the calls replaying it.
struct CachedAnswer
{
    QString scope; ///< cacheScope() of the request that stored it
    formats::ApiFormat upstreamFormat = formats::ApiFormat::OpenAiChat;
    bool stream = false;    ///< `body` is an event stream (SSE as the upstream sent it)
    int status = 200;       ///< the upstream's (2xx) status
    QByteArray contentType; ///< the upstream's Content-Type
    QByteArray body;        ///< the upstream's complete body or stream, byte for byte
    QString servedModel;    ///< the model the provider was asked for
    qint64 storedAtMs = 0;  ///< on the cache's clock (SharedState::nowMs())

    /// What the entry counts against caching.max_bytes: its bytes plus a fixed bookkeeping share.
    qint64 cost() const;
};
using CachedAnswerPtr = std::shared_ptr<const CachedAnswer>;

/// The cache's counters and size, for GET /api/v1/cache and /health.
struct ResponseCacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;   ///< looked up and not found (expired entries included)
    quint64 bypasses = 0; ///< not looked up: the client sent Cache-Control no-cache or no-store
    quint64 stores = 0;
    quint64 evictions = 0;   ///< removed to make room (least recently used first)
    quint64 expirations = 0; ///< found older than caching.ttl and removed
    quint64 oversize = 0;    ///< answers not stored because they were larger than an entry may be
    qint64 entries = 0;
    qint64 bytes = 0;
    qint64 maxEntries = 0;
    qint64 maxBytes = 0;
};

/// A tier behind the memory cache, for the persistent store: told, outside the cache's locks, of
/// every entry stored and every clear, so it can write them behind on its own thread. It is never
/// asked on a request's path (nothing there may wait for a database); it fills the memory cache
/// at start through ResponseCache::restore() instead. Implementations must be thread-safe: any
/// worker calls them.
class ResponseCacheTier
{
public:
    virtual ~ResponseCacheTier() = default;
    virtual void stored(const QByteArray &key, const CachedAnswerPtr &answer) = 0;
    /// Every entry of `scope` was removed; an empty scope: every entry.
    virtual void cleared(const QString &scope) = 0;
};

/// The exact response cache in memory: 32-byte keys (responseCacheKey()) → CachedAnswer, bounded by
/// entries and bytes with least-recently-used eviction, entries older than the TTL never served.
///
/// Thread-safe. Split into shards by the key's first byte (a SHA-256 byte: evenly spread), each
/// with its own lock held only for a hash lookup and a list splice, so workers rarely meet and
/// nobody waits on a global lock. The limits are split evenly over the shards: each holds at most
/// max_entries / shards entries (at least one) and max_bytes / shards bytes, so an answer larger than
/// that share is not stored. The answer itself is replayed outside the lock (shared pointer).
class ResponseCache
{
public:
    /// `shards`: how many independent parts (16 in the gateway; tests use 1 for exact LRU order).
    explicit ResponseCache(int shards = 16);
    ~ResponseCache();
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    /// Sets the bounds (caching.max_entries, max_bytes, max_entry_bytes); entries beyond the new
    /// ones are evicted at once. Any thread.
    void setLimits(qint64 maxEntries, qint64 maxBytes, qint64 maxEntryBytes);
    /// The largest answer body (or stream) that may be stored now: caching.max_entry_bytes, or
    /// less when a shard's share of caching.max_bytes is smaller.
    qint64 maxEntryBytes() const;

    /// The answer stored under `key`, counted as a hit; null (a miss) when there is none or it was
    /// stored `ttlMs` or longer before `nowMs` (it is then removed).
    CachedAnswerPtr find(const QByteArray &key, qint64 nowMs, qint64 ttlMs);
    /// Counts a request that did not look (Cache-Control).
    void noteBypass();
    /// Stores `answer` under `key` (replacing what was there), evicting the least recently used
    /// entries of its shard to stay within the bounds. False (counted as oversize) when it is too
    /// large to be stored. Tells the tier.
    bool insert(const QByteArray &key, CachedAnswerPtr answer);
    /// Puts back an entry the tier kept (at start): like insert(), but neither counted as a store
    /// nor told to the tier, and never in place of an entry stored meanwhile (false then).
    bool restore(const QByteArray &key, CachedAnswerPtr answer);
    /// Removes every entry of `scope` (cacheScope()), or every entry when `scope` is empty.
    /// Returns how many were removed. Tells the tier.
    qint64 clear(const QString &scope = {});

    ResponseCacheStats stats() const;
    /// Entries and bytes per scope, for the admin API. Walks every shard (one lock at a time).
    struct ScopeUsage
    {
        QString scope;
        qint64 entries = 0;
        qint64 bytes = 0;
    };
    QList<ScopeUsage> scopes() const;

    /// Installs (or with null removes) the tier behind the memory cache.
    void setTier(std::shared_ptr<ResponseCacheTier> tier);
    /// Whether a tier is installed.
    bool hasTier() const { return m_tier.load(std::memory_order_acquire) != nullptr; }

private:
    struct Node
    {
        QByteArray key;
        CachedAnswerPtr answer;
        qint64 cost = 0;
    };
    /// Keys are SHA-256 digests: eight of their bytes are as good a hash as any.
    struct KeyHash
    {
        size_t operator()(const QByteArray &key) const noexcept;
    };
    struct Shard
    {
        mutable QMutex mutex;
        std::list<Node> lru; ///< most recently used first
        std::unordered_map<QByteArray, std::list<Node>::iterator, KeyHash> index;
        qint64 bytes = 0;
    };

    Shard &shardFor(const QByteArray &key);
    /// Stores `answer`; an entry already under `key` is replaced, or with `replace` false kept
    /// (and false returned).
    bool put(const QByteArray &key, CachedAnswerPtr answer, bool replace);
    /// Evicts from the back of `shard` (locked) until it fits its share of the bounds.
    void trim(Shard &shard);
    void erase(Shard &shard, std::list<Node>::iterator it);
    qint64 shardEntryLimit() const;
    qint64 shardByteLimit() const;

    std::vector<std::unique_ptr<Shard>> m_shards;
    std::atomic<qint64> m_maxEntries{10'000};
    std::atomic<qint64> m_maxBytes{64 * 1024 * 1024};
    std::atomic<qint64> m_maxEntryBytes{1024 * 1024};
    std::atomic<qint64> m_entries{0};
    std::atomic<qint64> m_bytes{0};
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
    std::atomic<quint64> m_bypasses{0};
    std::atomic<quint64> m_stores{0};
    std::atomic<quint64> m_evictions{0};
    std::atomic<quint64> m_expirations{0};
    std::atomic<quint64> m_oversize{0};
    std::atomic<std::shared_ptr<ResponseCacheTier>> m_tier;
};

} // namespace llmproxy
