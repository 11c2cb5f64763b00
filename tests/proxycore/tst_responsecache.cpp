// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the in-memory response cache (cache/responsecache.h): hits and misses, TTL, least
// recently used eviction by entries and by bytes, oversize answers, clearing one scope or all,
// limits lowered at run time, the tier behind it, counters, and concurrent use from many threads.
#include "proxycore/cache/responsecache.h"
#include "proxycore/util/sha256.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

QByteArray key(int n)
{
    return sha256(QByteArray::number(n));
}

CachedAnswerPtr answer(const QString &scope, qint64 storedAtMs = 0, qsizetype bodyBytes = 10)
{
    auto a = std::make_shared<CachedAnswer>();
    a->scope = scope;
    a->body = QByteArray(bodyBytes, 'x');
    a->contentType = QByteArrayLiteral("application/json");
    a->storedAtMs = storedAtMs;
    return a;
}

/// A tier that writes down what it is told.
class RecordingTier : public ResponseCacheTier
{
public:
    void stored(const QByteArray &k, const CachedAnswerPtr &) override { storedKeys.append(k); }
    void cleared(const QString &scope) override { clearedScopes.append(scope); }
    QList<QByteArray> storedKeys;
    QStringList clearedScopes;
};

} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT

private slots:
    void hitAndMiss();
    void expiresAfterTtl();
    void evictsLeastRecentlyUsedEntry();
    void evictsByBytes();
    void refusesOversizeAnswers();
    void replacesAnEntry();
    void clearsOneScopeOrAll();
    void lowerLimitsEvictAtOnce();
    void tierSeesStoresAndClears();
    void concurrentUse();
};

void TestResponseCache::hitAndMiss()
{
    ResponseCache cache(1);
    QVERIFY(!cache.find(key(1), 0, 1000));
    QVERIFY(cache.insert(key(1), answer(u"key:a"_s)));
    const CachedAnswerPtr found = cache.find(key(1), 10, 1000);
    QVERIFY(found);
    QCOMPARE(found->scope, u"key:a"_s);
    cache.noteBypass();
    const ResponseCacheStats s = cache.stats();
    QCOMPARE(s.hits, 1u);
    QCOMPARE(s.misses, 1u);
    QCOMPARE(s.bypasses, 1u);
    QCOMPARE(s.stores, 1u);
    QCOMPARE(s.entries, 1);
    QCOMPARE(s.bytes, found->cost());
}

