// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Ranking of the endpoints that serve a model (priority, smooth weighted round-robin, least
// latency, least busy, cost-aware), strategy names, the live statistics the ranking reads
// (moving averages, counters under contention) and the registry that keeps them across reloads.
#include "proxycore/routing/endpointstats.h"
#include "proxycore/routing/strategy.h"
#include "tests/support/concurrency.h"

#include <QSet>
#include <QTest>

#include <atomic>
#include <limits>

using namespace llmproxy;
using llmproxy::test::runConcurrently;

Q_DECLARE_METATYPE(std::optional<llmproxy::Strategy>)

namespace {

Candidate candidate(int priority, int weight = 1, const ModelStats *stats = nullptr, double costPerMtok = 0.0)
{
    return {priority, weight, costPerMtok, stats};
}

/// The leading candidate of `turns` consecutive weighted rankings.
QList<int> leaders(const QList<Candidate> &candidates, std::atomic<quint64> &turn, int turns)
{
    QList<int> out;
    for (int i = 0; i < turns; ++i)
        out.append(rankCandidates(Strategy::Weighted, candidates, 0.0, turn).constFirst());
    return out;
}

} // namespace

class TestRoutingStrategy : public QObject
{
    Q_OBJECT
private slots:
    void strategyNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<std::optional<Strategy>>("expected");
        QTest::newRow("priority") << QStringLiteral("priority") << std::optional(Strategy::Priority);
        QTest::newRow("weighted") << QStringLiteral("weighted") << std::optional(Strategy::Weighted);
        QTest::newRow("round_robin") << QStringLiteral("round_robin") << std::optional(Strategy::Weighted);
        QTest::newRow("Round-Robin") << QStringLiteral("Round-Robin") << std::optional(Strategy::Weighted);
        QTest::newRow("least_latency") << QStringLiteral("least_latency") << std::optional(Strategy::LeastLatency);
        QTest::newRow("LEAST-LATENCY") << QStringLiteral("LEAST-LATENCY") << std::optional(Strategy::LeastLatency);
        QTest::newRow("latency") << QStringLiteral("latency") << std::optional(Strategy::LeastLatency);
        QTest::newRow("fastest") << QStringLiteral("Fastest") << std::optional(Strategy::LeastLatency);
        QTest::newRow("least_busy") << QStringLiteral("least_busy") << std::optional(Strategy::LeastBusy);
        QTest::newRow("least-busy") << QStringLiteral("least-busy") << std::optional(Strategy::LeastBusy);
        QTest::newRow("cost") << QStringLiteral("cost") << std::optional(Strategy::CostAware);
        QTest::newRow("cost-aware") << QStringLiteral("cost-aware") << std::optional(Strategy::CostAware);
        QTest::newRow("smart") << QStringLiteral("SMART") << std::optional(Strategy::CostAware);
        QTest::newRow("surrounding blanks") << QStringLiteral(" weighted ") << std::optional(Strategy::Weighted);
        QTest::newRow("empty") << QString() << std::optional<Strategy>();
        QTest::newRow("random") << QStringLiteral("random") << std::optional<Strategy>();
        QTest::newRow("leastlatency") << QStringLiteral("leastlatency") << std::optional<Strategy>();
        QTest::newRow("cost aware") << QStringLiteral("cost aware") << std::optional<Strategy>();
    }

    void strategyNames()
    {
        QFETCH(QString, name);
        QFETCH(std::optional<Strategy>, expected);
        QCOMPARE(strategyFromName(name), expected);
    }

    void canonicalNamesRoundTrip()
    {
        const QStringList names{QStringLiteral("priority"), QStringLiteral("weighted"), QStringLiteral("least_latency"),
                                QStringLiteral("least_busy"), QStringLiteral("cost")};
        for (const QString &name : names)
            QCOMPARE(strategyName(*strategyFromName(name)), name);
    }

    void emptyCandidates()
    {
        std::atomic<quint64> turn{7};
        for (Strategy s :
             {Strategy::Priority, Strategy::Weighted, Strategy::LeastLatency, Strategy::LeastBusy, Strategy::CostAware})
            QVERIFY(rankCandidates(s, {}, 0.3, turn).isEmpty());
        QCOMPARE(turn.load(), quint64(7));
    }

    void priorityOrder()
    {
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(3), candidate(1), candidate(2), candidate(1), candidate(-4)};
        QCOMPARE(rankCandidates(Strategy::Priority, c, 0.3, turn), (QList<int>{4, 1, 3, 2, 0}));
        QCOMPARE(turn.load(), quint64(0)); // only the weighted strategy takes turns
    }

    void weightedInterleavesSmoothly()
    {
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(5, 3), candidate(1, 1), candidate(2, 2)};
        // Occurrences at 1/6, 3/6, 5/6 (first), 1/2 (second), 1/4, 3/4 (third); ties by index.
        const QList<int> cycle{0, 2, 0, 1, 2, 0};
        QCOMPARE(leaders(c, turn, 6), cycle);
        QCOMPARE(turn.load(), quint64(6));
        QCOMPARE(leaders(c, turn, 6), cycle); // the next cycle is the same

        // After the leader, the others follow by their own round-robin (weights, not priorities).
        turn = 1;
        QCOMPARE(rankCandidates(Strategy::Weighted, c, 0.3, turn), (QList<int>{2, 0, 1}));
        turn = 3;
        QCOMPARE(rankCandidates(Strategy::Weighted, c, 0.3, turn), (QList<int>{1, 0, 2}));
        turn = 0;
        QCOMPARE(rankCandidates(Strategy::Weighted, c, 0.3, turn), (QList<int>{0, 2, 1}));
    }

    void failingLeadersShareIsSpreadByWeight()
    {
        // When the leader fails, the request goes to the second in the ranking. Those seconds,
        // over all the turns a given candidate leads, follow the others' weights exactly.
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0, 2), candidate(9, 1), candidate(5, 3), candidate(1, 4)};
        QList<QList<int>> seconds(4, QList<int>(4, 0));
        QList<int> thirdsAfter0Then3(4, 0);
        const int cycles = 2 * 3 * 4 * 5 * 7;
        for (int i = 0; i < 10 * cycles; ++i) {
            const QList<int> order = rankCandidates(Strategy::Weighted, c, 0.0, turn);
            QCOMPARE(order.size(), 4);
            QCOMPARE(QSet<int>(order.cbegin(), order.cend()).size(), 4);
            ++seconds[order[0]][order[1]];
            if (order[0] == 0 && order[1] == 3)
                ++thirdsAfter0Then3[order[2]];
        }
        // Candidate 0 leads 2/10 of 8400 turns = 1680; its share goes 1:3:4 to candidates 1, 2, 3.
        QCOMPARE(seconds[0], (QList<int>{0, 210, 630, 840}));
        // Candidate 3 leads 3360 turns; its share goes 2:1:3 to candidates 0, 1, 2.
        QCOMPARE(seconds[3], (QList<int>{1120, 560, 1680, 0}));
        // Two down, the last two split by weight (1:3) again.
        QCOMPARE(thirdsAfter0Then3, (QList<int>{0, 210, 630, 0}));
    }

    void equalWeightsAreRoundRobin()
    {
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0), candidate(0), candidate(0)};
        QCOMPARE(leaders(c, turn, 7), (QList<int>{0, 1, 2, 0, 1, 2, 0}));
    }

    void nonPositiveWeightsCountAsOne()
    {
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0, 0), candidate(0, -3), candidate(0, 2)};
        QCOMPARE(leaders(c, turn, 8), (QList<int>{2, 0, 1, 2, 2, 0, 1, 2}));
    }

    void weightedSharesOverACycle()
    {
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0, 500), candidate(0, 1), candidate(0, 37), candidate(0, 12)};
        QList<int> counts(4, 0);
        int longestRunOfFirst = 0;
        int run = 0;
        for (int leader : leaders(c, turn, 550)) {
            ++counts[leader];
            run = leader == 0 ? run + 1 : 0;
            longestRunOfFirst = qMax(longestRunOfFirst, run);
        }
        QCOMPARE(counts, (QList<int>{500, 1, 37, 12}));
        QCOMPARE(longestRunOfFirst, 14); // spread out, not 500 in a row
    }

    void largeWeights()
    {
        std::atomic<quint64> turn{499'999};
        const QList<Candidate> c{candidate(0, 1'000'000), candidate(0, 1)};
        // The light candidate's single occurrence (1/2) follows 500 000 of the heavy one's.
        QCOMPARE(leaders(c, turn, 3), (QList<int>{0, 1, 0}));

        const int max = std::numeric_limits<int>::max();
        const QList<Candidate> huge{candidate(0, max), candidate(0, max)};
        turn = 2 * quint64(max) - 2; // the last two turns of the cycle, then it starts over
        QCOMPARE(leaders(huge, turn, 4), (QList<int>{0, 1, 0, 1}));

        turn = std::numeric_limits<quint64>::max(); // the counter wraps without a hiccup
        QCOMPARE(leaders(c, turn, 2), (QList<int>{0, 0}));
    }

    void leastLatency()
    {
        ModelStats slow, fast, fresh, failing;
        slow.recordSuccess(200, 0.2);
        fast.recordSuccess(50, 0.2);
        fast.recordSuccess(60, 0.2);
        failing.recordFailure(0.2);
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0, 1, &slow), candidate(0, 1, &failing), candidate(0, 1, nullptr),
                                 candidate(0, 1, &fast), candidate(0, 1, &fresh)};
        // Unmeasured first (input order), then by latency, endpoints that only ever failed last.
        QCOMPARE(rankCandidates(Strategy::LeastLatency, c, 0.3, turn), (QList<int>{2, 4, 3, 0, 1}));
    }

    void leastBusy()
    {
        ModelStats a, b, c;
        for (int i = 0; i < 3; ++i)
            a.begin();
        b.begin();
        c.begin();
        c.end();
        std::atomic<quint64> turn{0};
        const QList<Candidate> list{candidate(0, 1, &a), candidate(0, 1, nullptr), candidate(0, 1, &b),
                                    candidate(0, 1, &c)};
        QCOMPARE(rankCandidates(Strategy::LeastBusy, list, 0.3, turn), (QList<int>{1, 3, 2, 0}));
    }

    void costAware()
    {
        ModelStats slowCheap, fastFree, flaky;
        slowCheap.recordSuccess(100, 0.2); // score 1 / 100 × (1 / 1.00)^w = 0.01
        fastFree.recordSuccess(10, 0.2);   // 1 / 10 × (1 / 0.01)^w = 0.1 × 100^w
        flaky.recordSuccess(2, 0.5);
        flaky.recordFailure(0.5); // success 0.5: 0.25 / 2 × (1 / 0.51)^w
        std::atomic<quint64> turn{0};
        const QList<Candidate> c{candidate(0, 1, &slowCheap, 0.99), candidate(0, 1, nullptr, 9.99),
                                 candidate(0, 1, &fastFree, 0.0), candidate(0, 1, &flaky, 0.5)};
        // costWeight 1: 0.01, unmeasured 1 / 10 = 0.1, 10, 0.125 / 0.51 = 0.245
        QCOMPARE(rankCandidates(Strategy::CostAware, c, 1.0, turn), (QList<int>{2, 3, 1, 0}));
        // costWeight 0 ignores prices: 0.01, 1 (unmeasured), 0.1, 0.125
        QCOMPARE(rankCandidates(Strategy::CostAware, c, 0.0, turn), (QList<int>{1, 3, 2, 0}));
        // a negative weight is treated as 0 (prices ignored), not as a preference for expensive
        QCOMPARE(rankCandidates(Strategy::CostAware, c, -2.0, turn), (QList<int>{1, 3, 2, 0}));
    }

    void tiesKeepInputOrder_data()
    {
        QTest::addColumn<Strategy>("strategy");
        QTest::newRow("priority") << Strategy::Priority;
        QTest::newRow("least_latency") << Strategy::LeastLatency;
        QTest::newRow("least_busy") << Strategy::LeastBusy;
        QTest::newRow("cost") << Strategy::CostAware;
    }

    void tiesKeepInputOrder()
    {
        QFETCH(Strategy, strategy);
        ModelStats a, b, c;
        for (ModelStats *s : {&a, &b, &c})
            s->recordSuccess(40, 0.2);
        std::atomic<quint64> turn{0};
        const QList<Candidate> list{candidate(1, 1, &a, 2.0), candidate(1, 1, &b, 2.0), candidate(1, 1, &c, 2.0)};
        QCOMPARE(rankCandidates(strategy, list, 0.3, turn), (QList<int>{0, 1, 2}));
    }

    void movingAverages()
    {
        ModelStats s;
        QCOMPARE(s.latencyMs(), 0.0);
        QCOMPARE(s.successRate(), 1.0);
        QCOMPARE(s.requests(), quint64(0));
        QCOMPARE(s.failures(), quint64(0));

        s.recordSuccess(100, 0.25); // the first sample sets the value
        QCOMPARE(s.latencyMs(), 100.0);
        QCOMPARE(s.successRate(), 1.0);
        s.recordSuccess(200, 0.25);
        QCOMPARE(s.latencyMs(), 125.0);
        s.recordFailure(0.25);
        QCOMPARE(s.successRate(), 0.75);
        QCOMPARE(s.latencyMs(), 125.0); // failures carry no latency
        s.recordFailure(0.25);
        QCOMPARE(s.successRate(), 0.5625);
        QCOMPARE(s.requests(), quint64(4));
        QCOMPARE(s.failures(), quint64(2));
    }

    void firstFailureSetsSuccessRate()
    {
        ModelStats s;
        s.recordFailure(0.25);
        QCOMPARE(s.successRate(), 0.0);
        QCOMPARE(s.latencyMs(), 0.0);
        s.recordSuccess(80, 0.25); // the first latency sample sets the latency
        QCOMPARE(s.latencyMs(), 80.0);
        QCOMPARE(s.successRate(), 0.25);
        QCOMPARE(s.requests(), quint64(2));
        QCOMPARE(s.failures(), quint64(1));
    }

    void inFlight()
    {
        ModelStats s;
        s.begin();
        s.begin();
        QCOMPARE(s.inFlight(), 2);
        s.end();
        QCOMPARE(s.inFlight(), 1);
        s.end();
        QCOMPARE(s.inFlight(), 0);
    }

    void countersUnderContention()
    {
        ModelStats s;
        std::atomic<int> maxSeenInFlight{0};
        runConcurrently(8, [&](int) {
            for (int i = 0; i < 10'000; ++i) {
                s.begin();
                const int now = s.inFlight();
                int seen = maxSeenInFlight.load();
                while (now > seen && !maxSeenInFlight.compare_exchange_weak(seen, now))
                    ;
                if (i % 4 == 0)
                    s.recordFailure(0.2);
                else
                    s.recordSuccess(50, 0.2);
                s.end();
            }
        });
        QCOMPARE(s.requests(), quint64(80'000));
        QCOMPARE(s.failures(), quint64(20'000));
        QCOMPARE(s.inFlight(), 0);
        QVERIFY(maxSeenInFlight.load() >= 1 && maxSeenInFlight.load() <= 8);
        QVERIFY(qFuzzyCompare(s.latencyMs(), 50.0)); // every sample was 50 ms: no torn update
        QVERIFY(s.successRate() >= 0.0 && s.successRate() <= 1.0);
    }

    void registryKeepsObjects()
    {
        EndpointHealthRegistry r;
        const std::shared_ptr<EndpointHealth> a = r.health(QStringLiteral("a"));
        QCOMPARE(r.health(QStringLiteral("a")), a);
        const std::shared_ptr<EndpointHealth> ab = r.health(QStringLiteral("ab"));
        QVERIFY(ab != a);

        const std::shared_ptr<ModelStats> am = r.stats(QStringLiteral("a"), QStringLiteral("m"));
        QCOMPARE(r.stats(QStringLiteral("a"), QStringLiteral("m")), am);
        const std::shared_ptr<ModelStats> anyModel = r.stats(QStringLiteral("a"), QString());
        QVERIFY(anyModel != am);
        QVERIFY(r.stats(QStringLiteral("a"), QStringLiteral("n")) != am);
        const std::shared_ptr<ModelStats> abm = r.stats(QStringLiteral("ab"), QStringLiteral("m"));
        QVERIFY(abm != am);
        const std::shared_ptr<ModelStats> bm = r.stats(QStringLiteral("b"), QStringLiteral("m"));

        a->breaker.recordFailure(5);
        r.retainOnly({QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(r.health(QStringLiteral("a")), a);
        QCOMPARE(r.health(QStringLiteral("a"))->breaker.consecutiveFailures(), 1);
        QCOMPARE(r.stats(QStringLiteral("a"), QStringLiteral("m")), am);
        QCOMPARE(r.stats(QStringLiteral("a"), QString()), anyModel);
        QCOMPARE(r.stats(QStringLiteral("b"), QStringLiteral("m")), bm);
        // "ab" was dropped (and is not mistaken for "a"): asking again makes new objects.
        QVERIFY(r.health(QStringLiteral("ab")) != ab);
        QVERIFY(r.stats(QStringLiteral("ab"), QStringLiteral("m")) != abm);

        r.retainOnly({});
        QVERIFY(r.health(QStringLiteral("a")) != a);
        QVERIFY(r.stats(QStringLiteral("a"), QStringLiteral("m")) != am);
    }
};

QTEST_GUILESS_MAIN(TestRoutingStrategy)
#include "tst_routingstrategy.moc"
