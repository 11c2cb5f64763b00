// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cache/responsecache.h"
#include "proxycore/store/storewriter.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace llmproxy {

class Store;

/// The table `response_cache` (docs/storage.md#response_cache): the response cache's entries written
/// behind, so that a restart starts with the answers it had. Stateless: the writes are queued with
/// the store's writer; load() reads on whatever thread calls it, over a connection of its own.
class CacheTable
{
public:
    /// The write that stores `answer` under `key`, stamped `storedWallMs` (wall clock), replacing
    /// what was there: safe to apply again.
    static StoreWrite writeFor(QByteArray key, CachedAnswerPtr answer, qint64 storedWallMs);
    /// The write that deletes every entry of `scope` (ResponseCache::clear); an empty scope: all.
    static StoreWrite clearFor(QString scope);
    /// The write that deletes the entries stored at or before `wallMs`.
    static StoreWrite purgeFor(qint64 wallMs);

    /// Whether the table holds any row; nullopt with `error` when the database cannot answer.
    static std::optional<bool> hasRows(const DatabaseSettings &settings, QString *error);

    /// What load() read.
    struct Loaded
    {
        qint64 restored = 0; ///< put back into the memory cache
        qint64 skipped = 0;  ///< rows that could not be read back (an unknown format, a bad key)
    };
    /// Puts the newest entries stored after `notBeforeWallMs` back into `cache`, at most
    /// `maxEntries` of them and `maxBytes` of bodies, oldest first so that the newest end up most
    /// recently used; their age is kept (`nowMs` on the cache's clock matches `nowWallMs`). False
    /// with `error` when the database cannot answer.
    static bool load(const DatabaseSettings &settings, ResponseCache &cache, qint64 notBeforeWallMs, qint64 nowWallMs,
                     qint64 nowMs, qint64 maxEntries, qint64 maxBytes, Loaded *loaded, QString *error);
};

/// The response cache's tier in the store: every entry the memory cache stores and every clear is
/// queued for `response_cache` with the store's writer (never waiting for the database), and rows
/// older than the TTL are purged now and then. Thread-safe (any worker calls it).
class PersistentCacheTier final : public ResponseCacheTier
{
public:
    /// `cacheClock` is the clock CachedAnswer::storedAtMs is on (SharedState::nowMs()).
    PersistentCacheTier(std::shared_ptr<Store> store, std::function<qint64()> cacheClock);

    /// caching.ttl in milliseconds: rows older than this are purged.
    void setTtlMs(qint64 ttlMs) { m_ttlMs.store(ttlMs, std::memory_order_relaxed); }

    void stored(const QByteArray &key, const CachedAnswerPtr &answer) override;
    void cleared(const QString &scope) override;

private:
    std::shared_ptr<Store> m_store;
    std::function<qint64()> m_clock;
    std::atomic<qint64> m_ttlMs{3'600'000};
    std::atomic<qint64> m_lastPurgeWallMs{0};
};

} // namespace llmproxy