void TestResponseCache::expiresAfterTtl()
{
    ResponseCache cache(1);
    cache.insert(key(1), answer(u"anonymous"_s, 1000));
    QVERIFY(cache.find(key(1), 1000 + 59'999, 60'000));  // just inside
    QVERIFY(!cache.find(key(1), 1000 + 60'000, 60'000)); // expired: removed
    QCOMPARE(cache.stats().expirations, 1u);
    QCOMPARE(cache.stats().entries, 0);
    QVERIFY(!cache.find(key(1), 0, 60'000)); // gone, whatever the clock says
}

void TestResponseCache::evictsLeastRecentlyUsedEntry()
{
    ResponseCache cache(1);
    cache.setLimits(2, 1 << 20, 1 << 20);
    cache.insert(key(1), answer(u"s"_s));
    cache.insert(key(2), answer(u"s"_s));
    QVERIFY(cache.find(key(1), 0, 1000)); // 1 is now more recent than 2
    cache.insert(key(3), answer(u"s"_s));
    QVERIFY(cache.find(key(1), 0, 1000));
    QVERIFY(!cache.find(key(2), 0, 1000));
    QVERIFY(cache.find(key(3), 0, 1000));
    QCOMPARE(cache.stats().evictions, 1u);
    QCOMPARE(cache.stats().entries, 2);
}

void TestResponseCache::evictsByBytes()
{
    ResponseCache cache(1);
    const qint64 one = answer(u"s"_s, 0, 1000)->cost();
    cache.setLimits(100, 2 * one + one / 2, 1 << 20);
    cache.insert(key(1), answer(u"s"_s, 0, 1000));
    cache.insert(key(2), answer(u"s"_s, 0, 1000));
    cache.insert(key(3), answer(u"s"_s, 0, 1000));
    QCOMPARE(cache.stats().entries, 2);
    QVERIFY(cache.stats().bytes <= 2 * one + one / 2);
    QVERIFY(!cache.find(key(1), 0, 1000));
    QCOMPARE(cache.stats().evictions, 1u);
}

void TestResponseCache::refusesOversizeAnswers()
{
    ResponseCache cache(1);
    cache.setLimits(100, 1 << 20, 2000);
    QVERIFY(!cache.insert(key(1), answer(u"s"_s, 0, 5000)));
    QCOMPARE(cache.stats().oversize, 1u);
    QCOMPARE(cache.stats().stores, 0u);
    QCOMPARE(cache.stats().entries, 0);
    // Sharded, an entry may also not exceed its shard's share of max_bytes.
    ResponseCache sharded(4);
    sharded.setLimits(100, 4000, 1 << 20);
    QVERIFY(sharded.maxEntryBytes() < 1000);
    QVERIFY(!sharded.insert(key(1), answer(u"s"_s, 0, 1000)));
    QVERIFY(sharded.insert(key(1), answer(u"s"_s, 0, 500)));
}

void TestResponseCache::replacesAnEntry()
{
    ResponseCache cache(1);
    cache.insert(key(1), answer(u"s"_s, 0, 10));
    cache.insert(key(1), answer(u"s"_s, 5, 20));
    QCOMPARE(cache.stats().entries, 1);
    QCOMPARE(cache.find(key(1), 5, 1000)->body.size(), 20);
    QCOMPARE(cache.stats().bytes, answer(u"s"_s, 0, 20)->cost());
}

void TestResponseCache::clearsOneScopeOrAll()
{
    ResponseCache cache(4);
    for (int i = 0; i < 10; ++i)
        cache.insert(key(i), answer(i % 2 ? u"key:alice"_s : u"key:bob"_s));
    const QList<ResponseCache::ScopeUsage> scopes = cache.scopes();
    QCOMPARE(scopes.size(), 2);
    QCOMPARE(scopes[0].scope, u"key:alice"_s);
    QCOMPARE(scopes[0].entries, 5);
    QCOMPARE(cache.clear(u"key:alice"_s), 5);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(bool(cache.find(key(i), 0, 1000)), i % 2 == 0);
    QCOMPARE(cache.clear(), 5);
    QCOMPARE(cache.stats().entries, 0);
    QCOMPARE(cache.stats().bytes, 0);
}

void TestResponseCache::lowerLimitsEvictAtOnce()
{
    ResponseCache cache(1);
    for (int i = 0; i < 5; ++i)
        cache.insert(key(i), answer(u"s"_s));
    cache.setLimits(2, 1 << 20, 1 << 20);
    QCOMPARE(cache.stats().entries, 2);
    QVERIFY(cache.find(key(4), 0, 1000)); // the newest stay
    QVERIFY(cache.find(key(3), 0, 1000));
}

void TestResponseCache::tierSeesStoresAndClears()
{
    ResponseCache cache(1);
    auto tier = std::make_shared<RecordingTier>();
    cache.setTier(tier);
    cache.insert(key(1), answer(u"key:a"_s));
    QVERIFY(cache.restore(key(2), answer(u"key:a"_s))); // back from the tier: not told again
    // An entry stored before the tier's copy came back is newer: it is kept.
    QVERIFY(!cache.restore(key(1), answer(u"key:b"_s)));
    QCOMPARE(cache.find(key(1), 0, 1000)->scope, u"key:a"_s);
    cache.clear(u"key:a"_s);
    cache.clear();
    QCOMPARE(tier->storedKeys, QList<QByteArray>{key(1)});
    QCOMPARE(tier->clearedScopes, (QStringList{u"key:a"_s, QString()}));
    QCOMPARE(cache.stats().stores, 1u);
}

void TestResponseCache::concurrentUse()
{
    // Many threads storing, finding and clearing at once: the counts add up and nothing breaks.
    ResponseCache cache(16);
    cache.setLimits(64, 1 << 20, 1 << 20);
    constexpr int kThreads = 8;
    constexpr int kRounds = 2000;
    std::atomic<int> found{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&cache, &found, t] {
            for (int i = 0; i < kRounds; ++i) {
                const QByteArray k = key((t * kRounds + i) % 200);
                if (cache.find(k, 0, 1'000'000))
                    found.fetch_add(1);
                else
                    cache.insert(k, answer(u"s"_s));
                if (i % 500 == 0)
                    cache.clear(u"other"_s);
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    const ResponseCacheStats s = cache.stats();
    QCOMPARE(s.hits + s.misses, quint64(kThreads * kRounds));
    QCOMPARE(s.hits, quint64(found.load()));
    QVERIFY(s.entries <= 64);
    QVERIFY(s.evictions > 0);
    qint64 listed = 0;
    for (const ResponseCache::ScopeUsage &u : cache.scopes())
        listed += u.entries;
    QCOMPARE(listed, s.entries);
}

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
