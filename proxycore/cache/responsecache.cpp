// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/cache/responsecache.h"

#include <QMutexLocker>

#include <algorithm>

#include <cstring>

namespace llmproxy {

namespace {

/// Bookkeeping per entry (list node, hash node, key, answer object): a rough figure that keeps
/// many tiny answers from escaping the byte bound.
constexpr qint64 kEntryOverhead = 256;

} // namespace

qint64 CachedAnswer::cost() const
{
    return kEntryOverhead + body.size() + contentType.size() + 2 * (scope.size() + servedModel.size());
}

size_t ResponseCache::KeyHash::operator()(const QByteArray &key) const noexcept
{
    size_t h = 0;
    if (key.size() >= 16)
        std::memcpy(&h, key.constData() + 8, sizeof h);
    else
        h = qHash(key);
    return h;
}

ResponseCache::ResponseCache(int shards)
{
    for (int i = 0; i < qMax(1, shards); ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

ResponseCache::~ResponseCache() = default;

ResponseCache::Shard &ResponseCache::shardFor(const QByteArray &key)
{
    const auto first = key.isEmpty() ? 0u : uint(uchar(key.front()));
    return *m_shards[first % m_shards.size()];
}

qint64 ResponseCache::shardEntryLimit() const
{
    return qMax<qint64>(1, m_maxEntries.load(std::memory_order_relaxed) / qint64(m_shards.size()));
}

qint64 ResponseCache::shardByteLimit() const
{
    return m_maxBytes.load(std::memory_order_relaxed) / qint64(m_shards.size());
}

qint64 ResponseCache::maxEntryBytes() const
{
    return qMax<qint64>(0, qMin(m_maxEntryBytes.load(std::memory_order_relaxed), shardByteLimit() - kEntryOverhead));
}

void ResponseCache::setLimits(qint64 maxEntries, qint64 maxBytes, qint64 maxEntryBytes)
{
    m_maxEntries.store(qMax<qint64>(1, maxEntries), std::memory_order_relaxed);
    m_maxBytes.store(qMax<qint64>(0, maxBytes), std::memory_order_relaxed);
    m_maxEntryBytes.store(qMax<qint64>(0, maxEntryBytes), std::memory_order_relaxed);
    for (const auto &shard : m_shards) {
        QMutexLocker lock(&shard->mutex);
        trim(*shard);
    }
}

void ResponseCache::erase(Shard &shard, std::list<Node>::iterator it)
{
    shard.bytes -= it->cost;
    m_bytes.fetch_sub(it->cost, std::memory_order_relaxed);
    m_entries.fetch_sub(1, std::memory_order_relaxed);
    shard.index.erase(it->key);
    shard.lru.erase(it);
}

void ResponseCache::trim(Shard &shard)
{
    const qint64 maxEntries = shardEntryLimit();
    const qint64 maxBytes = shardByteLimit();
    while (!shard.lru.empty() && (qint64(shard.lru.size()) > maxEntries || shard.bytes > maxBytes)) {
        erase(shard, std::prev(shard.lru.end()));
        m_evictions.fetch_add(1, std::memory_order_relaxed);
    }
}

CachedAnswerPtr ResponseCache::find(const QByteArray &key, qint64 nowMs, qint64 ttlMs)
{
    Shard &shard = shardFor(key);
    QMutexLocker lock(&shard.mutex);
    const auto found = shard.index.find(key);
    if (found == shard.index.end()) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    const auto it = found->second;
    if (nowMs - it->answer->storedAtMs >= ttlMs) {
        erase(shard, it);
        m_expirations.fetch_add(1, std::memory_order_relaxed);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    shard.lru.splice(shard.lru.begin(), shard.lru, it);
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return it->answer;
}

void ResponseCache::noteBypass()
{
    m_bypasses.fetch_add(1, std::memory_order_relaxed);
}

bool ResponseCache::put(const QByteArray &key, CachedAnswerPtr answer, bool replace)
{
    if (!answer)
        return false;
    const qint64 cost = answer->cost();
    if (answer->body.size() > maxEntryBytes() || cost > shardByteLimit()) {
        m_oversize.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    Shard &shard = shardFor(key);
    QMutexLocker lock(&shard.mutex);
    if (const auto found = shard.index.find(key); found != shard.index.end()) {
        if (!replace)
            return false;
        erase(shard, found->second);
    }
    shard.lru.push_front(Node{key, std::move(answer), cost});
    shard.index.emplace(key, shard.lru.begin());
    shard.bytes += cost;
    m_bytes.fetch_add(cost, std::memory_order_relaxed);
    m_entries.fetch_add(1, std::memory_order_relaxed);
    trim(shard);
    return true;
}

bool ResponseCache::insert(const QByteArray &key, CachedAnswerPtr answer)
{
    const CachedAnswerPtr kept = answer;
    if (!put(key, std::move(answer), true))
        return false;
    m_stores.fetch_add(1, std::memory_order_relaxed);
    if (const std::shared_ptr<ResponseCacheTier> tier = m_tier.load(std::memory_order_acquire))
        tier->stored(key, kept);
    return true;
}

bool ResponseCache::restore(const QByteArray &key, CachedAnswerPtr answer)
{
    return put(key, std::move(answer), false);
}

qint64 ResponseCache::clear(const QString &scope)
{
    qint64 removed = 0;
    for (const auto &shard : m_shards) {
        QMutexLocker lock(&shard->mutex);
        for (auto it = shard->lru.begin(); it != shard->lru.end();) {
            const auto next = std::next(it);
            if (scope.isEmpty() || it->answer->scope == scope) {
                erase(*shard, it);
                ++removed;
            }
            it = next;
        }
    }
    if (const std::shared_ptr<ResponseCacheTier> tier = m_tier.load(std::memory_order_acquire))
        tier->cleared(scope);
    return removed;
}

ResponseCacheStats ResponseCache::stats() const
{
    ResponseCacheStats s;
    s.hits = m_hits.load(std::memory_order_relaxed);
    s.misses = m_misses.load(std::memory_order_relaxed);
    s.bypasses = m_bypasses.load(std::memory_order_relaxed);
    s.stores = m_stores.load(std::memory_order_relaxed);
    s.evictions = m_evictions.load(std::memory_order_relaxed);
    s.expirations = m_expirations.load(std::memory_order_relaxed);
    s.oversize = m_oversize.load(std::memory_order_relaxed);
    s.entries = m_entries.load(std::memory_order_relaxed);
    s.bytes = m_bytes.load(std::memory_order_relaxed);
    s.maxEntries = m_maxEntries.load(std::memory_order_relaxed);
    s.maxBytes = m_maxBytes.load(std::memory_order_relaxed);
    return s;
}

QList<ResponseCache::ScopeUsage> ResponseCache::scopes() const
{
    QList<ScopeUsage> out;
    for (const auto &shard : m_shards) {
        QMutexLocker lock(&shard->mutex);
        for (const Node &node : shard->lru) {
            auto it = std::find_if(out.begin(), out.end(),
                                   [&node](const ScopeUsage &u) { return u.scope == node.answer->scope; });
            if (it == out.end())
                it = out.insert(out.end(), ScopeUsage{node.answer->scope, 0, 0});
            ++it->entries;
            it->bytes += node.cost;
        }
    }
    std::sort(out.begin(), out.end(), [](const ScopeUsage &a, const ScopeUsage &b) { return a.scope < b.scope; });
    return out;
}

void ResponseCache::setTier(std::shared_ptr<ResponseCacheTier> tier)
{
    m_tier.store(std::move(tier), std::memory_order_release);
}

} // namespace llmproxy
