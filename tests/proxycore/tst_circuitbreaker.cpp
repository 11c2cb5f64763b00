// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The per-endpoint circuit breaker: opening after consecutive failures, the single half-open probe
// (also under contention from many threads), reopening, abandoning a probe, closing on a success
// from any state. Time is injected.
#include "proxycore/routing/circuitbreaker.h"
#include "tests/support/concurrency.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace llmproxy;
using llmproxy::test::runConcurrently;
using State = CircuitBreaker::State;

namespace {

/// A breaker opened at `openedAt` by `threshold` failures, recovering after `recoveryMs`.
void openBreaker(CircuitBreaker &b, int threshold, qint64 recoveryMs, qint64 openedAt)
{
    b.configure({threshold, recoveryMs});
    for (int i = 0; i < threshold; ++i)
        b.recordFailure(openedAt);
}

} // namespace

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private slots:
    void startsClosed()
    {
        CircuitBreaker b;
        QCOMPARE(b.state(0), State::Closed);
        QCOMPARE(b.settings().failureThreshold, 5);
        QCOMPARE(b.settings().recoveryMs, 60'000);
        QVERIFY(b.isAvailable(0));
        QVERIFY(b.tryAcquire(0));
        QVERIFY(b.tryAcquire(0)); // closed: every call goes
        QCOMPARE(b.consecutiveFailures(), 0);
    }

    void opensAfterThreshold_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("5 (default)") << 5;
    }

    void opensAfterThreshold()
    {
        QFETCH(int, threshold);
        CircuitBreaker b;
        b.configure({threshold, 60'000});
        for (int i = 1; i < threshold; ++i) {
            b.recordFailure(100 * i);
            QCOMPARE(b.state(100 * i), State::Closed);
            QCOMPARE(b.consecutiveFailures(), i);
            QVERIFY(b.tryAcquire(100 * i));
        }
        b.recordFailure(5'000);
        QCOMPARE(b.state(5'000), State::Open);
        QCOMPARE(b.consecutiveFailures(), threshold);
        QCOMPARE(b.openedAtMs(), 5'000);
        QCOMPARE(b.trips(), quint64(1));
        // A late failure while open is no new trip; a failed probe is.
        b.recordFailure(5'001);
        QCOMPARE(b.trips(), quint64(1));
        QVERIFY(b.tryAcquire(5'000 + 60'000));
        b.recordFailure(5'000 + 60'000);
        QCOMPARE(b.state(5'000 + 60'000), State::Open);
        QCOMPARE(b.trips(), quint64(2));
        QVERIFY(!b.isAvailable(5'000));
        QVERIFY(!b.tryAcquire(5'000));
        QCOMPARE(b.state(5'000), State::Open);
    }

    void successResetsTheStreak()
    {
        CircuitBreaker b;
        for (int i = 0; i < 4; ++i)
            b.recordFailure(10);
        b.recordSuccess();
        QCOMPARE(b.consecutiveFailures(), 0);
        for (int i = 0; i < 4; ++i)
            b.recordFailure(20);
        QCOMPARE(b.state(20), State::Closed); // 4 + 4 failures, but never 5 in a row
        QCOMPARE(b.consecutiveFailures(), 4);
        b.recordFailure(30);
        QCOMPARE(b.state(30), State::Open);
        QCOMPARE(b.openedAtMs(), 30);
    }

    void exactlyOneProbeAfterRecovery()
    {
        CircuitBreaker b;
        openBreaker(b, 5, 60'000, 1'000);
        QVERIFY(!b.isAvailable(60'999));
        QVERIFY(!b.tryAcquire(60'999));
        QCOMPARE(b.state(60'999), State::Open);

        // Asking does not use up the probe, however often it is asked.
        QVERIFY(b.isAvailable(61'000));
        QVERIFY(b.isAvailable(61'000));
        QCOMPARE(b.state(61'000), State::Open); // open until the probe is really sent

        QVERIFY(b.tryAcquire(61'000));
        QCOMPARE(b.state(61'000), State::HalfOpen);
        QVERIFY(!b.tryAcquire(61'000));
        QVERIFY(!b.tryAcquire(500'000));
        QVERIFY(!b.isAvailable(500'000));
    }

    void probeSuccessCloses()
    {
        CircuitBreaker b;
        openBreaker(b, 3, 1'000, 0);
        QVERIFY(b.tryAcquire(1'000));
        b.recordSuccess();
        QCOMPARE(b.state(1'000), State::Closed);
        QCOMPARE(b.consecutiveFailures(), 0);
        QVERIFY(b.tryAcquire(1'000));
        QVERIFY(b.tryAcquire(1'000));
        b.recordFailure(2'000);
        b.recordFailure(2'000);
        QCOMPARE(b.state(2'000), State::Closed); // a fresh streak is needed to open again
    }

    void probeFailureReopens()
    {
        CircuitBreaker b;
        openBreaker(b, 5, 60'000, 1'000);
        QVERIFY(b.tryAcquire(61'500));
        b.recordFailure(70'000);
        QCOMPARE(b.state(70'000), State::Open);
        QCOMPARE(b.openedAtMs(), 70'000);
        QCOMPARE(b.consecutiveFailures(), 6);
        QVERIFY(!b.isAvailable(129'999));
        QVERIFY(!b.tryAcquire(129'999));
        QVERIFY(b.isAvailable(130'000));
        QVERIFY(b.tryAcquire(130'000));
        QCOMPARE(b.state(130'000), State::HalfOpen);
    }

    void abandonedProbeCanBeRetriedAtOnce()
    {
        CircuitBreaker b;
        openBreaker(b, 5, 60'000, 1'000);
        QVERIFY(b.tryAcquire(61'000));
        b.abandon();
        QCOMPARE(b.state(61'000), State::Open);
        QCOMPARE(b.openedAtMs(), 1'000);
        QVERIFY(b.isAvailable(61'000));
        QVERIFY(b.tryAcquire(61'000));
        QCOMPARE(b.state(61'000), State::HalfOpen);
        QVERIFY(!b.tryAcquire(61'000));
    }

    void abandonOutsideHalfOpenChangesNothing()
    {
        CircuitBreaker b;
        QVERIFY(b.tryAcquire(0));
        b.abandon();
        QCOMPARE(b.state(0), State::Closed);
        QVERIFY(b.isAvailable(0));

        openBreaker(b, 5, 60'000, 1'000);
        b.abandon();
        QCOMPARE(b.state(2'000), State::Open);
        QVERIFY(!b.isAvailable(2'000)); // abandon does not shorten an open period
        QCOMPARE(b.openedAtMs(), 1'000);
    }

    void lateResultsWhileOpen()
    {
        CircuitBreaker b;
        openBreaker(b, 5, 60'000, 1'000);
        // A failure of a call sent before the breaker opened does not extend the open period.
        b.recordFailure(30'000);
        QCOMPARE(b.openedAtMs(), 1'000);
        QCOMPARE(b.consecutiveFailures(), 6);
        QVERIFY(b.isAvailable(61'000));
        // A success of such a call shows the endpoint works: closed.
        b.recordSuccess();
        QCOMPARE(b.state(30'000), State::Closed);
        QCOMPARE(b.consecutiveFailures(), 0);
    }

    void successClosesFromEveryState()
    {
        CircuitBreaker b;
        openBreaker(b, 2, 60'000, 1'000);
        b.recordSuccess();
        QCOMPARE(b.state(1'000), State::Closed);
        QCOMPARE(b.consecutiveFailures(), 0);
        QVERIFY(b.tryAcquire(1'000));

        openBreaker(b, 2, 60'000, 5'000);
        QVERIFY(b.tryAcquire(65'000));
        QCOMPARE(b.state(65'000), State::HalfOpen);
        b.recordSuccess();
        QCOMPARE(b.state(65'000), State::Closed);
        QVERIFY(b.tryAcquire(65'000));

        b.recordFailure(66'000);
        b.recordSuccess();
        QCOMPARE(b.consecutiveFailures(), 0); // closed, and the streak is gone too
    }

    void configureClampsAndKeepsState()
    {
        CircuitBreaker b;
        openBreaker(b, 2, 10'000, 1'000);
        b.configure({0, -5});
        QCOMPARE(b.settings().failureThreshold, 1);
        QCOMPARE(b.settings().recoveryMs, 0);
        QCOMPARE(b.state(1'000), State::Open); // a reload does not close an open breaker
        QVERIFY(b.isAvailable(1'000));         // but the new recovery time applies at once

        b.configure({3, 10'000});
        QVERIFY(!b.isAvailable(10'999));
        QVERIFY(b.isAvailable(11'000));
    }

    void onlyOneProbeForManyThreads()
    {
        CircuitBreaker b;
        openBreaker(b, 5, 60'000, 1'000);
        std::atomic<int> granted{0};
        runConcurrently(8, [&](int) {
            for (int i = 0; i < 10'000; ++i) {
                if (b.tryAcquire(61'000 + i))
                    granted.fetch_add(1);
            }
        });
        QCOMPARE(granted.load(), 1);
        QCOMPARE(b.state(100'000), State::HalfOpen);
    }

    void onlyOneProbeUnderContention()
    {
        // The breaker is opened and left to recover 2 000 times; each time 8 threads, released
        // together by a spinning barrier, race to acquire it. Exactly one call per round gets through.
        constexpr int threads = 8;
        constexpr int rounds = 2'000;
        CircuitBreaker b;
        b.configure({1, 10});
        std::atomic<int> granted{0};
        std::atomic<int> arrived{0};
        std::atomic<int> released{0};
        QList<int> grantedPerRound;
        runConcurrently(threads, [&](int) {
            for (int r = 1; r <= rounds; ++r) {
                // The last thread to arrive opens the breaker for this round and releases the others.
                if (arrived.fetch_add(1) == r * threads - 1) {
                    if (r > 1)
                        grantedPerRound.append(granted.exchange(0));
                    b.recordSuccess();
                    b.recordFailure(r * 100);
                    released.store(r);
                }
                while (released.load() != r)
                    std::this_thread::yield();
                for (int i = 0; i < 10; ++i) {
                    if (b.tryAcquire(r * 100 + 10 + i))
                        granted.fetch_add(1);
                }
            }
        });
        grantedPerRound.append(granted.load());
        QCOMPARE(grantedPerRound, QList<int>(rounds, 1));
    }

    void probesNeverOverlapAcrossCycles()
    {
        // Every call advances the clock, and a failed probe reopens the breaker, so threads race
        // through thousands of open → half-open → open cycles. At no moment may two probes be out,
        // and a probe may only go once the current open period has lasted recoveryMs.
        constexpr qint64 recoveryMs = 4;
        CircuitBreaker b;
        openBreaker(b, 1, recoveryMs, 0);
        std::atomic<qint64> clock{0};
        std::atomic<int> outstanding{0};
        std::atomic<int> overlaps{0};
        std::atomic<int> early{0};
        std::atomic<int> probes{0};
        runConcurrently(8, [&](int thread) {
            for (int i = 0; i < 100'000; ++i) {
                const qint64 now = clock.fetch_add(1);
                if (!b.tryAcquire(now))
                    continue;
                if (outstanding.fetch_add(1) != 0)
                    overlaps.fetch_add(1);
                if (now - b.openedAtMs() < recoveryMs)
                    early.fetch_add(1);
                probes.fetch_add(1);
                outstanding.fetch_sub(1);
                if ((i + thread) % 3)
                    b.recordFailure(clock.load());
                else
                    b.abandon();
            }
        });
        QCOMPARE(overlaps.load(), 0);
        QCOMPARE(early.load(), 0);
        QVERIFY2(probes.load() > 1'000, qPrintable(QString::number(probes.load())));
        QVERIFY(b.state(clock.load()) != State::Closed);
    }

    void failureCountUnderContention()
    {
        CircuitBreaker b;
        b.configure({1'000'000, 60'000});
        runConcurrently(8, [&](int) {
            for (int i = 0; i < 10'000; ++i)
                b.recordFailure(i);
        });
        QCOMPARE(b.consecutiveFailures(), 80'000);
        QCOMPARE(b.state(0), State::Closed);

        // All threads failing past the threshold: open exactly once, still closed before.
        CircuitBreaker c;
        c.configure({50'000, 60'000});
        runConcurrently(8, [&](int) {
            for (int i = 0; i < 10'000; ++i)
                c.recordFailure(1'000);
        });
        QCOMPARE(c.state(1'000), State::Open);
        QCOMPARE(c.openedAtMs(), 1'000);
        QCOMPARE(c.consecutiveFailures(), 80'000);
        QCOMPARE(c.trips(), quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
