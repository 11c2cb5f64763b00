// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QtGlobal>

#include <atomic>

namespace llmproxy {

struct BreakerSettings
{
    int failureThreshold = 5;   ///< consecutive failures that open the breaker
    qint64 recoveryMs = 60'000; ///< how long it stays open before one probe may go
};

/// Circuit breaker of one endpoint, shared by every worker thread and lock-free.
///
/// Closed: calls go. `failureThreshold` consecutive failures (network errors and timeouts count)
/// open it. Open: calls are refused until `recoveryMs` have passed since it opened; then exactly one
/// call — the probe — is let through (half-open). The probe's success closes the breaker; its
/// failure opens it again for another `recoveryMs`. Time is passed in (milliseconds on any
/// monotonic clock), so tests drive it without sleeping.
///
/// Selection asks isAvailable(), which has no side effects; only the attempt that is really sent
/// calls tryAcquire(), so ranking candidates never uses up the single half-open probe.
///
/// Every member may be called from any thread at any time; no call blocks. Under any interleaving
/// at most one probe is out per open period, and a probe is granted only after `recoveryMs` of the
/// open period that is current when it is granted.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    /// New settings (a threshold below 1 counts as 1, a negative recovery as 0), applied to the
    /// next decision; the state and the failure count are kept, so a configuration reload does not
    /// close an open breaker.
    void configure(const BreakerSettings &settings);
    BreakerSettings settings() const;

    /// True when a call could go now: closed, or open long enough for the probe (not yet taken).
    bool isAvailable(qint64 nowMs) const;
    /// Claims the right to send one call now: always when closed; the single probe when open long
    /// enough (the breaker becomes half-open); never while half-open or still open.
    bool tryAcquire(qint64 nowMs);
    /// The endpoint answered: closed, with no failures, whatever the state (also a late success of a
    /// call sent before the breaker opened, since it shows the endpoint works).
    void recordSuccess();
    /// A call failed. Closed: counts, and opens at the threshold (openedAt = nowMs). Half-open:
    /// opens again for another `recoveryMs` from nowMs. Open: only counts — a late failure of a call
    /// sent before the breaker opened does not prolong the open period.
    void recordFailure(qint64 nowMs);
    /// The acquired call ended without telling anything about the endpoint (the client left, the
    /// call was cancelled): a half-open breaker returns to open and the next call may probe at once
    /// (the open period keeps its start, whose recovery time had already passed). No effect in other
    /// states. Only the holder of the probe should call it, since the breaker cannot tell its caller
    /// from a call that was acquired while it was still closed.
    void abandon();

    /// Open is reported until a probe is actually sent, even once the recovery time has passed, so
    /// the result does not depend on `nowMs`.
    State state(qint64 nowMs) const;
    int consecutiveFailures() const;
    /// When it last opened; meaningful while not closed. Never moves backwards (time comes from a
    /// monotonic clock), so a thread that computed its time earlier cannot shorten an open period.
    qint64 openedAtMs() const;
    /// How often it opened (from closed at the threshold, or again after a failed probe) since it was
    /// made: endpoint_stats' `breaker_trips`.
    quint64 trips() const { return m_trips.load(std::memory_order_relaxed); }

private:
    std::atomic<int> m_state{int(State::Closed)}; ///< State in the low two bits, a transition count above
    std::atomic<int> m_failures{0};
    std::atomic<qint64> m_openedAt{0};
    std::atomic<int> m_threshold{5};
    std::atomic<qint64> m_recoveryMs{60'000};
    std::atomic<quint64> m_trips{0};
};

} // namespace llmproxy
